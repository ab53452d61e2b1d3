/** A cell: text, a number (written as is, no thousands separators), or empty. */
export type CsvCell = string | number | null

/** U+FEFF: written first so Excel reads the file as UTF-8 and shows Chinese correctly. */
export const UTF8_BOM = '\uFEFF'

/**
 * One field quoted as RFC 4180 requires: in double quotes when it contains a comma, a double
 * quote, CR or LF (or starts/ends with a space, which Excel would otherwise trim), with each
 * double quote doubled. A non-finite number is written empty.
 *
 * @example
 * csvField('Say "hi", please') //=> '"Say ""hi"", please"'
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
}

/**
 * A whole CSV document: the BOM, then records separated by CRLF (RFC 4180), ending with CRLF.
 *
 * @example
 * toCsv([['号码', 'wait'], ['A001', 12]]) //=> '\uFEFF号码,wait\r\nA001,12\r\n'
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}
