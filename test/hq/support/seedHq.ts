import type { HqContext } from '../../../hq/api/context'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import type { JournalRecord } from '../../../shared/queue/eventSchema'
import { addDays } from '../../../shared/domain/localTime'
import { busyDayEvents } from '../../../shared/sim/busyDay'
import { DEMO_REPORT_CONFIG } from './simulatedBranch'

/** Branches of a demonstration HQ: code, names, region, customers a day and counters staffed. */
export const SEED_BRANCHES = [
  { id: 'pudong', zh: '浦东支行', en: 'Pudong', region: 'east', tickets: 1000, counters: 6 },
  { id: 'jingan', zh: '静安支行', en: "Jing'an", region: 'east', tickets: 1300, counters: 4 },
  { id: 'haidian', zh: '海淀支行', en: 'Haidian', region: 'north', tickets: 800, counters: 5 },
] as const
export const SEED_REGIONS = [
  { id: 'east', zh: '华东区', en: 'East China' },
  { id: 'north', zh: '华北区', en: 'North China' },
] as const

/**
 * Fills an HQ with `days` simulated business days (the real engine) of three branches up to
 * `lastDay`, stored through HQ's own replication store as if shipped, and users `ho` (head
 * office) and `rm-east` (regional) with `password`. Jing'an's day before `lastDay` was closed by
 * its hub at the end of the day (nobody closed it), as the comparison then says.
 */
export async function seedHq(ctx: HqContext, lastDay: string, days: number, password: string): Promise<void> {
  const reg = ctx.registry
  for (const r of SEED_REGIONS) await reg.addRegion(r.id, { 'zh-CN': r.zh, en: r.en })
  await reg.addUser({ id: 'ho', name: '总行 王总', role: 'headOffice', regionId: null }, password)
  await reg.addUser({ id: 'rm-east', name: '华东区 李经理', role: 'regional', regionId: 'east' }, password)
  for (const [i, b] of SEED_BRANCHES.entries()) {
    await reg.addBranch(b.id, { 'zh-CN': b.zh, en: b.en }, b.region)
    const branch = (await reg.branchesFor({ id: 'seed', name: 'seed', role: 'headOffice', regionId: null })).find(
      (x) => x.id === b.id,
    )
    if (branch === undefined) throw new Error(`seeded branch ${b.id} is missing`)
    await ctx.replication.storeConfig(branch.key, `seed-${b.id}`, {
      ...DEMO_REPORT_CONFIG,
      branch: { ...DEMO_BRANCH, name: { 'zh-CN': b.zh, en: b.en } },
    })
    let seq = 1
    for (let d = days - 1; d >= 0; d--) {
      const day = addDays(lastDay, -d)
      const events = busyDayEvents({
        branch: DEMO_BRANCH,
        date: day,
        utcOffsetMinutes: 480,
        tickets: b.tickets,
        seed: 1000 * i + d,
        firstSeq: seq,
        earlyCounters: b.counters,
      })
      seq += events.length
      const forgotten = b.id === 'jingan' && d === 1
      const records = events.map(
        (e) =>
          ({
            e: forgotten && e.type === 'dayClosed' ? { ...e, auto: 'endOfDay' } : e,
            m: { actor: { kind: 'system', reason: 'simulated' } },
          }) as JournalRecord,
      )
      for (let k = 0; k < records.length; k += 1000) {
        await ctx.replication.ingest(branch.key, day, records.slice(k, k + 1000), false)
      }
    }
    await ctx.replication.heartbeat(branch.key, seq - 1)
  }
}
