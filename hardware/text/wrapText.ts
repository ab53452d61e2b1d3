/** Characters that must not begin a line in Chinese typesetting (a light 禁则 rule). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕,.;:!?)%'])

/**
 * Breaks a text into lines of at most `columns` columns, at spaces between Latin words and
 * between any two CJK characters, keeping closing punctuation off the start of a line. The
 * printer would otherwise wrap mid-word at its own margin.
 *
 * @example
 * wrapText('Your ID card and bank card', 12, () => 1) //=> ['Your ID card', 'and bank', 'card']
 */
export function wrapText(text: string, columns: number, widthOf: (ch: string) => number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) lines.push(...wrapParagraph(paragraph, columns, widthOf))
  return lines
}

/** A unit that is not broken: a Latin word with its trailing spaces, or one CJK character. */
function tokens(text: string): string[] {
  const out: string[] = []
  let word = ''
  for (const ch of text) {
    const latin = (ch.codePointAt(0) ?? 0) < 0x2e80
    if (ch === ' ') {
      word += ch
    } else if (latin) {
      if (word.endsWith(' ')) {
        out.push(word)
        word = ''
      }
      word += ch
    } else {
      // A CJK character or full-width punctuation stands alone so a line can break around it.
      if (word !== '') out.push(word)
      word = ''
      out.push(ch)
    }
  }
  if (word !== '') out.push(word)
  return out
}

function wrapParagraph(text: string, columns: number, widthOf: (ch: string) => number): string[] {
  const width = (s: string): number => [...s].reduce((n, ch) => n + widthOf(ch), 0)
  const lines: string[][] = []
  let line: string[] = []
  let used = 0
  for (const token of tokens(text)) {
    const w = width(token.trimEnd())
    if (used + w > columns && line.length > 0) {
      // Closing punctuation takes the previous character with it to the new line.
      const carried = NO_LINE_START.has(token) && line.length > 1 ? [line.pop() ?? ''] : []
      lines.push(line)
      line = carried
      used = width(carried.join(''))
    }
    if (w > columns) {
      // A word longer than the line (a long URL): hard-break it.
      let chunk = ''
      for (const ch of token) {
        if (width(chunk) + widthOf(ch) > columns) {
          lines.push([chunk])
          chunk = ''
        }
        chunk += ch
      }
      line = [chunk]
      used = width(chunk)
      continue
    }
    line.push(token)
    used += width(token)
  }
  lines.push(line)
  return lines.map((l) => l.join('').trimEnd())
}
