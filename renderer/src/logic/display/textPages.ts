/** A text read in pages: the height of the window it is read through, and how many pages. */
export interface TextPages {
  readonly windowPx: number
  readonly count: number
}

/**
 * How a text of whole lines (`contentPx`, every line `linePx` tall) is read in a room of
 * `roomPx`: at once when it fits, else through a window of as many whole lines as fit, turned a
 * window at a time, so no line is ever cut across (a lobby reads whole lines, not the tops of
 * letters). Half a pixel of rounding is forgiven.
 *
 * @example
 * textPages(90, 100, 45) //=> { windowPx: 90, count: 1 }
 * textPages(225, 100, 45) //=> { windowPx: 90, count: 3 }
 */
export function textPages(contentPx: number, roomPx: number, linePx: number): TextPages {
  if (contentPx <= roomPx + 0.5 || linePx <= 0) return { windowPx: contentPx, count: 1 }
  const lines = Math.max(1, Math.floor((roomPx + 0.5) / linePx))
  const windowPx = lines * linePx
  return { windowPx, count: Math.ceil((contentPx - 0.5) / windowPx) }
}
