import type { JournalFolder } from '../persistence/journal'
import type { JournalRecord } from '../persistence/journalRecord'
import { toJournalRecord } from '../persistence/journalRecordSchema'
import { errorText } from '../../shared/util/errorText'

/** Records read from one day's journal, and where the next read starts. */
export interface Chunk {
  readonly records: JournalRecord[]
  /** The byte offset just after the last record returned. */
  readonly nextOffset: number
  /** No more complete lines after `nextOffset` (for now: today's journal still grows). */
  readonly atEnd: boolean
}

/**
 * Reads a day's journal from a byte offset, at most `maxBytes` at a time (memory stays bounded
 * however long the day), whole lines only, and no record past `upToSeq`: a line the hub wrote
 * but has not acknowledged (its sync may still fail and be cut back) is never sent.
 */
export async function readChunk(
  journals: JournalFolder,
  day: string,
  offset: number,
  limits: { readonly maxBytes: number; readonly maxRecords: number; readonly upToSeq: number },
): Promise<Chunk> {
  {
    let size = limits.maxBytes
    for (;;) {
      const data = await journals.readWindow(day, offset, size)
      const bytesRead = data.length
      const records: JournalRecord[] = []
      let at = 0
      // Stopped by a limit with another whole line waiting, rather than by the end of the lines.
      let held = false
      for (;;) {
        const nl = data.indexOf(0x0a, at)
        if (nl === -1) break
        if (records.length >= limits.maxRecords) {
          held = true
          break
        }
        const record = parseLine(data.subarray(at, nl).toString('utf8'), day, offset + at)
        if (record.e.seq > limits.upToSeq) {
          held = true
          break
        }
        records.push(record)
        at = nl + 1
      }
      // One line longer than the window: read a larger one.
      if (records.length === 0 && !held && bytesRead === size) {
        size *= 2
        continue
      }
      return { records, nextOffset: offset + at, atEnd: !held && bytesRead < size }
    }
  }
}

/**
 * Where the record with `seq` starts: its day and byte offset. Before the oldest journal kept
 * (pruned), the oldest record, with `lost` set; after the newest, the end of the newest.
 */
export async function locate(
  journals: JournalFolder,
  seq: number,
): Promise<{ day: string; offset: number; lost: boolean } | null> {
  const dates = await journals.dates()
  let chosen: string | null = null
  for (const d of dates) {
    const first = (await readChunk(journals, d, 0, { maxBytes: 4096, maxRecords: 1, upToSeq: Infinity })).records[0]
    if (first === undefined) continue
    if (first.e.seq > seq) {
      if (chosen === null) return { day: d, offset: 0, lost: true }
      break
    }
    chosen = d
  }
  if (chosen === null) return null
  let offset = 0
  for (;;) {
    const chunk = await readChunk(journals, chosen, offset, {
      maxBytes: 256 * 1024,
      maxRecords: 5000,
      upToSeq: seq - 1,
    })
    offset = chunk.nextOffset
    if (chunk.records.length === 0) return { day: chosen, offset, lost: false }
  }
}

function parseLine(text: string, day: string, offset: number): JournalRecord {
  try {
    return toJournalRecord(JSON.parse(text))
  } catch (e) {
    const why = errorText(e)
    throw new Error(`journal ${day} at byte ${offset} is not a journal record (${why}); the shipper stops there`, {
      cause: e,
    })
  }
}
