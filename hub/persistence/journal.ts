import { join } from 'node:path'
import { ensureDurableDir } from './durableDir'
import { writeDurably } from './durableJsonFile'
import { isNotFound, type FileHandle, type FileSystem } from './fileSystem'
import type { JournalRecord } from './journalRecord'
import { isSideFileOf, moveDamagedTail, readJournal, type JournalContents } from './journalReader'
import type { ProblemReporter } from './persistenceProblem'
import { errorText } from '../../shared/util/errorText'

export { JournalCorruptError, type JournalContents } from './journalReader'

/** A journal that could not be repaired after a failed write: the hub must stop taking commands. */
export class JournalBrokenError extends Error {
  constructor(file: string, cause: unknown) {
    super(`${file} could not be repaired after a failed write (${errorText(cause)}); restart the hub`)
    this.name = 'JournalBrokenError'
  }
}

const FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/

/**
 * The folder of the daily journals (`journal/` in the data folder): one `<date>.jsonl` per
 * business day. Every file operation goes through `fs`; repairs are told to `onProblem`.
 */
export class JournalFolder {
  constructor(
    readonly fs: FileSystem,
    readonly dir: string,
    private readonly onProblem: ProblemReporter = () => undefined,
  ) {}

  fileFor(date: string): string {
    return join(this.dir, `${date}.jsonl`)
  }

  /** The dates that have journals, oldest first. */
  async dates(): Promise<string[]> {
    let names: string[]
    try {
      names = await this.fs.readdir(this.dir)
    } catch (e) {
      if (isNotFound(e)) return []
      throw e
    }
    return names
      .map((n) => FILE.exec(n)?.[1])
      .filter((d): d is string => d !== undefined)
      .sort()
  }

  /**
   * Reads a day's journal and leaves the file alone (reports, learning): a damaged last line
   * is left out. See `readJournal` for what is refused.
   */
  read(date: string): Promise<JournalContents> {
    return readJournal(this.fs, this.fileFor(date))
  }

  /**
   * Reads the journal the hub will append to. A damaged last line is moved to a side file next
   * to it (never just dropped), cut from the journal, and reported.
   */
  async recover(date: string): Promise<JournalRecord[]> {
    const path = this.fileFor(date)
    const { records, damagedTail } = await readJournal(this.fs, path)
    if (damagedTail !== null) this.onProblem(await moveDamagedTail(this.fs, this.dir, path, damagedTail))
    return records
  }

  /**
   * Opens (creating) the journal of a date for appending. The folder's own name in the data
   * folder, and the file's name in the folder, are synced on every open — also when the file
   * was already there: a run that made it may have stopped before syncing, and the day's
   * acknowledged events are about to be kept in it.
   */
  async open(date: string): Promise<Journal> {
    await ensureDurableDir(this.fs, this.dir)
    const path = this.fileFor(date)
    const handle = await this.fs.open(path, 'append')
    try {
      await this.fs.syncDir(this.dir)
      return new Journal(path, handle, await handle.size())
    } catch (e) {
      await handle.close()
      throw e
    }
  }

  /**
   * Up to `maxBytes` of a day's journal from byte `offset` (the shipper reads a window at a
   * time, so memory stays bounded however long the day); empty when the day has no journal.
   */
  async readWindow(date: string, offset: number, maxBytes: number): Promise<Buffer> {
    let handle
    try {
      handle = await this.fs.open(this.fileFor(date), 'read')
    } catch (e) {
      if (isNotFound(e)) return Buffer.alloc(0)
      throw e
    }
    try {
      return await handle.readAt(offset, maxBytes)
    } finally {
      await handle.close()
    }
  }

  /** Whether a date has a journal. */
  has(date: string): Promise<boolean> {
    return this.fs.exists(this.fileFor(date))
  }

  /**
   * Writes a whole closed day's journal in one go (the demo's simulated history; `journal` is
   * its lines, as `Journal.append` writes them): a temp file renamed over the day's, so a stop
   * midway leaves no half a day. Only for a day with no journal.
   */
  async writeClosedDay(date: string, journal: string): Promise<void> {
    await ensureDurableDir(this.fs, this.dir)
    const path = this.fileFor(date)
    if (await this.fs.exists(path)) throw new Error(`${path} exists: a day's journal is written once`)
    await writeDurably(this.fs, path, Buffer.from(journal, 'utf8'))
  }

  /** Deletes journals (and their side files) of dates before `keepFrom`. Returns the dates removed. */
  async prune(keepFrom: string): Promise<string[]> {
    const old = (await this.dates()).filter((d) => d < keepFrom)
    if (old.length === 0) return []
    const names = await this.fs.readdir(this.dir)
    for (const d of old) {
      await this.fs.unlink(this.fileFor(d))
      for (const side of names.filter((n) => isSideFileOf(n, d))) await this.fs.unlink(join(this.dir, side))
    }
    return old
  }
}

/**
 * A day's append-only event journal: one JSON line per event, written and fsync'd before the
 * command that caused it is acknowledged. An append costs one write and one fdatasync,
 * whatever the length of the day (rewriting a whole document grows with the day).
 */
export class Journal {
  private broken: JournalBrokenError | null = null

  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    /** The file's length after the last complete append. */
    private size: number,
  ) {}

  /**
   * Appends one record and makes it durable before resolving. When the write or the sync fails
   * (a full disk, an I/O error), the file is cut back to where it was, so the next append is
   * not written after a fragment (or a whole line) of a command that was refused. If even that
   * fails the journal is broken and refuses every further append.
   */
  async append(record: JournalRecord): Promise<void> {
    if (this.broken !== null) throw this.broken
    const line = Buffer.from(`${JSON.stringify(record)}\n`)
    try {
      await this.handle.write(line)
      await this.handle.datasync()
      this.size += line.length
    } catch (e) {
      try {
        await this.handle.truncate(this.size)
        await this.handle.sync()
      } catch (repairError) {
        this.broken = new JournalBrokenError(this.path, repairError)
      }
      throw e
    }
  }

  async close(): Promise<void> {
    await this.handle.close()
  }
}
