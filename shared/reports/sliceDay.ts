import type { QueueEvent } from '../queue/events'

/**
 * The events of one business day out of a journal that runs across days: from the `dayOpened`
 * of `date` through the next `dayClosed` (or the end of the journal while the day is open).
 *
 * @example
 * sliceDay(journal, '2026-11-24')[0].type //=> 'dayOpened'
 */
export function sliceDay(journal: readonly QueueEvent[], date: string): QueueEvent[] {
  const start = journal.findIndex((e) => e.type === 'dayOpened' && e.date === date)
  if (start === -1) return []
  const end = journal.findIndex((e, i) => i > start && (e.type === 'dayClosed' || e.type === 'dayOpened'))
  if (end === -1) return journal.slice(start)
  return journal.slice(start, (journal[end] as QueueEvent).type === 'dayClosed' ? end + 1 : end)
}
