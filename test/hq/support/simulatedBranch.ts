import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import type { JournalRecord } from '../../../shared/queue/eventSchema'
import type { ReportConfig } from '../../../shared/hq/shippedSchemas'
import type { QueueEvent } from '../../../shared/queue/events'
import { addDays } from '../../../shared/domain/localTime'
import { busyDayEvents } from '../../../shared/sim/busyDay'

/** The demo branch's report configuration, as a hub ships it. */
export const DEMO_REPORT_CONFIG: ReportConfig = {
  branch: DEMO_BRANCH,
  utcOffsetMinutes: 480,
  staff: [{ id: 'm01' as ReportConfig['staff'][number]['id'], name: '赵主任' }],
}

/** Simulated days of the demo branch as journal records, seqs running on from day to day. */
export function simulatedDays(
  first: string,
  days: number,
  tickets: number,
  seed: number,
): { day: string; records: JournalRecord[] }[] {
  const out: { day: string; records: JournalRecord[] }[] = []
  let seq = 1
  for (let d = 0; d < days; d++) {
    const day = addDays(first, d)
    const events = busyDayEvents({
      branch: DEMO_BRANCH,
      date: day,
      utcOffsetMinutes: 480,
      tickets,
      seed: seed + d,
      firstSeq: seq,
      earlyCounters: 6,
    })
    seq += events.length
    out.push({ day, records: events.map(asRecord) })
  }
  return out
}

export function asRecord(e: QueueEvent): JournalRecord {
  return { e, m: { actor: { kind: 'system', reason: 'simulated' } } } as JournalRecord
}
