import { join } from 'node:path'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import type { HqLink as HqLinkConfig } from '../../shared/config/hqLinkSchema'
import type { ReportConfig } from '../../shared/hq/shippedSchemas'
import type { DailySummary } from '../../shared/reports/dailySummary'
import type { QueueHost } from '../queue/queueHost'
import type { JournalFolder } from '../persistence/journal'
import { DurableJsonFile } from '../persistence/durableJsonFile'
import { errorText } from '../../shared/util/errorText'
import { STOPPED_FILE } from './divergence'
import { HqLink } from './hqLink'
import { CursorFile } from './replicationCursor'
import { Shipper } from './shipper'
import type { Warn } from '../log/hubWarning'

export interface Replication {
  readonly shipper: Shipper
  stop(): Promise<void>
}

/**
 * Starts shipping this branch to HQ (the `hq` section of branch.json): the cursor is read from
 * `replication.json` in the data folder, and every committed event wakes the shipper. A cursor
 * written by a newer release is not shipped from (nor overwritten): the shipper is not started,
 * `onNotStarted` says why (once: the hub holds it as a standing problem while it runs), and null
 * is answered; the branch works on as without HQ until a hub starts on a cursor it can read.
 * Likewise after a divergence from HQ's copy (`divergence.ts`), found by this run or, through
 * `replication-stopped.json`, by an earlier one: `onDiverged` says it.
 */
export async function startReplication(o: {
  readonly dataDir: string
  readonly journals: JournalFolder
  readonly hq: HqLinkConfig
  readonly host: QueueHost
  readonly reportConfig: () => ReportConfig
  readonly summaries: () => readonly DailySummary[]
  readonly feedback: () => readonly FeedbackRecord[]
  readonly now: () => number
  readonly log: (level: 'info', message: string) => void
  readonly warn: Warn
  /** Shipping could not start: a problem the manager must act on. */
  readonly onNotStarted: (message: string) => void
  /** HQ refuses what retrying will not change (the message, HQ's code), or takes messages again (null). */
  readonly onRefused: (refusal: string | null, code?: string) => void
  /** HQ cannot be reached or is failing (the message, with what waits), or answers again (null). */
  readonly onUnreachable: (message: string | null) => void
  /** HQ's copy and the branch's journal diverged: shipping stopped for this run (the message). */
  readonly onDiverged: (message: string) => void
  /** How many days closed journals are kept (`retention.journalDays`): what HQ can still get later. */
  readonly journalDays: number
}): Promise<Replication | null> {
  const cursorFile = new CursorFile(o.journals.fs, join(o.dataDir, 'replication.json'))
  const loaded = await cursorFile.load(
    o.hq.url,
    (why) => o.warn('warn', 'replication.cursorInvalid', { why }, `replication cursor: ${why}`),
    {
      info: (_fields, message) => o.log('info', message),
    },
  )
  if (!loaded.ok) {
    o.onNotStarted(
      `Not shipping to HQ: ${loaded.error}. The branch works as before; once shipping starts again HQ gets ` +
        `what the journals still hold (closed days are kept ${o.journalDays} days, so act before then; ` +
        'deleting the file and restarting the hub also works: the shipper then asks HQ where to resume)',
    )
    return null
  }
  // A divergence found by an earlier run stands until a person repairs HQ's copy and deletes the
  // file: this run's replay may end past HQ's copy by now, and its cursor may fit by chance.
  const stopped = new DurableJsonFile<{ readonly version: 1; readonly message: string }>(
    o.journals.fs,
    join(o.dataDir, STOPPED_FILE),
  )
  const earlier = await stopped.readJson().catch((e: unknown) => ({ value: errorText(e) }))
  if (earlier !== null) {
    const v = earlier.value as { message?: unknown } | string
    const said = typeof v === 'object' && v !== null && typeof v.message === 'string' ? v.message : String(v)
    o.onDiverged(`${STOPPED_FILE} (an earlier run stopped shipping) says: ${said}`)
    return null
  }
  const cursor = loaded.value
  const shipper = new Shipper({
    journals: o.journals,
    link: new HqLink(o.hq.url, o.hq.token),
    cursorFile,
    cursor,
    committed: () => ({ seq: o.host.current.lastSeq, day: o.host.current.day }),
    replayed: o.host.replayed,
    reportConfig: o.reportConfig,
    summaries: o.summaries,
    feedback: o.feedback,
    now: o.now,
    log: o.log,
    warn: o.warn,
    onRefused: o.onRefused,
    onUnreachable: o.onUnreachable,
    onDiverged: (message) => {
      o.onDiverged(message)
      stopped
        .write({ version: 1, message })
        .catch((e: unknown) =>
          o.warn(
            'error',
            'replication.stopNotKept',
            { file: stopped.path, error: errorText(e) },
            `${stopped.path} could not be written (${errorText(e)})`,
          ),
        )
    },
  })
  const unsubscribe = o.host.subscribe(() => shipper.nudge())
  shipper.start()
  return {
    shipper,
    stop: async () => {
      unsubscribe()
      await shipper.stop()
    },
  }
}
