import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HqRefused } from '../../hub/replication/hqLink'
import { locate, readChunk } from '../../hub/replication/journalTail'
import { backoffMs } from '../../hub/replication/shipper'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'

const line = (seq: number, type = 'ticketCancelled') =>
  `${JSON.stringify({ e: { type, ticketId: `t${seq}`, seq, at: 1000 + seq }, m: { actor: { kind: 'system', reason: 'x' } } })}\n`

let dir = ''
let journals = new JournalFolder(nodeFileSystem, '')
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-tail-'))
  journals = new JournalFolder(nodeFileSystem, dir)
  await writeFile(join(dir, '2026-11-23.jsonl'), [1, 2, 3].map((s) => line(s)).join(''))
  // The second day ends in a line still being written (no newline yet).
  await writeFile(join(dir, '2026-11-24.jsonl'), [4, 5, 6, 7].map((s) => line(s)).join('') + line(8).slice(0, 20))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('readChunk', () => {
  it('reads whole lines from an offset, never past the acknowledged seq', async () => {
    const a = await readChunk(journals, '2026-11-24', 0, { maxBytes: 4096, maxRecords: 100, upToSeq: 5 })
    expect(a.records.map((r) => r.e.seq)).toEqual([4, 5])
    expect(a.atEnd).toBe(false)
    const b = await readChunk(journals, '2026-11-24', a.nextOffset, { maxBytes: 4096, maxRecords: 100, upToSeq: 99 })
    expect(b.records.map((r) => r.e.seq)).toEqual([6, 7])
    expect(b.atEnd).toBe(true)
  })

  it('keeps to its byte window, and grows it for a line longer than the window', async () => {
    const small = await readChunk(journals, '2026-11-23', 0, {
      maxBytes: line(1).length + 5,
      maxRecords: 100,
      upToSeq: 99,
    })
    expect(small.records.map((r) => r.e.seq)).toEqual([1])
    const tiny = await readChunk(journals, '2026-11-23', 0, { maxBytes: 10, maxRecords: 100, upToSeq: 99 })
    expect(tiny.records.map((r) => r.e.seq)).toEqual([1])
  })

  describe('edge cases', () => {
    it('finds nothing in a day with no journal', async () => {
      expect(await readChunk(journals, '2026-01-01', 0, { maxBytes: 100, maxRecords: 1, upToSeq: 9 })).toEqual({
        records: [],
        nextOffset: 0,
        atEnd: true,
      })
    })
  })
})

describe('locate', () => {
  it('finds the day and byte offset of a seq, and says when the journals before it are gone', async () => {
    expect(await locate(journals, 6)).toEqual({
      day: '2026-11-24',
      offset: line(4).length + line(5).length,
      lost: false,
    })
    expect(await locate(journals, 1)).toEqual({ day: '2026-11-23', offset: 0, lost: false })
    expect(await locate(journals, 0)).toEqual({ day: '2026-11-23', offset: 0, lost: true })
  })
})

describe('backoffMs', () => {
  it('retries an unreachable HQ soon, a busy one later, a refusal after a minute', () => {
    expect([1, 2, 3, 5, 9].map((n) => backoffMs(null, n))).toEqual([1000, 2000, 4000, 10_000, 10_000])
    expect(backoffMs(new HqRefused(429, 'busy', ''), 9)).toBe(30_000)
    expect(backoffMs(new HqRefused(401, 'unauthenticated', ''), 1)).toBe(60_000)
  })
})
