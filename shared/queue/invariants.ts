import { getTicket, type QueueState } from './state'

/**
 * The promises the engine keeps, as checks: each ticket in exactly one place, no ticket served
 * twice, no counter with two tickets, no number given twice in a day. Returns what is broken
 * (empty when all hold). The property tests run it after every command; the hub can run it
 * after a replay.
 */
export function invariantViolations(state: QueueState): string[] {
  const problems: string[] = []
  const holders = new Map<string, string>()
  for (const c of Object.values(state.counters)) {
    const busy = c.status === 'calling' || c.status === 'serving'
    if (busy !== (c.ticketId !== null))
      problems.push(`counter ${c.id} is ${c.status} with ticket ${String(c.ticketId)}`)
    if (c.ticketId === null) continue
    const other = holders.get(c.ticketId)
    if (other !== undefined) problems.push(`ticket ${c.ticketId} is at counters ${other} and ${c.id}`)
    holders.set(c.ticketId, c.id)
    const t = getTicket(state, c.ticketId)
    const expected = c.status === 'calling' ? 'called' : 'serving'
    if (t === undefined || t.status !== expected || t.counterId !== c.id) {
      problems.push(`counter ${c.id} is ${c.status} ${c.ticketId} but the ticket is ${t?.status ?? 'missing'}`)
    }
  }
  const numbers = new Set<string>()
  for (const t of [...state.open, ...state.done]) {
    if ((t.status === 'done') !== state.done.includes(t))
      problems.push(`ticket ${t.number} is ${t.status} in the wrong list`)
    if (numbers.has(t.number)) problems.push(`number ${t.number} given twice`)
    numbers.add(t.number)
    if ((t.status === 'called' || t.status === 'serving') && holders.get(t.id) !== t.counterId) {
      problems.push(`ticket ${t.number} is ${t.status} but no counter holds it`)
    }
    if (t.status === 'waiting' && t.counterId !== null) problems.push(`waiting ticket ${t.number} is at a counter`)
    if ((t.status === 'done') !== (t.outcome !== null))
      problems.push(`ticket ${t.number} is ${t.status} with outcome ${String(t.outcome)}`)
    if (t.status === 'noShow' && t.missedAt === null) problems.push(`no-show ${t.number} has no missed time`)
    if (t.visits.filter((v) => v.outcome === 'served').length > 1) problems.push(`ticket ${t.number} served twice`)
    const open = t.visits.filter((v) => v.endedAt === null).length
    const atCounter = t.status === 'called' || t.status === 'serving'
    if (open !== (atCounter ? 1 : 0)) problems.push(`ticket ${t.number} has ${open} open visits while ${t.status}`)
  }
  return problems
}
