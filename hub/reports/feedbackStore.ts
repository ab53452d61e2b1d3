import { randomUUID } from 'node:crypto'
import type { Low } from 'lowdb'
import { Type } from 'typebox'
import { FeedbackRecordSchema } from '../../shared/hq/shippedSchemas'
import {
  feedbackId,
  decideResolve,
  recordFeedback,
  type FeedbackRecord,
  type NewFeedback,
  type ResolveOutcome,
} from '../../shared/feedback/feedback'
import type { StaffId } from '../../shared/domain/ids'
import { feedbackForDay } from '../../shared/feedback/feedbackForDay'
import type { WorkCalendar } from '../../shared/feedback/replyDeadline'
import { openDurableDb, type UpgradeLog } from '../persistence/storeFile'
import { storedFormat } from '../../shared/util/storedFormat'
import type { FileSystem } from '../persistence/fileSystem'

interface FeedbackFile {
  readonly version: 1
  records: FeedbackRecord[]
}

/** What feedback.json holds: the records HQ also accepts, checked when the hub opens it. */
const FeedbackFileSchema = Type.Object({ version: Type.Literal(1), records: Type.Array(FeedbackRecordSchema) })
/** feedback.json's format: unchanged since the first release. */
const FEEDBACK_FORMAT = storedFormat(1, [])

/**
 * Complaints, suggestions and praise (feedback.json), each with its 3-working-day reply
 * deadline, kept across days until answered: one badly handled complaint undoes everything.
 */
export class FeedbackStore {
  private constructor(private readonly db: Low<FeedbackFile>) {}

  static async open(fs: FileSystem, path: string, log: UpgradeLog): Promise<FeedbackStore> {
    const store = { format: FEEDBACK_FORMAT, schema: FeedbackFileSchema }
    return new FeedbackStore(
      await openDurableDb<FeedbackFile>(fs, path, store, () => ({ version: 1, records: [] }), log),
    )
  }

  all(): readonly FeedbackRecord[] {
    return this.db.data.records
  }

  /** Feedback a day's report covers: received that day, or still open then. */
  forDay(dayStart: number, dayEnd: number): FeedbackRecord[] {
    return feedbackForDay(this.db.data.records, dayStart, dayEnd)
  }

  async add(input: Omit<NewFeedback, 'id'>, calendar: WorkCalendar): Promise<FeedbackRecord> {
    const record = recordFeedback({ ...input, id: feedbackId(randomUUID()) }, calendar)
    await this.db.update((d) => {
      d.records.push(record)
    })
    return record
  }

  /**
   * Records the reply to a record, once (`decideResolve`); null for an unknown id. The decision
   * and the change happen with no wait between them, so two replies racing cannot both win.
   */
  async resolve(id: string, at: number, resolution: string, by: StaffId): Promise<ResolveOutcome | null> {
    const found = this.db.data.records.find((r) => r.id === id)
    if (found === undefined) return null
    const outcome = decideResolve(found, at, resolution, by)
    if (outcome.kind !== 'resolved') return outcome
    await this.db.update((d) => {
      d.records = d.records.map((r) => (r.id === id ? outcome.record : r))
    })
    return outcome
  }
}
