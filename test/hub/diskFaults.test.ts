import { describe, expect, it } from 'vitest'
import type { ApiError, QueueSnapshot, TicketReceipt } from '../../shared/api/views'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import { FaultFs } from './support/faultFs'
import { FakeClock } from './support/fakeClock'
import { FsImage } from './support/fsImage'
import { HubFixture } from './support/hubFixture'
import { DATA } from './support/powerCut'

const JOURNAL = `${DATA}/journal/2026-11-24.jsonl`

async function hubOnFaultyDisk() {
  const clock = new FakeClock()
  const fs = new FaultFs(FsImage.of({ '/srv': null }), () => clock.now())
  const f = await HubFixture.start({ fileSystem: fs }, DATA, clock)
  const manager = await f.manager()
  const kiosk = await f.pair('kiosk', manager)
  const issue = (key: string) =>
    f.request<TicketReceipt & ApiError>(
      'POST',
      '/api/v1/tickets',
      { serviceId: 'personal', priorityClassId: null, language: 'en', appointmentAt: null, idempotencyKey: key },
      kiosk,
    )
  const queue = async (token = manager) =>
    (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, token)).body.state
  return { clock, fs, f, manager, kiosk, issue, queue }
}

describe('a failing disk (ENOSPC, EIO)', () => {
  it('answers a clear error when the journal cannot be written, changes nothing and loses nothing', async () => {
    const { fs, f, issue, queue } = await hubOnFaultyDisk()
    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    expect((await issue('disk-fault-1')).body.number).toBe('A001')
    const before = await queue()
    const journalBefore = fs.live.read(JOURNAL)

    // The disk is full when the ticket's line is written.
    fs.inject({ when: (c) => c.name === 'write' && c.path === JOURNAL, code: 'ENOSPC' })
    const full = await issue('disk-fault-2')
    expect(full.status).toBe(507)
    expect(full.body).toMatchObject({ code: 'diskFull', error: 'Insufficient Storage' })
    expect(full.body.message).toMatch(
      /disk is full \(ENOSPC\): this was not saved, and nothing was changed\. Free space/,
    )
    expect(await queue()).toEqual(before)
    expect(fs.live.read(JOURNAL)).toEqual(journalBefore)

    // The sync of a call fails: the line written before it is cut back out.
    fs.inject({ when: (c) => c.name === 'datasync' && c.path === JOURNAL, code: 'EIO' })
    const failed = await f.request<ApiError>('POST', '/api/v1/counters/c1/call-next', {}, teller)
    expect(failed.status).toBe(503)
    expect(failed.body).toMatchObject({ code: 'diskFailed' })
    expect(failed.body.message).toMatch(/could not write to its disk \(EIO\).*nothing was changed/)
    expect(await queue()).toEqual(before)
    expect(fs.live.read(JOURNAL)).toEqual(journalBefore)

    // The disk works again: the retried tap gets the next number, none skipped, none repeated.
    expect((await issue('disk-fault-2')).body.number).toBe('A002')
    expect((await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller)).status).toBe(200)
    const after = await queue()
    await f.restart({ fileSystem: fs })
    const restarted = await queue(await f.manager())
    expect(restarted).toEqual(after)
    expect(restarted.open.map((t) => t.number)).toEqual(['A001', 'A002'])
    await f.stop(false)
  })

  it('stops and starts when the journal identity cannot be written: terminals then only take a snapshot', async () => {
    const { fs, f, kiosk, issue } = await hubOnFaultyDisk()
    expect((await issue('identity-1')).status).toBe(200)
    const first = await f.live(kiosk, null)
    await first.until((ms) => ms.some((m) => m.type === 'snapshot'), 'the snapshot')
    const seen = first.messages.find((m) => m.type === 'snapshot')
    if (seen?.type !== 'snapshot') throw new Error('no snapshot')
    first.close()
    // Both the clean stop's mark and the next start's fail: the hub stops and starts all the same.
    const fault = fs.inject({ when: (c) => c.path.includes('identity.json'), code: 'ENOSPC', once: false })
    await f.restart({ fileSystem: fs })
    fault()
    expect((await issue('identity-2')).status).toBe(200)
    // The stop was not marked clean, so the old position is not taken up: a snapshot, safe.
    const again = await f.live(kiosk, seen.snapshot.state.lastSeq, seen.snapshot.journal)
    await again.until((ms) => ms.some((m) => m.type === 'snapshot'), 'a snapshot')
    expect(again.eventSeqs()).toEqual([])
    again.close()
    await f.stop(false)
  })

  it('answers a clear error when a JSON file cannot be replaced, and keeps the data as it was', async () => {
    const { fs, f, manager, kiosk } = await hubOnFaultyDisk()
    const list = async (token = manager) =>
      (await f.request<{ records: FeedbackRecord[] }>('GET', '/api/v1/feedback', undefined, token)).body.records
    const post = (text: string) =>
      f.request<FeedbackRecord & ApiError>(
        'POST',
        '/api/v1/feedback',
        { ticketId: null, kind: 'suggestion', text },
        kiosk,
      )
    expect((await post('More seats, please')).status).toBe(200)
    for (const [name, code, status] of [
      ['write', 'ENOSPC', 507],
      ['sync', 'EIO', 503],
      ['rename', 'EIO', 503],
    ] as const) {
      fs.inject({ when: (c) => c.name === name && c.path.includes('feedback.json'), code })
      const refused = await post(`Refused by ${code} at ${name}`)
      expect(refused.status, `${code} at ${name}`).toBe(status)
      expect(refused.body.message).toContain('nothing was changed')
      expect((await list()).map((r) => r.text)).toEqual(['More seats, please'])
    }
    expect((await post('A water dispenser')).status).toBe(200)
    await f.restart({ fileSystem: fs })
    expect((await list(await f.manager())).map((r) => r.text)).toEqual(['More seats, please', 'A water dispenser'])
    await f.stop(false)
  })

  it('keeps a pairing code usable when pairing could not be saved', async () => {
    const { fs, f, manager } = await hubOnFaultyDisk()
    const code = await f.request<{ code: string }>(
      'POST',
      '/api/v1/pairing-codes',
      { role: 'display', name: 'lobby-tv' },
      manager,
    )
    expect(code.status).toBe(200)
    // The disk is full when the new terminal is written: a clear error, and the code is not used up
    // (the setup screen says the code may be fine and to try again).
    fs.inject({ when: (c) => c.name === 'write' && c.path.includes('security.json'), code: 'ENOSPC' })
    const full = await f.request<ApiError>('POST', '/api/v1/pair', { code: code.body.code })
    expect(full.status).toBe(507)
    expect(full.body.message).toContain('nothing was changed')
    const again = await f.request<{ token: string }>('POST', '/api/v1/pair', { code: code.body.code })
    expect(again.status).toBe(200)
    // Used once, it is used up.
    expect((await f.request('POST', '/api/v1/pair', { code: code.body.code })).status).toBe(401)
    await f.stop(false)
  })

  it('refuses to start when the data folder cannot be made, naming it', async () => {
    const fs = new FaultFs(FsImage.of({ '/srv': null }))
    fs.inject({ when: (c) => c.name === 'mkdir', code: 'ENOSPC' })
    await expect(HubFixture.start({ fileSystem: fs }, DATA)).rejects.toThrow(
      /ENOSPC: no space left on device, mkdir '\/srv\/data'/,
    )
    // Nothing half-made is left behind to trip the next start.
    expect(fs.live.entries().map((e) => e.path)).toEqual(['/srv'])
  })
})
