import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JournalCorruptError, JournalFolder } from '../../hub/persistence/journal'
import type { JournalRecord } from '../../hub/persistence/journalRecord'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import type { PersistenceProblem } from '../../hub/persistence/persistenceProblem'
import type { QueueSnapshot } from '../../shared/api/views'
import { FaultFs } from './support/faultFs'
import { FsImage } from './support/fsImage'
import { HubFixture } from './support/hubFixture'

let dir: string
let problems: PersistenceProblem[]
let journals: JournalFolder
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-journal-'))
  problems = []
  journals = new JournalFolder(nodeFileSystem, dir, (p) => problems.push(p))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const DAY = '2026-11-24'
const record = (seq: number): JournalRecord => ({
  e: { type: 'counterResumed', counterId: 'c1' as never, seq, at: 1000 * seq },
  m: { actor: { kind: 'system', reason: 'test' } },
})
const line = (seq: number) => `${JSON.stringify(record(seq))}\n`
const seqs = async (date = DAY) => (await journals.read(date)).records.map((r) => r.e.seq)

describe('Journal', () => {
  it('appends one line per event and reads them back in order', async () => {
    const j = await journals.open(DAY)
    for (let s = 1; s <= 3; s++) await j.append(record(s))
    await j.close()
    const text = await readFile(journals.fileFor(DAY), 'utf8')
    expect(text.split('\n')).toHaveLength(4)
    const { records, damagedTail } = await journals.read(DAY)
    expect(records.map((r) => r.e.seq)).toEqual([1, 2, 3])
    expect(damagedTail).toBeNull()
  })

  it('moves a torn last line (a write cut short) to a side file, reports it and cuts it off', async () => {
    const path = journals.fileFor(DAY)
    await writeFile(path, line(1) + line(2))
    const good = await readFile(path)
    const torn = line(3).slice(0, 25)
    await appendFile(path, torn)
    // A reader (a report, the estimator learning) sees the records and leaves the file alone…
    expect((await journals.read(DAY)).damagedTail).toEqual({ offset: good.length, bytes: 25, complete: false })
    expect((await readFile(path)).length).toBe(good.length + 25)
    expect(problems).toEqual([])
    // …the hub, which will append to it, moves the torn line aside.
    const records = await journals.recover(DAY)
    expect(records.map((r) => r.e.seq)).toEqual([1, 2])
    expect(await readFile(path)).toEqual(good)
    const side = `${path}.damaged-at-${good.length}`
    expect(await readFile(side, 'utf8')).toBe(torn)
    expect(problems).toEqual([
      {
        kind: 'tornJournalLine',
        file: path,
        offset: good.length,
        bytes: 25,
        keptIn: side,
        message: expect.stringMatching(/cut short.*nothing acknowledged is lost.*kept in .*damaged-at-/s),
      },
    ])
    expect(problems[0]?.message).toContain(path)
    // appending after the repair continues cleanly
    const again = await journals.open(DAY)
    await again.append(record(3))
    await again.close()
    expect(await seqs()).toEqual([1, 2, 3])
  })

  it('keeps a damaged complete last line (it ends in a newline) in a side file and says it may have been acknowledged', async () => {
    const path = journals.fileFor(DAY)
    const damaged = `${line(3).slice(0, 30)}#garbage#\n`
    await writeFile(path, line(1) + line(2) + damaged)
    expect((await journals.recover(DAY)).map((r) => r.e.seq)).toEqual([1, 2])
    expect(await readFile(path, 'utf8')).toBe(line(1) + line(2))
    expect(problems).toHaveLength(1)
    const p = problems[0] as PersistenceProblem
    expect(p).toMatchObject({ kind: 'damagedJournalLine', file: path, bytes: damaged.length })
    expect(await readFile(p.keptIn, 'utf8')).toBe(damaged)
    expect(p.message).toMatch(/written whole but cannot be read.*may have been acknowledged.*kept in/s)
  })

  it('never writes over an earlier side file at the same place', async () => {
    const path = journals.fileFor(DAY)
    await writeFile(path, `${line(1)}{"torn": 1`)
    await journals.recover(DAY)
    await appendFile(path, '{"torn": 2')
    await journals.recover(DAY)
    const sides = problems.map((p) => p.keptIn)
    expect(sides).toEqual([`${path}.damaged-at-${line(1).length}`, `${path}.damaged-at-${line(1).length}-2`])
    expect(await readFile(sides[0] as string, 'utf8')).toBe('{"torn": 1')
    expect(await readFile(sides[1] as string, 'utf8')).toBe('{"torn": 2')
  })

  it('treats a complete last record without its newline as torn too', async () => {
    await writeFile(journals.fileFor(DAY), line(1) + JSON.stringify(record(2)))
    const { records, damagedTail } = await journals.read(DAY)
    expect(records).toHaveLength(1)
    expect(damagedTail).toEqual({ offset: line(1).length, bytes: JSON.stringify(record(2)).length, complete: false })
  })

  it('refuses a journal damaged before its end, naming the file and line', async () => {
    await writeFile(journals.fileFor(DAY), `${line(1)}{"e": garbage\n${line(3)}`)
    await expect(journals.read(DAY)).rejects.toThrow(JournalCorruptError)
    await expect(journals.read(DAY)).rejects.toThrow(/2026-11-24\.jsonl, line 2: .*restore it from backup/)
  })

  it('refuses an unknown event type, naming the file and line, wherever it is', async () => {
    const unknown = JSON.stringify({ e: { type: 'ticketTeleported', seq: 2, at: 2 }, m: record(2).m })
    for (const text of [`${line(1)}${unknown}\n${line(3)}`, `${line(1)}${unknown}\n`]) {
      await writeFile(journals.fileFor(DAY), text)
      await expect(journals.recover(DAY)).rejects.toThrow(
        /2026-11-24\.jsonl, line 2: unknown event type 'ticketTeleported'.*version of Branch Lobby that wrote it/,
      )
    }
    // Nothing was moved or cut: the line may be a newer version's acknowledged event.
    expect(problems).toEqual([])
    expect(await readFile(journals.fileFor(DAY), 'utf8')).toBe(`${line(1)}${unknown}\n`)
  })

  it('checks every record against its event type, naming the file, line and field', async () => {
    const broken = JSON.stringify({
      e: { type: 'ticketIssued', ticketId: '20261124-A001', seq: 2, at: 2 },
      m: record(2).m,
    })
    await writeFile(journals.fileFor(DAY), `${line(1)}${broken}\n`)
    await expect(journals.read(DAY)).rejects.toThrow(
      /2026-11-24\.jsonl, line 2: a 'ticketIssued' event .*number: is required/,
    )
    await writeFile(journals.fileFor(DAY), `${JSON.stringify({ e: { type: 'dayClosed', seq: '1', at: 1 }, m: {} })}\n`)
    await expect(journals.read(DAY)).rejects.toThrow(/line 1: not a journal record \(e\.seq: .*m\.actor: is required/)
  })

  it('refuses events out of sequence', async () => {
    await writeFile(journals.fileFor(DAY), line(2) + line(2))
    await expect(journals.read(DAY)).rejects.toThrow(/seq 2 does not follow 2/)
  })

  it('lists journals by date and prunes the old ones with their side files', async () => {
    for (const d of ['2026-11-20', '2026-11-22', DAY]) await (await journals.open(d)).close()
    await writeFile(join(dir, 'notes.txt'), 'x')
    await writeFile(join(dir, '2026-11-20.jsonl.damaged-at-0'), 'x')
    expect(await journals.dates()).toEqual(['2026-11-20', '2026-11-22', DAY])
    expect(await journals.prune('2026-11-22')).toEqual(['2026-11-20'])
    expect((await readdir(dir)).sort()).toEqual(['2026-11-22.jsonl', '2026-11-24.jsonl', 'notes.txt'])
  })
})

describe('Journal on a failing disk', () => {
  const folder = (fs: FaultFs) => new JournalFolder(fs, '/data/journal')
  const text = (fs: FaultFs) => fs.live.read(`/data/journal/${DAY}.jsonl`)?.toString('utf8')

  it('cuts a failed append back out when the sync fails (EIO), so the next one does not follow a refused record', async () => {
    const fs = new FaultFs(FsImage.of({ '/data': null }))
    const j = await folder(fs).open(DAY)
    await j.append(record(1))
    fs.inject({ when: (c) => c.name === 'datasync', code: 'EIO' })
    await expect(j.append(record(2))).rejects.toThrow(/EIO: i\/o error, datasync/)
    // The refused command's line was written before the sync failed; it is gone again.
    expect(text(fs)).toBe(line(1))
    await j.append(record(2))
    await j.close()
    expect(text(fs)).toBe(line(1) + line(2))
  })

  it('refuses an append the disk has no room for (ENOSPC) and takes the next one', async () => {
    const fs = new FaultFs(FsImage.of({ '/data': null }))
    const j = await folder(fs).open(DAY)
    await j.append(record(1))
    fs.inject({ when: (c) => c.name === 'write', code: 'ENOSPC' })
    await expect(j.append(record(2))).rejects.toThrow(/ENOSPC: no space left on device/)
    await j.append(record(2))
    expect(text(fs)).toBe(line(1) + line(2))
  })

  it('breaks for good when even the cut-back fails, and says so', async () => {
    const fs = new FaultFs(FsImage.of({ '/data': null }))
    const j = await folder(fs).open(DAY)
    fs.inject({ when: (c) => c.name === 'datasync', code: 'EIO' })
    fs.inject({ when: (c) => c.name === 'truncate', code: 'EIO' })
    await expect(j.append(record(1))).rejects.toThrow('EIO')
    await expect(j.append(record(1))).rejects.toThrow(
      /2026-11-24\.jsonl could not be repaired after a failed write.*restart the hub/,
    )
  })

  it('refuses to start on a journal it cannot move a damaged line out of, and loses nothing', async () => {
    const path = `/data/journal/${DAY}.jsonl`
    const fs = new FaultFs(FsImage.of({ [path]: `${line(1)}{"torn` }))
    fs.inject({ when: (c) => c.name === 'open' && c.path.includes('.damaged-at-'), code: 'ENOSPC' })
    await expect(folder(fs).recover(DAY)).rejects.toThrow(/ENOSPC/)
    expect(text(fs)).toBe(`${line(1)}{"torn`)
  })
})

describe('the hub and its journal', () => {
  const issueAll = async (f: HubFixture, kiosk: string) => {
    for (let i = 1; i <= 3; i++) {
      const r = await f.request(
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
      expect(r.status).toBe(200)
    }
  }

  it('starts after a power cut mid-write: the torn line is kept aside and reported, everything acknowledged is there', async () => {
    const seen: PersistenceProblem[] = []
    const f = await HubFixture.start()
    const manager = await f.manager()
    await issueAll(f, await f.pair('kiosk', manager))
    const before = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state
    await f.hub.close()
    const path = join(f.dataDir, 'journal', `${DAY}.jsonl`)
    const torn = '{"e":{"type":"ticketIssued","ticketId":"20261124-A0'
    await appendFile(path, torn)
    await f.restart({ onPersistenceProblem: (p) => seen.push(p) })
    const after = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, await f.manager())).body.state
    expect(after).toEqual(before)
    expect(after.open).toHaveLength(3)
    expect(seen.map((p) => p.kind)).toEqual(['tornJournalLine'])
    expect(await readFile(seen[0]?.keptIn as string, 'utf8')).toBe(torn)
    await f.stop()
  })

  it('starts on a damaged acknowledged last line, keeping it aside and reporting it as an error', async () => {
    const seen: PersistenceProblem[] = []
    const f = await HubFixture.start()
    const manager = await f.manager()
    await issueAll(f, await f.pair('kiosk', manager))
    await f.hub.close()
    const path = join(f.dataDir, 'journal', `${DAY}.jsonl`)
    const lines = (await readFile(path, 'utf8')).split('\n')
    const last = lines.at(-2) as string
    const damaged = `${last.slice(0, 40)}\u0000\u0000${last.slice(42)}\n`
    await writeFile(path, lines.slice(0, -2).join('\n') + '\n' + damaged)
    await f.restart({ onPersistenceProblem: (p) => seen.push(p) })
    expect(seen).toMatchObject([{ kind: 'damagedJournalLine', file: path }])
    expect(await readFile(seen[0]?.keptIn as string, 'utf8')).toBe(damaged)
    const snap = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, await f.manager())).body.state
    expect(snap.open.map((t) => t.number)).toEqual(['A001', 'A002'])
    await f.stop()
  })
})
