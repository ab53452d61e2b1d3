import iconv from 'iconv-lite'
import { inCp437, isPrintableAscii, latinPunctuation } from '../text/encoding'
import { kanjiOff, kanjiOn } from './commands'

/**
 * The Chinese character sets of printer firmware. `gb18030` prints every character (the default,
 * what the encoder always sent); `gbk` is the two-byte part only: older printers print GB18030's
 * four-byte characters (rare name characters such as 𠮷, CJK extensions) as garbage, so the
 * encoder prints '?' for them instead.
 */
export const PRINTER_CHARSETS = ['gb18030', 'gbk'] as const
export type PrinterCharset = (typeof PRINTER_CHARSETS)[number]

/**
 * Whether a printer of `charset` can print a character: everything in GB18030, only what is
 * written in at most two bytes in GBK (ASCII and the code page are always printable).
 *
 * @example
 * printableOn('中', 'gbk') //=> true
 * printableOn('𠮷', 'gbk') //=> false
 * printableOn('𠮷', 'gb18030') //=> true
 */
export function printableOn(ch: string, charset: PrinterCharset): boolean {
  if (charset === 'gb18030' || (ch.codePointAt(0) ?? 0) < 0x80) return true
  return inCp437(ch) || latinPunctuation(ch) !== undefined || iconv.encode(ch, 'gb18030').length <= 2
}

/**
 * The text a printer of `charset` prints: what it cannot print as '?', and which characters those
 * were (each once), so the caller can say so.
 *
 * @example
 * forPrinter('𠮷野家', 'gbk') //=> { text: '?野家', replaced: ['𠮷'] }
 */
export function forPrinter(text: string, charset: PrinterCharset): { text: string; replaced: string[] } {
  let out = ''
  const replaced: string[] = []
  for (const ch of text) {
    if (printableOn(ch, charset)) out += ch
    else {
      out += '?'
      if (!replaced.includes(ch)) replaced.push(ch)
    }
  }
  return { text: out, replaced }
}

/**
 * How many columns a character takes on the printer: one for what the code page has (ASCII,
 * accented Latin), two for what is printed in Kanji mode as a 24×24 glyph.
 *
 * @example
 * printerColumns('A') //=> 1
 * printerColumns('号') //=> 2
 */
export function printerColumns(ch: string): number {
  const plain = latinPunctuation(ch)
  if (plain !== undefined) return plain.length
  return inCp437(ch) ? 1 : 2
}

/**
 * Appends text to an ESC/POS byte stream, switching Kanji mode on (`FS &`) only for the runs
 * that need it: Chinese in GB18030 inside Kanji mode, everything else in code page PC437.
 * ASCII reads the same in both modes, so it never forces a switch; typographic dashes and
 * quotes are printed as their ASCII forms for the same reason. The mode carries across
 * calls; `end` switches it off.
 */
export class EscPosText {
  private kanji = false

  constructor(private readonly out: number[]) {}

  write(text: string): void {
    for (const raw of text) {
      const ch = (raw.codePointAt(0) ?? 0) < 0x20 ? ' ' : raw
      const plain = latinPunctuation(ch)
      if (plain !== undefined) {
        this.out.push(...Array.from(plain, (c) => c.charCodeAt(0)))
      } else if (isPrintableAscii(ch)) {
        this.out.push(ch.charCodeAt(0))
      } else if (inCp437(ch)) {
        this.setKanji(false)
        this.out.push(...iconv.encode(ch, 'cp437'))
      } else {
        this.setKanji(true)
        this.out.push(...iconv.encode(ch, 'gb18030'))
      }
    }
  }

  end(): void {
    this.setKanji(false)
  }

  private setKanji(on: boolean): void {
    if (on === this.kanji) return
    this.out.push(...(on ? kanjiOn() : kanjiOff()))
    this.kanji = on
  }
}
