import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { QueueEvent } from '../../shared/queue/events'
import type { QueueSnapshot } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

/** The demo branch with premier customers confirmed by staff and appointments by booking code. */
async function hubWithStaffConfirmedVip(): Promise<HubFixture> {
  const first = await HubFixture.start()
  await first.hub.close()
  const file = join(first.dataDir, 'branch.json')
  const json = JSON.parse(await readFile(file, 'utf8')) as {
    branch: { priorityClasses: { id: string; establishedBy?: string }[] }
  }
  for (const c of json.branch.priorityClasses) {
    if (c.id === 'vip') c.establishedBy = 'staff'
    if (c.id === 'appointment') c.establishedBy = 'booking'
  }
  await writeFile(file, JSON.stringify(json, null, 2))
  return HubFixture.start({}, first.dataDir, first.clock)
}

describe('priority over HTTP', () => {
  it('issues a staff-confirmed class as a claim, and a teller confirms it with a journaled reason', async () => {
    f = await hubWithStaffConfirmedVip()
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const receipt = (await f.issue(kiosk, 'priority-tap-1', { serviceId: 'wealth', priorityClassId: 'vip' })).body
    expect(receipt).toMatchObject({ priorityClassId: null, priorityClaim: 'vip' })
    const path = `/api/v1/tickets/${encodeURIComponent(receipt.ticketId)}/priority`
    // A kiosk cannot confirm its own claim.
    expect((await f.request('POST', path, { priorityClassId: 'vip', reason: 'trust me' }, kiosk)).status).toBe(403)
    // No reason: a clear 400, nothing changed.
    const empty = await f.request<{ code: string }>('POST', path, { priorityClassId: 'vip', reason: '' }, manager)
    expect(empty.status).toBe(400)
    const teller = await f.teller(1)
    const ok = await f.request('POST', path, { priorityClassId: 'vip', reason: 'Premier card seen' }, teller)
    expect(ok.status).toBe(200)
    const snap = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body
    expect(snap.state.open.find((t) => t.id === receipt.ticketId)).toMatchObject({
      priorityClassId: 'vip',
      priorityClaim: null,
    })
    // The change is in the journal, and survives a restart.
    await f.restart()
    const { events } = (
      await f.request<{ events: QueueEvent[] }>('GET', '/api/v1/events?since=0', undefined, await f.manager())
    ).body
    expect(events.find((e) => e.type === 'priorityChanged')).toMatchObject({
      ticketId: receipt.ticketId,
      from: null,
      to: 'vip',
      reason: 'Premier card seen',
    })
  })

  it('refuses a booking class by tap with a clear error', async () => {
    f = await hubWithStaffConfirmedVip()
    const kiosk = await f.pair('kiosk', await f.manager())
    const r = await f.issue(kiosk, 'priority-tap-2', { priorityClassId: 'appointment' })
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ code: 'bookingRequired' })
  })
})
