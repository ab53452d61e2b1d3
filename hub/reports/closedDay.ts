import { endOfLocalDate, localDate } from '../../shared/domain/localTime'
import type { QueueEvent } from '../../shared/queue/events'
import type { Clock } from '../clock'
import type { BranchFile } from '../config/branchFile'
import type { RecentDays } from '../estimation/branchKnowledge'
import type { JournalFolder } from '../persistence/journal'
import type { FeedbackStore } from './feedbackStore'
import { dayReportOf, type ReportStore } from './reportStore'

export interface ClosedDaySources {
  readonly config: () => BranchFile
  readonly reports: ReportStore
  readonly feedback: FeedbackStore
  readonly journals: JournalFolder
  readonly recentDays: RecentDays
  readonly clock: Clock
}

/**
 * What follows a closed business day (QueueHost `onDayClosed`): its summary goes into the
 * history the trend view reads, journals past the retention period are removed, and the day
 * becomes something to learn from for tomorrow.
 */
export async function followClosedDay(s: ClosedDaySources, date: string, events: readonly QueueEvent[]): Promise<void> {
  const config = s.config()
  const offset = config.utcOffsetMinutes
  const end = endOfLocalDate(date, offset)
  const start = end - 86_400_000 + 1
  await s.reports.record(dayReportOf(events, config, s.feedback.forDay(start, end), null))
  const now = s.clock.now()
  await s.journals.prune(localDate(now - config.retention.journalDays * 86_400_000, offset))
  await s.recentDays.learnFor(localDate(now + 86_400_000, offset))
}
