import { branchDayReport, feedbackWindow } from '../../shared/hq/branchDayReport'
import { compareBranches } from '../../shared/hq/compareBranches'
import type { JournalRecord } from '../../shared/queue/eventSchema'
import { groupTrend } from '../../shared/hq/regionTrend'
import type { ReportConfig } from '../../shared/hq/shippedSchemas'
import type { BranchStatus, BranchTrend, Comparison, GroupTrend, HqUserView } from '../../shared/hq/views'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import type { QueueEvent } from '../../shared/queue/events'
import { REPORT_RULES, summarizeDay, type DailySummary } from '../../shared/reports/dailySummary'
import { labelsOf, type DayReport } from '../../shared/reports/dayReport'
import { rangeReport } from '../../shared/reports/rangeReport'
import { HttpError } from '../../server/httpError'
import type { Db } from '../db/db'
import type { BranchRecord, Registry } from './registry'
import { upsertSummaries } from './replicationStore'

export interface HqReportOptions {
  /** A branch not heard from (events or heartbeat) for this long is shown offline. */
  readonly offlineAfterMs: number
  /** How old HQ's summary of a day still open may be before it is worked out again. */
  readonly liveRefreshMs: number
}

/**
 * The cross-branch views, from the daily summaries (the branch's own, or HQ's from the
 * replicated events for a day the branch has not summarised yet), and a branch's day report
 * built from its replicated events with the same `shared/reports` functions the branch uses.
 */
export class HqReports {
  constructor(
    private readonly db: Db,
    private readonly registry: Registry,
    private readonly now: () => number,
    private readonly options: HqReportOptions,
  ) {}

  async comparison(viewer: HqUserView, from: string, to: string): Promise<Comparison> {
    checkRange(from, to)
    const branches = await this.registry.branchesFor(viewer)
    const summaries = await this.summaries(branches, from, to)
    return {
      from,
      to,
      regions: await this.registry.regions(viewer),
      branches: branches.map(({ key: _key, ...b }) => b),
      rows: compareBranches(branches, summaries, from, to),
    }
  }

  async trend(
    viewer: HqUserView,
    from: string,
    to: string,
    grain: 'day' | 'week',
    regionId: string | null,
  ): Promise<GroupTrend> {
    checkRange(from, to)
    const branches = (await this.registry.branchesFor(viewer)).filter(
      (b) => regionId === null || b.regionId === regionId,
    )
    const summaries = await this.summaries(branches, from, to)
    return { regionId, points: groupTrend([...summaries.values()].flat(), from, to, grain) }
  }

  async branchRange(viewer: HqUserView, branchId: string, from: string, to: string): Promise<BranchTrend> {
    checkRange(from, to)
    const branch = await this.registry.branchFor(viewer, branchId)
    const summaries = (await this.summaries([branch], from, to)).get(branch.id) ?? []
    const config = await this.config(branch.key)
    const { key: _key, ...shown } = branch
    return {
      branch: shown,
      report: rangeReport(summaries, from, to),
      labels: config === null ? null : labelsOf(config.branch, config.staff),
      utcOffsetMinutes: config?.utcOffsetMinutes ?? summaries[0]?.utcOffsetMinutes ?? 0,
    }
  }

  /** A branch's day as the branch itself reports it; today's so far, up to what HQ holds. */
  async branchDay(viewer: HqUserView, branchId: string, date: string): Promise<DayReport> {
    const branch = await this.registry.branchFor(viewer, branchId)
    const [day] = await this.db.query<{ closed: boolean }>(
      'select closed from branch_days where branch_id = $1 and day = $2::date',
      [branch.key, date],
    )
    const config = await this.config(branch.key)
    if (day === undefined || config === null) {
      throw new HttpError(404, 'noSuchDay', `HQ holds no events of ${branchId} for ${date}`, 'params.date')
    }
    return this.dayReport(branch.key, date, config, day.closed ? null : this.now())
  }

  async statuses(viewer: HqUserView): Promise<BranchStatus[]> {
    const branches = await this.registry.branchesFor(viewer)
    const rows = await this.db.query<{
      branch_id: number
      last_seq: number | null
      branch_seq: number | null
      last_event_at: number | null
      last_heard_at: number | null
      gaps: number
    }>(
      `select branch_id, last_seq, branch_seq, last_event_at::float8 as last_event_at,
       last_heard_at::float8 as last_heard_at, gaps from replication_state where branch_id = any($1::int[])`,
      [branches.map((b) => b.key)],
    )
    const byKey = new Map(rows.map((r) => [r.branch_id, r]))
    const now = this.now()
    return branches.map(({ key, ...branch }) => {
      const s = byKey.get(key)
      const lastSeq = s?.last_seq ?? null
      const branchSeq = s?.branch_seq ?? null
      const heard = s?.last_heard_at ?? null
      return {
        branch,
        lastSeq,
        branchSeq,
        behindEvents: branchSeq === null ? 0 : Math.max(0, branchSeq - (lastSeq ?? 0)),
        lastEventAt: s?.last_event_at ?? null,
        lastHeardAt: heard,
        offline: heard === null || now - heard > this.options.offlineAfterMs,
        gaps: s?.gaps ?? 0,
      }
    })
  }

