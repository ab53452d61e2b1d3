import type { Low } from 'lowdb'
import { Type } from 'typebox'
import { DailySummarySchema } from '../../shared/hq/summarySchema'
import type { BranchFile } from '../config/branchFile'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import { buildDayReport, type DayReport } from '../../shared/reports/dayReport'
import { REPORT_RULES, rulesOf, summarizeDay, type DailySummary } from '../../shared/reports/dailySummary'
import type { QueueEvent } from '../../shared/queue/events'
import { openDurableDb, type UpgradeLog } from '../persistence/storeFile'
import { storedFormat } from '../../shared/util/storedFormat'
import type { FileSystem } from '../persistence/fileSystem'
import type { JournalFolder } from '../persistence/journal'
import { errorText } from '../../shared/util/errorText'

/** What `ReportStore.refresh` did: the days computed again, and those kept as they were, with why. */
export interface RulesRefresh {
  readonly recomputed: readonly string[]
  readonly kept: readonly { readonly date: string; readonly rules: number; readonly why: string }[]
}

interface HistoryFile {
  readonly version: 1
  days: DailySummary[]
}

/** What history.json holds: the summaries HQ also accepts, checked when the hub opens it. */
const HistoryFileSchema = Type.Object({ version: Type.Literal(1), days: Type.Array(DailySummarySchema) })
/** history.json's format: unchanged since the first release. */
const HISTORY_FORMAT = storedFormat(1, [])

/**
 * The branch's report history: one compact daily summary per closed day (history.json), from
 * which the trend view over weeks and a year is computed without reading any journal. A day's
 * full report is rebuilt from its journal on request (journals are kept for the retention
 * period); summaries stay after the journals are pruned.
 */
export class ReportStore {
  private constructor(
    private readonly db: Low<HistoryFile>,
    private readonly journals: JournalFolder,
  ) {}

  static async open(fs: FileSystem, path: string, journals: JournalFolder, log: UpgradeLog): Promise<ReportStore> {
    const store = { format: HISTORY_FORMAT, schema: HistoryFileSchema }
    return new ReportStore(
      await openDurableDb<HistoryFile>(fs, path, store, () => ({ version: 1, days: [] }), log),
      journals,
    )
  }

  summaries(): readonly DailySummary[] {
    return this.db.data.days
  }

  /** Stores (or replaces) the summary of a closed day. */
  async record(report: DayReport): Promise<void> {
    if (report.date === null) return
    await this.put(summarizeDay(report))
  }

  /**
   * Keeps a closed day that did not happen here (the demo's simulated history) as a real one is
   * kept: its journal, from which its day report is built on request, then its summary. Either
   * may be there already, kept by a seeding of the same day that was stopped midway (each is
   * written whole): it is left as it is. Answers whether anything was added.
   */
  async keepSeededDay(date: string, journal: string, summary: DailySummary): Promise<boolean> {
    const hadJournal = await this.journals.has(date)
    if (!hadJournal) await this.journals.writeClosedDay(date, journal)
    if (this.db.data.days.some((s) => s.date === date)) return !hadJournal
    await this.put(summary)
    return true
  }

  private put(summary: DailySummary): Promise<void> {
    return this.db.update((d) => {
      d.days = [...d.days.filter((s) => s.date !== summary.date), summary].sort((a, b) => a.date.localeCompare(b.date))
    })
  }

  /** Summarises closed days that have a journal but no summary yet (after an upgrade or a crash at close). */
  async backfill(before: string, report: (events: readonly QueueEvent[]) => DayReport): Promise<string[]> {
    const have = new Set(this.db.data.days.map((d) => d.date))
    const done: string[] = []
    for (const date of await this.journals.dates()) {
      if (date >= before || have.has(date)) continue
      const events = await this.journalEvents(date)
      if (events === null || events.length === 0) continue
      await this.record(report(events))
      done.push(date)
    }
    return done
  }

  /**
   * Computes again, from its journal, every stored summary made under older report rules than
   * this version's (`REPORT_RULES`): a day keeps no figures from rules since changed, and what
   * HQ is sent (the changed summaries, `shipper.ts`) is under one set of rules. A day whose
   * journal is gone (pruned after the retention period), unreadable, or without its close (a
   * damaged last line) keeps its stored summary, under its old rules, and is listed in `kept`.
   */
  async refresh(report: (events: readonly QueueEvent[]) => DayReport): Promise<RulesRefresh> {
    const stale = this.db.data.days.filter((s) => rulesOf(s) < REPORT_RULES)
    if (stale.length === 0) return { recomputed: [], kept: [] }
    const have = new Set(await this.journals.dates())
    const fresh: DailySummary[] = []
    const kept: { date: string; rules: number; why: string }[] = []
    for (const old of stale) {
      const keep = (why: string) => kept.push({ date: old.date, rules: rulesOf(old), why })
      if (!have.has(old.date)) {
        keep('its journal is no longer kept')
        continue
      }
      let events: QueueEvent[]
      try {
        const { records, damagedTail } = await this.journals.read(old.date)
        events = records.map((r) => r.e)
        if (damagedTail !== null || !events.some((e) => e.type === 'dayClosed')) {
          keep('its journal does not hold the whole day (a damaged last line, or no close)')
          continue
        }
      } catch (e) {
        keep(`its journal cannot be read: ${errorText(e)}`)
        continue
      }
      const summary = summarizeDay(report(events))
      // The journal must be the same day's: a summary is never replaced by another day's figures.
      if (summary.date !== old.date) keep(`its journal holds ${summary.date || 'no day'}`)
      else fresh.push(summary)
    }
    if (fresh.length > 0) {
      const byDate = new Map(fresh.map((s) => [s.date, s]))
      await this.db.update((d) => {
        d.days = d.days.map((s) => byDate.get(s.date) ?? s)
      })
    }
    return { recomputed: fresh.map((s) => s.date), kept }
  }

  /** Where a closed day's journal is (the demo history's thread reads its kept days there). */
  journalFile(date: string): string {
    return this.journals.fileFor(date)
  }

  /** A past day's events from its journal, or null when the journal is gone or damaged. */
  async journalEvents(date: string): Promise<QueueEvent[] | null> {
    try {
      const { records } = await this.journals.read(date)
      return records.length === 0 ? null : records.map((r) => r.e)
    } catch {
      return null
    }
  }
}

/** The day's report from its events with the branch's current configuration (and staff names). */
export function dayReportOf(
  events: readonly QueueEvent[],
  config: Pick<BranchFile, 'branch' | 'staff' | 'utcOffsetMinutes'>,
  feedback: readonly FeedbackRecord[],
  asOf: number | null,
): DayReport {
  return buildDayReport({
    events,
    branch: config.branch,
    utcOffsetMinutes: config.utcOffsetMinutes,
    feedback,
    asOf,
    staff: config.staff.map((s) => ({ id: s.id, name: s.name })),
  })
}
