import { Type, type Static } from 'typebox'
import { DaySchema, EpochMsSchema } from '../../shared/api/common'
import { ShownWaitSchema } from '../../shared/api/queueStateSchema'
import type { ShownSince } from '../../shared/estimate/displayWait'
import { errorText } from '../../shared/util/errorText'
import { logWarning } from '../log/hubWarning'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'
import { DurableJsonFile, JsonFileError } from '../persistence/durableJsonFile'
import type { FileSystem } from '../persistence/fileSystem'

/**
 * What each waiting ticket was last shown, and since when (`shown-waits.json` in the data
 * folder), so that a hub restarted during the day (a power cut, an update) holds every customer
 * to the range they saw: without it, each ticket's first estimate after the start was shown as
 * it came, and a range could jump up with nothing to explain it.
 *
 * It is a convenience, not a record: nothing acknowledged depends on it. So it is written at
 * most every few seconds (a busy lobby re-estimates four times a second), and on close; a cut
 * loses at most the last few seconds of changes, and a missing, damaged or other day's file is
 * logged and left aside — the hub starts without it, as it did before the file existed.
 */
const ShownFileSchema = Type.Object(
  {
    version: Type.Literal(1),
    /** The business day the tickets belong to: another day's file is not read. */
    day: DaySchema,
    /** When the map was as written (the hub's clock): a ticket issued later is not in it. */
    savedAt: EpochMsSchema,
    tickets: Type.Record(
      Type.String(),
      Type.Object({ shown: ShownWaitSchema, since: EpochMsSchema }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
)
type ShownFileData = Static<typeof ShownFileSchema>

/** The file's name in the data folder. */
export const SHOWN_FILE = 'shown-waits.json'
/** At most one write per this many milliseconds while the lobby moves. */
export const SAVE_EVERY_MS = 5_000

/** Where the file's troubles are said (the hub's pino logger fits). */
export interface ShownFileLog {
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

/** What `LiveEstimates` needs to keep what it shows across a restart. */
export interface ShownKeeper {
  /** What each ticket was shown before the restart (today's only), read at start. */
  readonly restored: ReadonlyMap<string, ShownSince>
  /** When `restored` was as read (the hub's clock); null when today's file was not read. */
  readonly restoredAt: number | null
  /** What is shown changed at `at`: kept within a few seconds (`shown` may change again meanwhile). */
  changed(day: string, shown: ReadonlyMap<string, ShownSince>, at: number): void
}

export class ShownFile implements ShownKeeper {
  private pending: { day: string; shown: ReadonlyMap<string, ShownSince>; at: number } | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()
  /** The last write failed: said once, until a write works again (a full disk must not flood the log). */
  private failing = false
  private closed = false

  private constructor(
    private readonly file: DurableJsonFile<ShownFileData>,
    private readonly log: ShownFileLog,
    readonly restored: ReadonlyMap<string, ShownSince>,
    readonly restoredAt: number | null,
    private readonly everyMs: number,
  ) {}

  /**
   * Reads what was shown on `today` (null: no day is open, nothing to restore). Never throws:
   * no file is the normal first start; a damaged one, or one of another day, is logged and
   * left aside (the next write replaces it).
   */
  static async open(
    fs: FileSystem,
    path: string,
    today: string | null,
    log: ShownFileLog,
    everyMs = SAVE_EVERY_MS,
  ): Promise<ShownFile> {
    const file = new DurableJsonFile<ShownFileData>(fs, path)
    const restored = new Map<string, ShownSince>()
    let restoredAt: number | null = null
    try {
      // Its format is checked, not upgraded: a file of another format (a release installed
      // back) holds minutes-old ranges, not worth an upgrade; it is left aside like a damaged one.
      const found = parse(path, (await file.readJson())?.value ?? null)
      if (found !== null && today === null) {
        // a hub started after the day's close: nobody waits, nothing to hold (the next day's first
        // write replaces the file)
      } else if (found !== null && found.day !== today) {
        log.info(
          { event: 'estimation.shownOtherDay', file: path, day: found.day, today },
          `${SHOWN_FILE} is of ${found.day}, not today: no ticket of today is held to what it says`,
        )
      } else if (found !== null) {
        for (const [ticketId, entry] of Object.entries(found.tickets)) restored.set(ticketId, entry)
        restoredAt = found.savedAt
      }
    } catch (e) {
      logWarning(
        log,
        'warn',
        'estimation.shownUnreadable',
        { file: path, error: errorText(e), err: e },
        `What the waiting customers were shown could not be read (${errorText(e)}); their ranges start afresh`,
      )
    }
    return new ShownFile(file, log, restored, restoredAt, everyMs)
  }

  changed(day: string, shown: ReadonlyMap<string, ShownSince>, at: number): void {
    // An estimate that was under way when the hub stopped is not written after the last write.
    if (this.closed) return
    this.pending = { day, shown, at }
    if (this.timer !== null) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, this.everyMs)
    this.timer.unref()
  }

  /** Writes what is pending now, and waits for every write to end (the hub stopping). */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    await this.flush()
  }

  private flush(): Promise<void> {
    const pending = this.pending
    this.pending = null
    if (pending !== null) {
      const data: ShownFileData = {
        version: 1,
        day: pending.day,
        savedAt: pending.at,
        tickets: Object.fromEntries(pending.shown),
      }
      // The file writes in order (and goes on after a failure): its outcomes come in order too.
      this.writing = this.file.write(data).then(
        () => {
          if (!this.failing) return
          this.failing = false
          this.log.info(
            { event: 'estimation.shownKeptAgain', file: this.file.path },
            'What the waiting customers were shown is kept again',
          )
        },
        (e: unknown) => {
          if (this.failing) return
          this.failing = true
          logWarning(
            this.log,
            'error',
            'estimation.shownNotKept',
            { file: this.file.path, error: errorText(e), err: e },
            `What the waiting customers were shown could not be kept (${errorText(e)}); a restart would start their ranges afresh (said once, until it can be kept again)`,
          )
        },
      )
    }
    return this.writing
  }
}

function parse(path: string, value: unknown): ShownFileData | null {
  if (value === null) return null
  const problems = schemaProblems(ShownFileSchema, value)
  if (problems.length > 0)
    throw new JsonFileError(
      path,
      `does not hold what the hub writes there (${problemLines(problems).slice(0, 5).join('; ')})`,
    )
  return value as ShownFileData
}
