import { appendFile, mkdtemp, open, readFile, readdir, rm, writeFile, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Journal, JournalCorruptError } from '../../electron/hub/persistence/journal'
import type { JournalRecord } from '../../electron/hub/persistence/journalRecord'
import type { QueueSnapshot } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-journal-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const record = (seq: number): JournalRecord => ({
  e: { type: 'counterResumed', counterId: 'c1' as never, seq, at: 1000 * seq },
  m: { actor: { kind: 'system', reason: 'test' } },
})

describe('Journal', () => {
  it('appends one line per event and reads them back in order', async () => {
    const j = await Journal.open(dir, '2026-11-24')
    for (let s = 1; s <= 3; s++) await j.append(record(s))
    await j.close()
    const text = await readFile(Journal.fileFor(dir, '2026-11-24'), 'utf8')
    expect(text.split('\n')).toHaveLength(4)
    const { records, torn } = await Journal.read(Journal.fileFor(dir, '2026-11-24'))
    expect(records.map((r) => r.e.seq)).toEqual([1, 2, 3])
    expect(torn).toBeNull()
  })

  it('detects a torn last line (a write cut short), reports it and truncates it', async () => {
    const path = Journal.fileFor(dir, '2026-11-24')
    const j = await Journal.open(dir, '2026-11-24')
    await j.append(record(1))
    await j.append(record(2))
    await j.close()
    const good = await readFile(path)
    await appendFile(path, JSON.stringify(record(3)).slice(0, 25))
    // A reader (a report, the estimator learning) sees the records and leaves the file alone…
    expect((await Journal.read(path)).records.map((r) => r.e.seq)).toEqual([1, 2])
    expect((await readFile(path)).length).toBe(good.length + 25)
    // …the hub, which will append to it, cuts the torn line away.
    const { records, torn } = await Journal.read(path, true)
    expect(records.map((r) => r.e.seq)).toEqual([1, 2])
    expect(torn).toEqual({ offset: good.length, bytes: 25 })
    expect(await readFile(path)).toEqual(good)
    // appending after the repair continues cleanly
    const again = await Journal.open(dir, '2026-11-24')
    await again.append(record(3))
    await again.close()
    expect((await Journal.read(path)).records.map((r) => r.e.seq)).toEqual([1, 2, 3])
  })

  it('treats a complete last record without its newline as torn too', async () => {
    const path = Journal.fileFor(dir, '2026-11-24')
    await writeFile(path, `${JSON.stringify(record(1))}\n${JSON.stringify(record(2))}`)
    const { records, torn } = await Journal.read(path)
    expect(records).toHaveLength(1)
    expect(torn?.bytes).toBe(JSON.stringify(record(2)).length)
  })

  it('cuts a failed append back out, so the next one does not follow a refused record', async () => {
    const path = Journal.fileFor(dir, '2026-11-24')
    const j = await Journal.open(dir, '2026-11-24')
    await j.append(record(1))
    const probe = await open(path, 'r')
    // The fault is injected at the one edge a test cannot produce: the disk refusing a sync.
    const sync = vi
      .spyOn(Object.getPrototypeOf(probe) as FileHandle, 'datasync')
      .mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))
    await probe.close()
    try {
      await expect(j.append(record(2))).rejects.toThrow('EIO')
    } finally {
      sync.mockRestore()
    }
    // The refused command's line was written before the sync failed; it is gone again.
    expect((await Journal.read(path)).records.map((r) => r.e.seq)).toEqual([1])
    await j.append(record(2))
    await j.close()
    const { records, torn } = await Journal.read(path)
    expect(records.map((r) => r.e.seq)).toEqual([1, 2])
    expect(torn).toBeNull()
  })

  it('refuses a journal damaged before its end, naming the file and line', async () => {
    const path = Journal.fileFor(dir, '2026-11-24')
    await writeFile(path, `${JSON.stringify(record(1))}\n{"e": garbage\n${JSON.stringify(record(3))}\n`)
    await expect(Journal.read(path)).rejects.toThrow(JournalCorruptError)
    await expect(Journal.read(path)).rejects.toThrow(/2026-11-24\.jsonl, line 2/)
  })

  it('refuses events out of sequence', async () => {
    const path = Journal.fileFor(dir, '2026-11-24')
    await writeFile(path, `${JSON.stringify(record(2))}\n${JSON.stringify(record(2))}\n`)
    await expect(Journal.read(path)).rejects.toThrow(/seq 2 does not follow 2/)
  })

  it('lists journals by date and prunes the old ones', async () => {
    for (const d of ['2026-11-20', '2026-11-22', '2026-11-24']) await (await Journal.open(dir, d)).close()
    await writeFile(join(dir, 'notes.txt'), 'x')
    expect(await Journal.dates(dir)).toEqual(['2026-11-20', '2026-11-22', '2026-11-24'])
    expect(await Journal.prune(dir, '2026-11-22')).toEqual(['2026-11-20'])
    expect((await readdir(dir)).sort()).toEqual(['2026-11-22.jsonl', '2026-11-24.jsonl', 'notes.txt'])
  })
})

describe('the hub and its journal', () => {
  it('starts after a power cut mid-write: the torn line is dropped, everything acknowledged is there', async () => {
    const f = await HubFixture.start()
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    for (let i = 1; i <= 3; i++) {
      await f.request(
        'POST',
        '/api/v1/tickets',
        {
          serviceId: 'personal',
          priorityClassId: null,
          language: 'en',
          appointmentAt: null,
          idempotencyKey: `torn-tap-${i}`,
        },
        kiosk,
      )
    }
    const before = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state
    await f.hub.close()
    await appendFile(
      Journal.fileFor(join(f.dataDir, 'journal'), '2026-11-24'),
      '{"e":{"type":"ticketIssued","ticketId":"20261124-A0',
    )
    await f.restart()
    const m2 = await f.manager()
    const after = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, m2)).body.state
    expect(after).toEqual(before)
    await f.stop()
  })
})
