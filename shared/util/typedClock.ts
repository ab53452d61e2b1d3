/**
 * A 24-hour clock time as a person types it, in the form a scenario keeps it (`HH:MM`), or
 * `null` when it is not one. Forgiving of how it is typed — one hour digit (`9:30`), no
 * separator (`0930`, `930`), a Chinese keyboard's full-width colon or digits (`09：30`,
 * `０９：３０`), a dot (`9.30`) — and of nothing else: no `am`/`pm`, no `24:00`, two minute digits.
 *
 * @example
 * typedClock('9:30') //=> '09:30'
 * typedClock('1730') //=> '17:30'
 * typedClock('5 pm') //=> null
 */
export function typedClock(text: string): string | null {
  const ascii = text.trim().replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  const m = /^(\d{1,2})\s*[:：.．]?\s*(\d{2})$/u.exec(ascii)
  if (m === null) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 23 || min > 59) return null
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}
