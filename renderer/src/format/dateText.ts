import type { Language } from '../../../shared/domain/text'

/**
 * A calendar date (`YYYY-MM-DD`) written out in the page's language: what a date picker shows
 * beside it, since Chromium formats `<input type="date">` by its own UI language (12/06/2026 on
 * a Chinese screen), not the page's. The empty string for anything but a valid date.
 *
 * @example
 * dateText('2026-12-06', 'zh-CN') //=> '2026年12月6日星期日'
 * dateText('2026-12-06', 'en') //=> 'Sunday, December 6, 2026'
 */
export function dateText(date: string, language: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return ''
  const at = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date) return ''
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(at)
}
