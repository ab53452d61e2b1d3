import { columnsOf, printable, type TextEncoding } from './encoding'

export type Align = 'left' | 'center' | 'right'
/** Which end of a too-long text survives: the start of a message, the end of "A023" on a 3-digit board. */
export type Keep = 'start' | 'end'

export interface FitOptions {
  readonly encoding: TextEncoding
  readonly align: Align
  readonly keep: Keep
}

/**
 * Fits a text into exactly `width` columns of a fixed-width display: cut at whole characters
 * (never half a double-width glyph), then padded with spaces.
 *
 * @example
 * fitText('A023', 3, { encoding: 'ascii', align: 'right', keep: 'end' }) //=> '023'
 * fitText('暂停', 6, { encoding: 'gb18030', align: 'center', keep: 'start' }) //=> ' 暂停 '
 */
export function fitText(text: string, width: number, options: FitOptions): string {
  const chars = [...printable(text, options.encoding)]
  const widths = chars.map((ch) => columnsOf(ch, options.encoding))
  let used = widths.reduce((a, b) => a + b, 0)
  if (options.keep === 'start') {
    while (used > width) used -= widths.pop() ?? 0
    chars.length = widths.length
  } else {
    while (used > width) {
      used -= widths.shift() ?? 0
      chars.shift()
    }
  }
  const body = chars.join('')
  const free = width - used
  const left = options.align === 'left' ? 0 : options.align === 'right' ? free : Math.floor(free / 2)
  return ' '.repeat(left) + body + ' '.repeat(free - left)
}
