import { createHash } from 'node:crypto'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import type { JournalRecord } from '../../shared/queue/eventSchema'
import { MAX_BATCH_RECORDS } from '../../shared/hq/routes'
import { HQ_RETRY_SEC } from '../../shared/hq/retryDelays'
import type { ReportConfig } from '../../shared/hq/shippedSchemas'
import type { ReplicationAck } from '../../shared/hq/views'
import type { DailySummary } from '../../shared/reports/dailySummary'
import type { JournalFolder } from '../persistence/journal'
import { HqRefused, HqUnreachable, type HqLink, type ShipRoute } from './hqLink'
import { cursorMisfit, Diverged, hqAhead } from './divergence'
import { locate, readChunk } from './journalTail'
import type { Cursor, CursorFile } from './replicationCursor'
import { errorText } from '../../shared/util/errorText'
import type { Warn } from '../log/hubWarning'

export interface ShipperOptions {
  readonly journals: JournalFolder
  readonly link: HqLink
  readonly cursorFile: CursorFile
  readonly cursor: Cursor
  /** The hub's last acknowledged event seq and its open day: nothing past it is sent. */
  readonly committed: () => { readonly seq: number; readonly day: string | null }
  /** Where the journal replayed to when this hub run started (`QueueHost.replayed`). */
  readonly replayed: { readonly seq: number; readonly day: string | null }
  readonly reportConfig: () => ReportConfig
  readonly summaries: () => readonly DailySummary[]
  readonly feedback: () => readonly FeedbackRecord[]
  readonly now: () => number
  readonly log: (level: 'info', message: string) => void
  /** A warning the manager's screen lists (HQ out of reach, a gap HQ records). */
  readonly warn: Warn
  /**
   * HQ refuses in a way retrying will not change (a revoked token, a message it will not take):
   * said with HQ's words at each such refusal, and with null once HQ takes a message again. The
   * log has it only at the first and every twentieth failure; a person must act, so the hub
   * holds it as a standing problem.
   */
  readonly onRefused?: (refusal: string | null, code?: string) => void
  /**
   * HQ cannot be reached, or answers that it is failing or busy (5xx, 429): said at each such
   * failure with what waits in the journal, and with null once HQ takes a message again. The
   * branch loses nothing meanwhile; the manager sees that shipping waits, and since when.
   */
  readonly onUnreachable?: (message: string | null) => void
  /**
   * HQ holds events this branch's journal no longer has, or the cursor does not fit the journal
   * (`Diverged`): the shipper stops for this run, having said why once (through the log when
   * this is not given). A person must repair HQ's copy; a retry would change nothing.
   */
  readonly onDiverged?: (message: string) => void
  /** After a new event, wait this long for more before sending (a burst goes as one batch). */
  readonly lingerMs?: number
  readonly heartbeatMs?: number
  readonly maxBatchBytes?: number
  /**
   * How often the cursor is written while batches flow (it is always written on stop and after a
   * rewind). Losing the last few seconds of it only makes the shipper send again what HQ takes
   * as repeats, and fewer syncs keep the disk free for the journal's.
   */
  readonly cursorEveryMs?: number
  /** How long to wait after a failure (default `backoffMs`; a test need not wait a minute). */
  readonly backoff?: (refused: HqRefused | null, failures: number) => number
}

/**
 * How long to wait after the `failures`-th failure in a row: HQ unreachable, 1 s doubling up to
 * 10 s (trying is cheap, and HQ is back sooner); HQ busy or failing (429, 5xx), up to 30 s; a
 * refusal that retrying will not change (a revoked token, a message HQ will not take), a minute,
 * and HQ older than this branch, 15 s (`HQ_RETRY_SEC`, which the manager's screen states).
 */
export function backoffMs(refused: HqRefused | null, failures: number): number {
  const doubling = 1000 * 2 ** Math.min(6, failures - 1)
  if (refused === null) return Math.min(10_000, doubling)
  if (refused.status === 429 || refused.status >= 500) return Math.min(30_000, doubling)
  // HQ older than this branch: upgraded HQ should not wait a minute more for it.
  if (refused.code === 'hqOutdated') return HQ_RETRY_SEC.outdated * 1000
  return HQ_RETRY_SEC.refused * 1000
}

const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url')

/**
 * Ships the branch's journal, configuration, daily summaries and feedback to HQ, in order and
 * at least once, one message at a time. It runs beside the hub, never in a command's way: a new
 * event only wakes it (`nudge`), and it reads the journal files, not the hub's memory. HQ
 * answers every message with the seq it expects next, and the shipper goes back or forward to
 * it, so either side may restart, lose its last moments or be restored from a backup.
 */
