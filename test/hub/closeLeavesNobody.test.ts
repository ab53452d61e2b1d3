import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import type { CounterClosedAck, QueueSnapshot } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

/**
 * The demo branch with counter 1 planned 09:00–17:00 and counter 2 from 11:00 (Beijing); the
 * test clock reads 10:00. Personal is served by counters 1–4; 3 and 4 have no plan.
 */
async function start(): Promise<HubFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-close-'))
  const file = await demoBranchFile('127.0.0.1', 0, 1 << 10)
  const hours = (opens: string) => [{ opens, closes: '17:00' }]
  const rostered = {
    ...file,
    branch: {
      ...file.branch,
      counters: file.branch.counters.map((c) =>
        c.id === 'c1' ? { ...c, hours: hours('09:00') } : c.id === 'c2' ? { ...c, hours: hours('11:00') } : c,
      ),
    },
  }
  await writeFile(join(dir, 'branch.json'), JSON.stringify(rostered))
  return HubFixture.start({ estimator: 'branch' }, dir)
}

describe('closing the last open counter for a service', () => {
  it('answers whom the close left with no open counter: nobody while another serves them', async () => {
    f = await start()
    const kiosk = await f.pair('kiosk', await f.manager())
    const one = await f.teller(1)
    const two = await f.teller(2)
    for (const [c, token] of [
      ['c1', one],
      ['c2', two],
    ] as const)
      expect((await f.request('POST', `/api/v1/counters/${c}/open`, {}, token)).status).toBe(200)
    expect((await f.issue(kiosk, 'personal-one')).status).toBe(200)
    expect((await f.issue(kiosk, 'personal-two')).status).toBe(200)

    const first = await f.request<CounterClosedAck>('POST', '/api/v1/counters/c2/close', {}, two)
    expect(first.status).toBe(200)
    expect(first.body.event).toMatchObject({ type: 'counterClosed', counterId: 'c2' })
    expect(first.body.stranded).toEqual([])

    const last = await f.request<CounterClosedAck>('POST', '/api/v1/counters/c1/close', {}, one)
    expect(last.status).toBe(200)
    expect(last.body.stranded).toEqual([{ serviceId: 'personal', waiting: 2 }])
  })

  it('tells the kiosk, its ticket and the lobby why nobody calls, never "soon" or "other counters serve you"', async () => {
    f = await start()
    const kiosk = await f.pair('kiosk', await f.manager())
    const one = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, one)).status).toBe(200)
    expect((await f.issue(kiosk, 'before-close')).body.hold).toBeNull()
    expect((await f.request('POST', '/api/v1/counters/c1/close', {}, one)).status).toBe(200)

    // the kiosk's buttons: the estimates it is pushed say why for each service held
    await f.hub.context.estimates.recompute()
    const queue = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, kiosk)
    expect(queue.status).toBe(200)
    const holds = queue.body.estimates?.shown.holds ?? {}
    expect(holds['personal']).toMatchObject({ kind: 'opensAt', clock: '11:00' })
    // business has counters 4 and 6, neither open nor planned: none is open
    expect(holds['business']).toEqual({ kind: 'closed' })

    // the ticket taken now: the same reason as its status page
    const receipt = await f.issue(kiosk, 'after-close')
    expect(receipt.status).toBe(200)
    expect(receipt.body.hold).toMatchObject({ kind: 'opensAt', clock: '11:00' })

    // the lobby's explanation of the closed counter: no counter for personal banking, back at 11:00
    const shown = () =>
      Object.values(f!.hub.context.host.current.delays).filter((d) => d.endedAt === null && d.source === 'automatic')
    await expect.poll(() => shown().map((d) => d.id), { timeout: 3000 }).toContain('auto:counterClosed:c1:alone:0:1100')
    const [delay] = shown()
    expect(delay?.message.en).toBe('No counter for Personal banking is open now; service resumes at 11:00')
    expect(delay?.message['zh-CN']).toBe('目前没有办理个人业务的窗口开放,11:00 起恢复办理')
  })
})
