import type { JournalFolder } from '../persistence/journal'
import { toJournalRecord } from '../persistence/journalRecordSchema'
import { errorText } from '../../shared/util/errorText'
import type { Cursor } from './replicationCursor'

/**
 * Written in the data folder when shipping stops on a divergence, and read at every start: it
 * stands until a person has repaired HQ's copy and deletes it (with `replication.json`).
 */
export const STOPPED_FILE = 'replication-stopped.json'

/** The repair a person must do, named in every message (docs/hq.md has the steps). */
const REPAIR =
  'Nothing more is shipped: shipping on would make HQ keep events this branch lost and drop its new ones ' +
  'with the same seqs. Repair HQ\'s copy as docs/hq.md says ("After a power cut that lost acknowledged ' +
  `events"), delete replication.json and ${STOPPED_FILE} in the data folder and restart the hub.`

/**
 * The branch's journal and HQ's copy (or the cursor) are of two histories: shipping stops for
 * this hub run, for a person to repair, rather than HQ silently keeping the wrong events.
 */
export class Diverged extends Error {
  constructor(message: string) {
    super(`${message}. ${REPAIR}`)
    this.name = 'Diverged'
  }
}

/**
 * HQ holds events past `branch` (at the first contact of a run, the seq the journal replayed to
 * at start; later, the last committed): the journal lost events HQ had received (a power cut on
 * a disk that acknowledged a flush it had not done, a data folder put back from a backup).
 */
export function hqAhead(
  hqLastSeq: number | null,
  branch: { readonly seq: number; readonly day: string | null },
  when: 'replayed' | 'committed',
): Diverged | null {
  if (hqLastSeq === null || hqLastSeq <= branch.seq) return null
  const what = when === 'replayed' ? 'this hub run replayed its journal to' : 'this branch has committed up to'
  return new Diverged(
    `Not shipping to HQ: HQ holds this branch's events up to seq ${hqLastSeq}, but ${what} seq ${branch.seq} ` +
      `(journal ${branch.day ?? 'none'}): HQ has ${hqLastSeq - branch.seq} event(s) this branch no longer has`,
  )
}

/**
 * Whether the cursor read from `replication.json` still fits the journal: its byte offset is
 * just after a whole line whose record has the seq before the one it expects. A journal cut
 * back after a power cut (and perhaps grown again) leaves it past the end, inside a line, or
 * after a record of another seq; shipping from there would send wrong lines. A day file no
 * longer kept (pruned) is left to HQ's answer (a gap), as before.
 */
export async function cursorMisfit(journals: JournalFolder, cursor: Cursor): Promise<Diverged | null> {
  const { day, offset, nextSeq } = cursor
  if (day === null || nextSeq === null || offset === 0) return null
  if (!(await journals.dates()).includes(day)) return null
  const misfit = (why: string) =>
    new Diverged(
      `Not shipping to HQ: replication.json points at byte ${offset} of journal ${day} for seq ${nextSeq}, but ${why}`,
    )
  let size = 4096
  for (;;) {
    const start = Math.max(0, offset - size)
    const data = await journals.readWindow(day, start, offset - start)
    if (data.length < offset - start) return misfit(`the journal ends at byte ${start + data.length}`)
    if (data[data.length - 1] !== 0x0a) return misfit('that byte is not the start of a line')
    const lineStart = data.lastIndexOf(0x0a, data.length - 2) + 1
    // The line before the offset is longer than the window: read a larger one.
    if (lineStart === 0 && start > 0) {
      size *= 2
      continue
    }
    let seq: number
    try {
      seq = toJournalRecord(JSON.parse(data.subarray(lineStart, data.length - 1).toString('utf8'))).e.seq
    } catch (e) {
      return misfit(`the line before it is not a journal record (${errorText(e)})`)
    }
    if (seq !== nextSeq - 1) return misfit(`the record before it has seq ${seq}, not ${nextSeq - 1}`)
    return null
  }
}
