import type { FeedbackRecord } from '../../shared/feedback/feedback'
import type { JournalRecord } from '../../shared/queue/eventSchema'
import type { ReportConfig } from '../../shared/hq/shippedSchemas'
import type { ReplicationAck } from '../../shared/hq/views'
import type { DailySummary } from '../../shared/reports/dailySummary'
import { HttpError } from '../../server/httpError'
import type { Db, Sql } from '../db/db'
import { MonthPartitions } from '../db/partitions'

interface StateRow {
  last_seq: number | null
}

/**
 * What branches ship, stored. Events are taken strictly in order per branch: HQ holds, for each
 * branch, exactly the events from its first to `last_seq`, with no hole. A batch that repeats
 * events HQ has is taken for its new part only (at-least-once delivery, idempotent on branch,
 * day and seq); a batch that would leave a hole is stored not at all, and the answer says which
 * seq to send next, so the shipper rewinds. Every answer says where HQ's copy stands.
 */
export class ReplicationStore {
  private readonly partitions: MonthPartitions

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.partitions = new MonthPartitions(db)
  }

  get monthPartitions(): MonthPartitions {
    return this.partitions
  }

  async ingest(
    branchKey: number,
    day: string,
    records: readonly JournalRecord[],
    gap: boolean,
  ): Promise<ReplicationAck> {
    const first = (records[0] as JournalRecord).e.seq
    records.forEach((r, i) => {
      if (r.e.seq !== first + i)
        throw new HttpError(
          400,
          'notContiguous',
          `records[${i}].e.seq is ${r.e.seq}, not ${first + i}`,
          `body.records[${i}]`,
        )
      if (r.e.type === 'dayOpened' && r.e.date !== day)
        throw new HttpError(400, 'wrongDay', `records[${i}] opens ${r.e.date}, not ${day}`, `body.records[${i}]`)
    })
    await this.partitions.ensure(day)
    return this.db.transaction(async (tx) => {
      // Locks the branch's row: two batches of one branch are stored one after the other.
      const [state] = await tx.query<StateRow>(
        'select last_seq from replication_state where branch_id = $1 for update',
        [branchKey],
      )
      const last = state?.last_seq ?? null
      const now = this.now()
      if (last !== null && first > last + 1 && !gap) {
        await tx.query('update replication_state set last_heard_at = $2 where branch_id = $1', [branchKey, now])
        return { stored: 0, lastSeq: last, expectedSeq: last + 1 }
      }
      const fresh = last === null ? records : records.filter((r) => r.e.seq > last)
      const newest = fresh[fresh.length - 1]
      if (newest === undefined) {
        await tx.query('update replication_state set last_heard_at = $2 where branch_id = $1', [branchKey, now])
        return { stored: 0, lastSeq: last, expectedSeq: (last as number) + 1 }
      }
      const from = (fresh[0] as JournalRecord).e.seq
      // The batch goes as one JSON text that PostgreSQL splits into rows: no per-record
      // stringify here, no array literal to escape and parse.
      await tx.query(
        `insert into events (branch_id, day, seq, rec)
         select $1::int, $2::date, (r->'e'->>'seq')::int, r from json_array_elements($3::json) as r
         on conflict do nothing`,
        [branchKey, day, JSON.stringify(fresh)],
      )
      const closed = fresh.some((r) => r.e.type === 'dayClosed')
      await tx.query(
        `insert into branch_days (branch_id, day, first_seq, last_seq, closed) values ($1, $2, $3, $4, $5)
         on conflict (branch_id, day) do update set last_seq = excluded.last_seq, closed = branch_days.closed or excluded.closed`,
        [branchKey, day, from, newest.e.seq, closed],
      )
      const hole = gap && last !== null && from > last + 1
      if (hole || (gap && last === null)) {
        await tx.query(
          `insert into replication_gaps (branch_id, after_seq, resumed_seq, day, noticed_at) values ($1, $2, $3, $4, $5)
           on conflict do nothing`,
          [branchKey, last, from, day, now],
        )
      }
      await tx.query(
        `update replication_state set first_seq = coalesce(first_seq, $2), last_seq = $3, last_day = $4,
         last_event_at = $5, last_heard_at = $6, gaps = gaps + $7 where branch_id = $1`,
        [branchKey, from, newest.e.seq, day, Math.round(newest.e.at), now, hole ? 1 : 0],
      )
      return { stored: fresh.length, lastSeq: newest.e.seq, expectedSeq: newest.e.seq + 1 }
    })
  }

  /** The branch is alive and has committed up to `branchSeq`. */
  async heartbeat(branchKey: number, branchSeq: number): Promise<ReplicationAck> {
    const [state] = await this.db.query<StateRow>(
      'update replication_state set branch_seq = $2, last_heard_at = $3 where branch_id = $1 returning last_seq',
      [branchKey, branchSeq, this.now()],
    )
    const last = state?.last_seq ?? null
    return { stored: 0, lastSeq: last, expectedSeq: last === null ? null : last + 1 }
  }

  async storeConfig(branchKey: number, hash: string, config: ReportConfig): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `insert into config_versions (branch_id, hash, config, received_at) values ($1, $2, $3::jsonb, $4)
         on conflict do nothing returning hash`,
        [branchKey, hash, JSON.stringify(config), this.now()],
      )
      await tx.query('update replication_state set config_hash = $2 where branch_id = $1', [branchKey, hash])
      return rows.length > 0
    })
  }

  /** The branch's own summaries: they replace HQ's provisional ones and earlier versions. */
  async storeSummaries(branchKey: number, summaries: readonly DailySummary[]): Promise<number> {
    await upsertSummaries(this.db, branchKey, summaries, 'branch', null, this.now())
    return summaries.length
  }

  async storeFeedback(branchKey: number, records: readonly FeedbackRecord[]): Promise<number> {
    await this.db.query(
      `insert into feedback (branch_id, id, record, received_at)
       select $1::int, x.id, x.record, $4::bigint from unnest($2::text[], $3::jsonb[]) as x(id, record)
       on conflict (branch_id, id) do update set record = excluded.record, received_at = excluded.received_at`,
      [branchKey, records.map((r) => r.id), records.map((r) => JSON.stringify(r)), this.now()],
    )
    return records.length
  }
}

/**
 * Stores day summaries. The branch's own always win; HQ's (`source` 'hq') fill a day the branch
 * has not summarised, or stand in for a branch's made under older report rules than theirs
 * (`HqReports.fillMissing`), and are replaced when the branch ships its own.
 */
export async function upsertSummaries(
  sql: Sql,
  branchKey: number,
  summaries: readonly DailySummary[],
  source: 'branch' | 'hq',
  throughSeq: number | null,
  now: number,
): Promise<void> {
  if (summaries.length === 0) return
  await sql.query(
    `insert into day_summaries (branch_id, day, summary, source, through_seq, computed_at)
     select $1::int, x.day::date, x.summary, $4::text, $5::int, $6::bigint from unnest($2::text[], $3::jsonb[]) as x(day, summary)
     on conflict (branch_id, day) do update set summary = excluded.summary, source = excluded.source,
       through_seq = excluded.through_seq, computed_at = excluded.computed_at
     where day_summaries.source = 'hq' or excluded.source = 'branch'
       or coalesce((day_summaries.summary->>'rulesVersion')::int, 1) < coalesce((excluded.summary->>'rulesVersion')::int, 1)`,
    [branchKey, summaries.map((s) => s.date), summaries.map((s) => JSON.stringify(s)), source, throughSeq, now],
  )
}
