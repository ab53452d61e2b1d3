/**
 * A text file's content without the byte-order mark some editors put first (Windows Notepad's
 * "UTF-8 with BOM"): it is no part of the content, and JSON.parse refuses it with an error that
 * shows an invisible character. Files are read through this and written without one.
 *
 * @example
 * withoutBom('\uFEFF{"version": 1}') //=> '{"version": 1}'
 */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}
