import { mkdir, open, readdir, readFile, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { fsyncDir } from './fsyncDir'
import type { JournalRecord } from './journalRecord'

/** A journal line that is not the last one cannot be read: acknowledged data would be lost. */
export class JournalCorruptError extends Error {
  constructor(file: string, line: number, detail: string) {
    super(`${file}, line ${line}: ${detail}. The journal is damaged before its end; restore it from backup.`)
    this.name = 'JournalCorruptError'
  }
}

/** A journal that could not be repaired after a failed write: the hub must stop taking commands. */
export class JournalBrokenError extends Error {
  constructor(file: string, cause: unknown) {
    super(
      `${file} could not be repaired after a failed write (${cause instanceof Error ? cause.message : String(cause)}); restart the hub`,
    )
    this.name = 'JournalBrokenError'
  }
}

/** What reading a journal found: its records, and a torn last line if a write was cut short. */
export interface JournalContents {
  readonly records: JournalRecord[]
  /** The incomplete last line that was cut off (power cut mid-write), already truncated. */
  readonly torn: { readonly offset: number; readonly bytes: number } | null
}

const FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/

/**
 * The day's append-only event journal: one JSON line per event, written and fsync'd before the
 * command that caused it is acknowledged. An append costs one write and one fdatasync,
 * whatever the length of the day (rewriting a whole document grows with the day).
 */
export class Journal {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    /** The file's length after the last complete append. */
    private size: number,
  ) {}

  private broken: JournalBrokenError | null = null

  static fileFor(dir: string, date: string): string {
    return join(dir, `${date}.jsonl`)
  }

  /** Opens (creating) the journal of a date for appending. */
  static async open(dir: string, date: string): Promise<Journal> {
    await mkdir(dir, { recursive: true })
    const path = Journal.fileFor(dir, date)
    const existed = await exists(path)
    const handle = await open(path, 'a')
    // A new file's directory entry must be durable too, or the first event can vanish with it.
    if (!existed) await fsyncDir(dir)
    return new Journal(path, handle, (await handle.stat()).size)
  }

  /**
   * Reads a journal. A torn last line (a write cut short) is reported and left out; with
   * `repair` (the hub opening the journal it will append to) it is also truncated away. A
   * damaged line before the end is an error: skipping it would silently drop acknowledged
   * events. Other readers (reports, learning) never change the file.
   */
  static async read(path: string, repair = false): Promise<JournalContents> {
    let buf: Buffer
    try {
      buf = await readFile(path)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], torn: null }
      throw e
    }
    const records: JournalRecord[] = []
    let offset = 0
    let line = 0
    let lastSeq = -Infinity
    while (offset < buf.length) {
      line++
      const nl = buf.indexOf(0x0a, offset)
      const end = nl === -1 ? buf.length : nl
      const text = buf.subarray(offset, end).toString('utf8')
      const isLast = nl === -1 || nl === buf.length - 1
      let record: JournalRecord
      try {
        record = parseRecord(text)
      } catch (e) {
        if (isLast) {
          if (repair) await truncate(path, offset)
          return { records, torn: { offset, bytes: buf.length - offset } }
        }
        throw new JournalCorruptError(path, line, e instanceof Error ? e.message : String(e))
      }
      if (nl === -1) {
        // A complete JSON value without its newline: the write was cut before the last byte.
        if (repair) await truncate(path, offset)
        return { records, torn: { offset, bytes: buf.length - offset } }
      }
      if (record.e.seq <= lastSeq) {
        throw new JournalCorruptError(path, line, `seq ${record.e.seq} does not follow ${lastSeq}`)
      }
      lastSeq = record.e.seq
      records.push(record)
      offset = nl + 1
    }
    return { records, torn: null }
  }

  /** The dates that have journals, oldest first. */
  static async dates(dir: string): Promise<string[]> {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    return names
      .map((n) => FILE.exec(n)?.[1])
      .filter((d): d is string => d !== undefined)
      .sort()
  }

  /** Deletes journals of dates before `keepFrom` (retention). Returns the dates removed. */
  static async prune(dir: string, keepFrom: string): Promise<string[]> {
    const old = (await Journal.dates(dir)).filter((d) => d < keepFrom)
    for (const d of old) await rm(Journal.fileFor(dir, d))
    return old
  }

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

function parseRecord(text: string): JournalRecord {
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || !('e' in value) || !('m' in value)) {
    throw new Error('not a journal record')
  }
  const e = (value as { e: unknown }).e
  if (typeof e !== 'object' || e === null || typeof (e as { seq?: unknown }).seq !== 'number') {
    throw new Error('record without an event seq')
  }
  return value as JournalRecord
}

async function truncate(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.truncate(length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
