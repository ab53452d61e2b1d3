import iconv from 'iconv-lite'

/**
 * The character sets our devices understand. `ascii` is for LED modules that only have a Latin
 * font; `cp437` is the ESC/POS printers' default code page (PC437, `ESC t 0`); `gb18030` covers
 * GB2312/GBK devices too, since those are subsets of it.
 */
export const TEXT_ENCODINGS = ['ascii', 'cp437', 'gb18030'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]

/**
 * Stand-ins for symbols a Latin-only display lacks, so "A023 → 3" reads "A023 > 3" there
 * rather than "A023 ? 3".
 */
const ASCII_FALLBACK: Readonly<Record<string, string>> = {
  '→': '>',
  '←': '<',
  '—': '-',
  '–': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '·': '.',
  '…': '.',
  '，': ',',
  '。': '.',
  '：': ':',
  '（': '(',
  '）': ')',
  '\u00a0': ' ',
  '\u3000': ' ',
}

/**
 * Typographic punctuation of Latin text that has a plain ASCII form. The printer uses it, so an
 * English ticket ("4–9 min") never needs Kanji mode, which a printer without Chinese lacks.
 *
 * @example
 * latinPunctuation('–') //=> '-'
 * latinPunctuation('，') //=> undefined
 */
export function latinPunctuation(ch: string): string | undefined {
  return LATIN_PUNCTUATION[ch]
}

const LATIN_PUNCTUATION: Readonly<Record<string, string>> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '\u00a0': ' ',
}

const isAscii = (ch: string): boolean => {
  const c = ch.codePointAt(0) ?? 0
  return c >= 0x20 && c <= 0x7e
}

/**
 * A printable ASCII character: the part every one of our encodings shares byte for byte.
 *
 * @example
 * isPrintableAscii('A') //=> true
 * isPrintableAscii('é') //=> false
 */
export function isPrintableAscii(ch: string): boolean {
  return isAscii(ch)
}

const cp437Cache = new Map<string, boolean>()

/**
 * Whether the printer's code page (PC437) has this character, so it can be printed without
 * switching to Kanji mode.
 *
 * @example
 * inCp437('é') //=> true
 * inCp437('中') //=> false
 */
export function inCp437(ch: string): boolean {
  if (isAscii(ch)) return true
  const cached = cp437Cache.get(ch)
  if (cached !== undefined) return cached
  // iconv-lite writes '?' for what the table lacks; a round trip tells the two apart.
  const bytes = iconv.encode(ch, 'cp437')
  const ok = bytes.length === 1 && bytes[0] !== 0x3f && (bytes[0] ?? 0) >= 0x80
  cp437Cache.set(ch, ok)
  return ok
}

/**
 * Replaces what an encoding cannot show: symbols by a look-alike, the rest by '?'.
 *
 * @example
 * printable('A023 → 3', 'ascii') //=> 'A023 > 3'
 */
export function printable(text: string, encoding: TextEncoding): string {
  if (encoding === 'gb18030') {
    // Display fonts are GB2312/GBK: a character GB18030 needs four bytes for is not in them,
    // and keeping it out keeps one column a byte, which fixed-size payloads rely on.
    let out = ''
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0
      out += c < 0x20 || c === 0x7f ? ' ' : c < 0x80 || iconv.encode(ch, 'gb18030').length === 2 ? ch : '?'
    }
    return out
  }
  let out = ''
  for (const ch of text) {
    if (isAscii(ch) || (encoding === 'cp437' && inCp437(ch))) out += ch
    else out += ASCII_FALLBACK[ch] ?? ((ch.codePointAt(0) ?? 0) < 0x20 ? ' ' : '?')
  }
  return out
}

/**
 * Whether a device shows the text without a '?' for a character it lacks (look-alike symbols
 * such as '>' for '→' count as shown).
 *
 * @example
 * showsWhole('Counter 3', 'cp437') //=> true
 * showsWhole('请到 3 号窗口', 'cp437') //=> false
 */
export function showsWhole(text: string, encoding: TextEncoding): boolean {
  for (const ch of text) if (ch !== '?' && printable(ch, encoding) === '?') return false
  return true
}

/**
 * Encodes text for a device, after `printable` has replaced what the device cannot show.
 *
 * @example
 * encodeText('中A', 'gb18030') //=> Uint8Array [0xd6, 0xd0, 0x41]
 */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  const safe = printable(text, encoding)
  if (encoding === 'ascii') return Uint8Array.from(safe, (ch) => ch.charCodeAt(0))
  return new Uint8Array(iconv.encode(safe, encoding))
}

/**
 * How many columns a character takes on a device with this encoding. On GB devices a
 * double-byte character is a full-width (two-column) glyph, whatever its Unicode class, so the
 * width is its byte count (the rare four-byte characters still take two columns).
 *
 * @example
 * columnsOf('中', 'gb18030') //=> 2
 * columnsOf('A', 'gb18030') //=> 1
 */
export function columnsOf(ch: string, encoding: TextEncoding): 1 | 2 {
  if (isAscii(ch)) return 1
  if (encoding === 'gb18030') return 2
  return 1
}

/**
 * The width of a text in device columns.
 *
 * @example
 * textColumns('A023 号', 'gb18030') //=> 7
 */
export function textColumns(text: string, encoding: TextEncoding): number {
  let n = 0
  for (const ch of printable(text, encoding)) n += columnsOf(ch, encoding)
  return n
}