  /** The day summaries of some branches over a range, by branch code; missing ones worked out first. */
  private async summaries(
    branches: readonly BranchRecord[],
    from: string,
    to: string,
  ): Promise<Map<string, DailySummary[]>> {
    const keys = branches.map((b) => b.key)
    await this.fillMissing(keys, from, to)
    const rows = await this.db.query<{ branch_id: number; summary: DailySummary }>(
      `select branch_id, summary from day_summaries
       where branch_id = any($1::int[]) and day between $2::date and $3::date order by day`,
      [keys, from, to],
    )
    const code = new Map(branches.map((b) => [b.key, b.id]))
    const out = new Map<string, DailySummary[]>(branches.map((b) => [b.id, []]))
    for (const r of rows) out.get(code.get(r.branch_id) as string)?.push(r.summary)
    return out
  }

  /**
   * Summarises the days HQ holds events for but no summary of (the branch has not shipped its
   * own yet: today so far, or a day just closed), days still open whose summary is older
   * than `liveRefreshMs` and behind the events, and summaries made under older report rules
   * (`REPORT_RULES`): HQ's own, and a branch's of a closed day whose events HQ holds whole (no gap
   * recorded that day). An upgraded hub computes its own again from its journals and ships it
   * (`ReportStore.refresh`), but a hub not yet upgraded, or one whose journals were pruned, never
   * will: HQ's figures would mix rules silently. HQ's summary under this version's rules stands
   * in for it until the branch ships one of those (the branch's wins again then).
   */
  private async fillMissing(keys: readonly number[], from: string, to: string): Promise<void> {
    const stale = await this.db.query<{ branch_id: number; day: string; last_seq: number; closed: boolean }>(
      `select d.branch_id, d.day::text as day, d.last_seq, d.closed from branch_days d
       left join day_summaries s on s.branch_id = d.branch_id and s.day = d.day
       where d.branch_id = any($1::int[]) and d.day between $2::date and $3::date
         and (s.branch_id is null or (s.source = 'hq' and ((s.through_seq < d.last_seq and (d.closed or s.computed_at < $4))
           or coalesce((s.summary->>'rulesVersion')::int, 1) < $5))
         or (s.source = 'branch' and d.closed and coalesce((s.summary->>'rulesVersion')::int, 1) < $5
           and not exists (select 1 from replication_gaps g where g.branch_id = d.branch_id and g.day = d.day)))`,
      [keys, from, to, this.now() - this.options.liveRefreshMs, REPORT_RULES],
    )
    for (const d of stale) {
      const config = await this.config(d.branch_id)
      if (config === null) continue
      const report = await this.dayReport(d.branch_id, d.day, config, d.closed ? null : this.now())
      await upsertSummaries(this.db, d.branch_id, [summarizeDay(report)], 'hq', d.last_seq, this.now())
    }
  }

  private async dayReport(
    branchKey: number,
    date: string,
    config: ReportConfig,
    asOf: number | null,
  ): Promise<DayReport> {
    const { from, to } = feedbackWindow(date, config.utcOffsetMinutes, asOf)
    const [events, feedback] = await Promise.all([this.events(branchKey, date), this.feedback(branchKey, from, to)])
    return branchDayReport({ date, events, config, feedback, asOf })
  }

  private async events(branchKey: number, date: string): Promise<QueueEvent[]> {
    // One text of the whole day, parsed once: thousands of rows each parsed by the driver cost
    // several times more.
    const [row] = await this.db.query<{ recs: string | null }>(
      `select string_agg(rec::text, ',' order by seq) as recs from events where branch_id = $1 and day = $2::date`,
      [branchKey, date],
    )
    const recs = JSON.parse(`[${row?.recs ?? ''}]`) as JournalRecord[]
    return recs.map((r) => r.e)
  }

  /**
   * The branch's feedback that was open at some time between `from` and `to`: received by then
   * and not resolved before. A superset of what the day's report keeps (`feedbackForDay` decides),
   * so a branch's years of feedback are not read for every day shown.
   */
  private async feedback(branchKey: number, from: number, to: number): Promise<FeedbackRecord[]> {
    const rows = await this.db.query<{ record: FeedbackRecord }>(
      `select record from feedback
       where branch_id = $1 and (record->>'receivedAt')::float8 <= $3
         and (record->>'resolvedAt' is null or (record->>'resolvedAt')::float8 >= $2)
       order by (record->>'receivedAt')::float8, id`,
      [branchKey, from, to],
    )
    return rows.map((r) => r.record)
  }

  private async config(branchKey: number): Promise<ReportConfig | null> {
    const [row] = await this.db.query<{ config: ReportConfig }>(
      `select c.config from replication_state st
       join config_versions c on c.branch_id = st.branch_id and c.hash = st.config_hash where st.branch_id = $1`,
      [branchKey],
    )
    return row?.config ?? null
  }
}

function checkRange(from: string, to: string): void {
  if (from > to) throw new HttpError(400, 'invalidRange', `'from' ${from} is after 'to' ${to}`, 'query.from')
}
