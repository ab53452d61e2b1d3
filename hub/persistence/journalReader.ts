import { basename } from 'node:path'
import { errorCode, isNotFound, type FileSystem } from './fileSystem'
import type { JournalRecord } from './journalRecord'
import { RecordProblem, toJournalRecord } from './journalRecordSchema'
import { damagedTailProblem, type PersistenceProblem } from './persistenceProblem'
import { errorText } from '../../shared/util/errorText'

/**
 * A journal the hub cannot replay: damaged before its end, an event it does not know, or events
 * out of order. It names the file and the line; skipping the line would silently drop
 * acknowledged events, so the hub refuses to start instead.
 */
export class JournalCorruptError extends Error {
  constructor(file: string, line: number, detail: string, unknownType = false) {
    const advice = unknownType
      ? 'Start the version of Branch Lobby that wrote it, or restore the journal from backup.'
      : 'The journal is damaged before its end; restore it from backup.'
    super(`${file}, line ${line}: ${detail}. ${advice}`)
    this.name = 'JournalCorruptError'
  }
}

/** A last line that cannot be replayed, found at `offset` (the file is good up to there). */
export interface DamagedTail {
  readonly offset: number
  readonly bytes: number
  /**
   * False: no newline, its write was cut short before the command was acknowledged (torn).
   * True: it ends in a newline but is not JSON — written whole, possibly acknowledged.
   */
  readonly complete: boolean
}

/** What reading a journal found: its records, and a damaged last line if there is one. */
export interface JournalContents {
  readonly records: JournalRecord[]
  readonly damagedTail: DamagedTail | null
}

/**
 * Reads a journal without changing it. A last line that is not JSON (a write cut short, or a
 * damaged one) is left out and described in `damagedTail`; anything else wrong — a line
 * before the end that is not JSON, a line that is JSON but not a valid record, an unknown
 * event type, a seq out of order — is a `JournalCorruptError` naming the file and line.
 */
export async function readJournal(fs: FileSystem, path: string): Promise<JournalContents> {
  let buf: Buffer
  try {
    buf = await fs.readFile(path)
  } catch (e) {
    if (isNotFound(e)) return { records: [], damagedTail: null }
    throw e
  }
  return parseJournal(path, buf)
}

/** The records of a journal's bytes (see `readJournal`). */
export function parseJournal(path: string, buf: Buffer): JournalContents {
  const records: JournalRecord[] = []
  let offset = 0
  let line = 0
  let lastSeq = -Infinity
  while (offset < buf.length) {
    line++
    const nl = buf.indexOf(0x0a, offset)
    const end = nl === -1 ? buf.length : nl
    const isLast = nl === -1 || nl === buf.length - 1
    let value: unknown
    try {
      value = JSON.parse(buf.subarray(offset, end).toString('utf8'))
    } catch (e) {
      if (isLast) return { records, damagedTail: { offset, bytes: buf.length - offset, complete: nl !== -1 } }
      throw new JournalCorruptError(path, line, errorText(e))
    }
    // A whole JSON value without its newline: the write was cut before its last byte.
    if (nl === -1) return { records, damagedTail: { offset, bytes: buf.length - offset, complete: false } }
    let record: JournalRecord
    try {
      record = toJournalRecord(value)
    } catch (e) {
      if (e instanceof RecordProblem) throw new JournalCorruptError(path, line, e.message, e.unknownType)
      throw e
    }
    if (record.e.seq <= lastSeq) {
      throw new JournalCorruptError(path, line, `seq ${record.e.seq} does not follow ${lastSeq}`)
    }
    lastSeq = record.e.seq
    records.push(record)
    offset = nl + 1
  }
  return { records, damagedTail: null }
}

/**
 * Moves a damaged last line out of a journal the hub is about to append to: its bytes are
 * written to a side file next to the journal (`<date>.jsonl.damaged-at-<offset>`) and made
 * durable first, and only then is the journal cut back — so the bytes are never only gone.
 */
export async function moveDamagedTail(
  fs: FileSystem,
  dir: string,
  path: string,
  tail: DamagedTail,
): Promise<PersistenceProblem> {
  const bytes = (await fs.readFile(path)).subarray(tail.offset, tail.offset + tail.bytes)
  const keptIn = await writeSideFile(fs, `${path}.damaged-at-${tail.offset}`, bytes)
  await fs.syncDir(dir)
  const handle = await fs.open(path, 'update')
  try {
    await handle.truncate(tail.offset)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return damagedTailProblem(
    tail.complete ? 'damagedJournalLine' : 'tornJournalLine',
    path,
    tail.offset,
    tail.bytes,
    keptIn,
  )
}

/** Writes a new file (never over an older one: `-2`, `-3` … are added) and syncs it. */
async function writeSideFile(fs: FileSystem, base: string, bytes: Uint8Array): Promise<string> {
  for (let n = 1; ; n++) {
    const path = n === 1 ? base : `${base}-${n}`
    let handle
    try {
      handle = await fs.open(path, 'createNew')
    } catch (e) {
      if (errorCode(e) === 'EEXIST') continue
      throw e
    }
    try {
      await handle.write(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    return path
  }
}

/** Whether a file in a journal folder is a side file of the journal of `date`. */
export function isSideFileOf(name: string, date: string): boolean {
  return basename(name).startsWith(`${date}.jsonl.damaged-at-`)
}
