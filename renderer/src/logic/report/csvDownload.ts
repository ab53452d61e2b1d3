import type { Language } from '../../../../shared/domain/text'
import { hubOrigin } from '../../api/hub'

/**
 * Hands a text file to the browser's downloads, as UTF-8 (the CSVs start with a byte-order
 * mark, so Excel reads Chinese correctly).
 */
export function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type }), filename)
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // The download has its own copy once started; the URL is freed a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Downloads a day's CSV from the hub: one row per ticket, or one per KPI. The route needs the
 * manager's bearer token, which a plain link cannot send, so it is fetched and saved as a Blob.
 * Resolves to null when saved, or the HTTP status that refused it.
 */
export async function downloadDayCsv(
  token: string | null,
  date: string,
  kind: 'tickets' | 'kpis',
  lang: Language,
): Promise<number | null> {
  const query = new URLSearchParams({ kind, lang }).toString()
  const res = await fetch(`${hubOrigin()}/api/v1/reports/day/${encodeURIComponent(date)}/csv?${query}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  })
  if (!res.ok) return res.status
  // Bytes as sent: the hub's text is UTF-8 with its BOM, kept exactly.
  saveBlob(new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' }), csvFileName(date, kind, lang))
  return null
}

/**
 * The name a day's CSV is saved under (the hub's own `content-disposition` name).
 *
 * @example
 * csvFileName('2026-11-24', 'tickets', 'zh-CN') //=> 'branch-lobby-2026-11-24-tickets-zh-CN.csv'
 */
export function csvFileName(date: string, kind: string, lang: Language): string {
  return `branch-lobby-${date}-${kind}-${lang}.csv`
}
