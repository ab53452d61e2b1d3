import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { cursorMisfit } from '../../hub/replication/divergence'
import { freshCursor, type Cursor } from '../../hub/replication/replicationCursor'

/**
 * The cursor read from `replication.json` against a real journal file: shipped from only when
 * it points just after a whole line whose record has the seq before the one it expects.
 */
const DAY = '2026-11-24'
const line = (seq: number) =>
  `${JSON.stringify({ e: { type: 'ticketCancelled', ticketId: `t${seq}`, seq, at: 1000 + seq }, m: { actor: { kind: 'system', reason: 'x' } } })}\n`
// The second line is longer than the first window read (4 KiB: JSON's own whitespace pads it),
// so the check reads a larger one.
const lines = [1, 2, 3].map(line).map((l, i) => (i === 1 ? `${l.slice(0, -2)}${' '.repeat(9000)}}\n` : l))
/** The byte just after the line of seq `seq`. */
const after = (seq: number) => Buffer.byteLength(lines.slice(0, seq).join(''))

let dir: string
let journals: JournalFolder
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-cursor-fit-'))
  await mkdir(join(dir, 'journal'))
  await writeFile(join(dir, 'journal', `${DAY}.jsonl`), lines.join(''))
  journals = new JournalFolder(nodeFileSystem, join(dir, 'journal'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const cursor = (change: Partial<Cursor>): Cursor => ({ ...freshCursor('http://hq'), day: DAY, ...change })
const why = async (change: Partial<Cursor>) => (await cursorMisfit(journals, cursor(change)))?.message ?? null

describe('cursorMisfit', () => {
  it('takes a cursor just after the record before the seq it expects', async () => {
    expect(await why({ offset: after(2), nextSeq: 3 })).toBeNull()
    expect(await why({ offset: after(3), nextSeq: 4 })).toBeNull()
  })

  it('refuses a cursor past the journal’s end, saying where the journal ends', async () => {
    expect(await why({ offset: after(3) + 40, nextSeq: 5 })).toContain(
      `replication.json points at byte ${after(3) + 40} of journal ${DAY} for seq 5, but the journal ends at byte ${after(3)}`,
    )
  })

  it('refuses a cursor inside a line', async () => {
    expect(await why({ offset: after(2) - 7, nextSeq: 3 })).toContain('that byte is not the start of a line')
  })

  it('refuses a cursor at a line of another seq than it expects (a journal cut and grown again)', async () => {
    expect(await why({ offset: after(2), nextSeq: 4 })).toContain('the record before it has seq 2, not 3')
  })

  describe('edge cases', () => {
    it('leaves a fresh cursor, the start of a day, and a day no longer kept to HQ’s answer', async () => {
      expect(await cursorMisfit(journals, freshCursor('http://hq'))).toBeNull()
      expect(await why({ offset: 0, nextSeq: 9 })).toBeNull()
      expect(await why({ day: '2026-11-01', offset: 500, nextSeq: 9 })).toBeNull()
    })
  })
})