export class Shipper {
  private running = false
  private loop: Promise<void> = Promise.resolve()
  private readonly abort = new AbortController()
  private wake: (() => void) | null = null
  private stopWaiting: (() => void) | null = null
  private nudged = false
  private synced = false
  private lastHeartbeat = 0
  private failures = 0
  private gapNext = false
  private savedAt = -Infinity
  private unsaved = false
  /** The kind of message last sent, and the kind HQ refuses for good (null: none refused). */
  private sending: ShipRoute | null = null
  private refused: ShipRoute | null = null
  private unreachable = false

  constructor(private readonly o: ShipperOptions) {}

  get cursor(): Cursor {
    return this.o.cursor
  }

  start(): void {
    this.running = true
    this.loop = this.run()
  }

  /** A new event was committed: ship it soon (with whatever follows within the linger). */
  nudge(): void {
    if (this.nudged) return
    this.nudged = true
    setTimeout(() => {
      this.nudged = false
      this.wake?.()
    }, this.o.lingerMs ?? 1000).unref()
  }

  async stop(): Promise<void> {
    this.running = false
    this.abort.abort()
    this.wake?.()
    this.stopWaiting?.()
    await this.loop
    if (this.unsaved) await this.o.cursorFile.save(this.o.cursor)
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const sent = await this.step()
        this.failures = 0
        if (this.unreachable) {
          this.unreachable = false
          this.o.onUnreachable?.(null)
        }
        // A refusal ends when HQ takes that kind of message (a heartbeat taken says nothing of a
        // batch of events it will not take), or when nothing is left to send.
        if (this.refused !== null && (!sent || this.sending === this.refused)) {
          this.refused = null
          this.o.onRefused?.(null)
        }
        if (!sent) await this.sleep(this.o.heartbeatMs ?? 30_000)
      } catch (e) {
        if (!this.running) break
        if (e instanceof Diverged) {
          if (this.o.onDiverged) this.o.onDiverged(e.message)
          else this.o.warn('error', 'replication.diverged', {}, e.message)
          break
        }
        this.failures++
        const refused = e instanceof HqRefused ? e : null
        const final = refused !== null && refused.status < 500 && refused.status !== 429
        const route = this.sending ?? 'heartbeat'
        // A refusal that already stands was logged when it began: the heartbeats taken between
        // its retries restart the count of failures, not the story.
        const standing = final && this.refused === route
        const away = e instanceof HqUnreachable || (refused !== null && !final)
        const message = `shipping to HQ: ${errorText(e)}${away ? `; ${this.waiting()}` : ''}`
        if (away) {
          this.unreachable = true
          this.o.onUnreachable?.(message)
        }
        const delayMs = (this.o.backoff ?? backoffMs)(refused, this.failures)
        if ((this.failures === 1 && !standing) || this.failures % 20 === 0) {
          // The wait before the next try is the manager's to read ("tries again every 15 s").
          const retrySec = Math.round(delayMs / 1000)
          if (final) this.o.warn('error', 'replication.refused', { error: errorText(e), retrySec }, message)
          else this.o.warn('warn', 'replication.failing', { error: errorText(e), failures: this.failures }, message)
        }
        if (final) {
          this.refused = route
          this.o.onRefused?.(`shipping to HQ: ${errorText(e)}`, refused.code)
        }
        await this.sleep(delayMs, false)
      }
    }
  }

  /** What waits for HQ, in the words of the log: nothing is lost while HQ is away. */
  private waiting(): string {
    const committed = this.o.committed().seq
    const next = this.o.cursor.nextSeq
    const events =
      next === null
        ? `the branch's events (up to seq ${committed})`
        : committed >= next
          ? `${committed - next + 1} event(s) of the branch (seq ${next} to ${committed})`
          : "the branch's next events"
    return `${events} wait in its journal and are shipped, in order, once HQ answers; the branch works as before`
  }

  /** Sends one message if there is anything to send; false when all is shipped. */
  private async step(): Promise<boolean> {
    const signal = this.abort.signal
    if (!this.synced || this.o.now() - this.lastHeartbeat >= (this.o.heartbeatMs ?? 30_000)) {
      const committed = this.o.committed()
      const ack = await this.send('heartbeat', { branchSeq: committed.seq, at: this.o.now() }, signal)
      // Before anything of this run is shipped, HQ's copy must not end past the replayed journal
      // (nor, later, past what is committed), and the stored cursor must fit the journal.
      const ahead = this.synced
        ? hqAhead(ack.lastSeq, committed, 'committed')
        : hqAhead(ack.lastSeq, this.o.replayed, 'replayed')
      if (ahead !== null) throw ahead
      this.lastHeartbeat = this.o.now()
      const first = !this.synced
      this.synced = true
      await this.align(ack)
      if (first) {
        const misfit = await cursorMisfit(this.o.journals, this.o.cursor)
        if (misfit !== null) throw misfit
      }
      return true
    }
    const config = this.o.reportConfig()
    const configHash = hashOf(config)
    if (this.o.cursor.configHash !== configHash) {
      await this.send('shipConfig', { hash: configHash, config }, signal)
      await this.save({ configHash })
      return true
    }
    if (await this.shipEvents(signal)) return true
    if (await this.shipChanged(this.o.summaries(), (s) => s.date, 'summaries', signal)) return true
    return this.shipChanged(this.o.feedback(), (r) => r.id, 'feedback', signal)
  }

  private async shipEvents(signal: AbortSignal): Promise<boolean> {
    const journals = this.o.journals
    const c = this.o.cursor
    const day = c.day ?? (await journals.dates())[0]
    if (day === undefined) return false
    const committed = this.o.committed()
    const chunk = await readChunk(journals, day, c.offset, {
      maxBytes: this.o.maxBatchBytes ?? 512 * 1024,
      maxRecords: MAX_BATCH_RECORDS / 2,
      upToSeq: day === committed.day ? committed.seq : Infinity,
    })
    if (chunk.records.length > 0) {
      const gap = this.gapNext
      const ack = await this.send(
        'shipEvents',
        { day, records: chunk.records as JournalRecord[], ...(gap ? { gap } : {}) },
        signal,
      )
      const last = chunk.records[chunk.records.length - 1]?.e.seq as number
      if (gap) this.gapNext = false
      if (ack.expectedSeq === last + 1) await this.save({ day, offset: chunk.nextOffset, nextSeq: last + 1 }, false)
      else await this.align(ack)
      return true
    }
    if (!chunk.atEnd) return false
    // This day is shipped; move to the next journal once there is one.
    const next = (await journals.dates()).find((d) => d > day)
    if (next === undefined) return false
    await this.save({ day: next, offset: 0 })
    return true
  }

  /** Goes to where HQ says its copy ends (a restored or reset HQ, or a branch that lost its cursor). */
  private async align(ack: ReplicationAck): Promise<void> {
    const want = ack.expectedSeq
    if (want !== null && want === this.o.cursor.nextSeq) return
    if (want === null) {
      if (this.o.cursor.nextSeq === null && this.o.cursor.day === null) return
      this.o.log('info', 'HQ holds nothing of this branch yet: shipping the journals from the oldest kept')
      await this.save({ day: null, offset: 0, nextSeq: null })
      return
    }
    const at = await locate(this.o.journals, want)
    if (at === null) return
    if (at.lost) {
      this.o.warn(
        'warn',
        'replication.gap',
        { from: want, day: at.day },
        `HQ needs events from seq ${want}, but the journals before ${at.day} are no longer kept: HQ records the gap`,
      )
      this.gapNext = true
    } else if (this.o.cursor.nextSeq !== null) {
      this.o.log(
        'info',
        `HQ expects seq ${want} (this branch had reached ${this.o.cursor.nextSeq}): shipping from there`,
      )
    }
    await this.save({ day: at.day, offset: at.offset, nextSeq: want })
  }

  private async shipChanged<T extends DailySummary | FeedbackRecord>(
    items: readonly T[],
    key: (item: T) => string,
    kind: 'summaries' | 'feedback',
    signal: AbortSignal,
  ): Promise<boolean> {
    const acked = this.o.cursor[kind]
    const changed: { item: T; hash: string }[] = []
    for (const item of items) {
      const hash = hashOf(item)
      if (acked[key(item)] !== hash) changed.push({ item, hash })
      if (changed.length >= 100) break
    }
    if (changed.length === 0) return false
    if (kind === 'summaries')
      await this.send('shipSummaries', { summaries: changed.map((x) => x.item as DailySummary) }, signal)
    else await this.send('shipFeedback', { records: changed.map((x) => x.item as FeedbackRecord) }, signal)
    const next = { ...acked }
    for (const x of changed) next[key(x.item)] = x.hash
    await this.save({ [kind]: next })
    return true
  }

  /** Sends one message through the link, remembering its kind. */
  private send: HqLink['send'] = (name, body, signal) => {
    this.sending = name
    return this.o.link.send(name, body, signal)
  }

  /** Moves the cursor; writes it now, or (`now` false) at most every `cursorEveryMs`. */
  private async save(change: Partial<Cursor>, now = true): Promise<void> {
    Object.assign(this.o.cursor, change)
    const at = performance.now()
    if (!now && at - this.savedAt < (this.o.cursorEveryMs ?? 5000)) {
      this.unsaved = true
      return
    }
    await this.o.cursorFile.save(this.o.cursor)
    this.savedAt = at
    this.unsaved = false
  }

  /** Waits `ms`; a new event cuts an idle wait short, never a back-off (`wakeable` false). */
  private sleep(ms: number, wakeable = true): Promise<void> {
    // A stop that came while a step read the journal (which no abort cuts short) found nothing
    // to wake: without this the hub's close waited for the next heartbeat.
    if (!this.running) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      timer.unref()
      function done() {
        clearTimeout(timer)
        resolve()
      }
      const wake = () => {
        this.wake = null
        done()
      }
      this.wake = wakeable ? wake : null
      if (!wakeable) this.stopWaiting = wake
    })
  }
}
