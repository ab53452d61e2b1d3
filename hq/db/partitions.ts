import { sqlState, type Db } from './db'

/**
 * The monthly partitions of `events`: `events_y2026m11` holds the business days of November
 * 2026. A partition is created the first time a batch for its month arrives (in its own short
 * transaction, since creating one locks the parent table), and remembered.
 */
export class MonthPartitions {
  private readonly known = new Set<string>()

  constructor(private readonly db: Db) {}

  /** Makes sure the partition for `day`'s month exists. */
  async ensure(day: string): Promise<void> {
    const month = day.slice(0, 7)
    if (this.known.has(month)) return
    const [y, m] = month.split('-').map(Number) as [number, number]
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
    const name = `events_y${y}m${String(m).padStart(2, '0')}`
    try {
      await this.db.transaction(async (tx) => {
        await tx.query(`select pg_advisory_xact_lock(hashtext('branch-lobby-hq partitions'))`)
        await tx.exec(
          `create table if not exists ${name} partition of events for values from ('${month}-01') to ('${next}-01')`,
        )
      })
    } catch (e) {
      // Another HQ process created it between our check and our create.
      if (sqlState(e) !== '42P07') throw e
    }
    this.known.add(month)
  }

  /** The partitions that exist, oldest first (for the documentation's queries and the tests). */
  async list(): Promise<string[]> {
    const rows = await this.db.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
       join pg_class p on p.oid = i.inhparent where p.relname = 'events' order by 1`,
    )
    return rows.map((r) => r.name)
  }
}
