import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import type { TicketStatusView } from '../../shared/api/views'
import { waitWords } from '../../shared/i18n/ticketFacts'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

describe('the phone status page when no counter can call the ticket now', () => {
  it('says why instead of "soon": the only counter paused for a break, then closed', async () => {
    // Counter 1 planned from 11:00; at 10:00 (the test clock) its teller has opened it early,
    // as the README invites ("sign in at counter 1 or 2 to try the kiosk at any hour").
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-hold-'))
    const file = await demoBranchFile('127.0.0.1', 0, 1 << 10)
    const early = {
      ...file,
      branch: {
        ...file.branch,
        counters: file.branch.counters.map((c) =>
          c.id === 'c1' ? { ...c, hours: [{ opens: '11:00', closes: '17:00' }] } : c,
        ),
      },
    }
    await writeFile(join(dir, 'branch.json'), JSON.stringify(early))
    f = await HubFixture.start({ estimator: 'branch' }, dir)
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const one = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, one)).status).toBe(200)
    const receipt = (await f.issue(kiosk, 'waiting-alone')).body
    const status = async (): Promise<TicketStatusView> => {
      const key = receipt.statusPath.split('k=')[1] as string
      const r = await f!.request<TicketStatusView>('GET', `/api/v1/tickets/${receipt.ticketId}/status?k=${key}`)
      expect(r.status).toBe(200)
      return r.body
    }
    await f.hub.context.estimates.recompute()
    // counter 1 is open and nobody is ahead: the call is coming up
    expect(await status()).toMatchObject({ status: 'waiting', peopleAhead: 0, hold: null })

    // c1 is the only personal counter open; its teller goes on a break
    const pause = { reason: { code: 'break', note: '' } }
    expect((await f.request('POST', '/api/v1/counters/c1/pause', pause, one)).status).toBe(200)
    await f.hub.context.estimates.recompute()
    const paused = await status()
    expect(paused.hold).toEqual({ kind: 'paused', counterNumber: 1, reason: 'break' })
    expect(waitWords(paused.shown, paused.hold).key).not.toBe('wait.soon')
    // the pause is explained in the lobby too (a teller opened the counter: it counts as open)
    const shownDelays = () =>
      Object.values(f!.hub.context.host.current.delays)
        .filter((d) => d.endedAt === null)
        .map((d) => d.id)
    await expect.poll(shownDelays, { timeout: 3000 }).toContain('auto:counterPaused:c1')

    // resumed: coming up again
    expect((await f.request('POST', '/api/v1/counters/c1/resume', {}, one)).status).toBe(200)
    await f.hub.context.estimates.recompute()
    expect((await status()).hold).toBeNull()

    // closed with the customer still waiting and no personal counter open: counter 1 at 11:00
    expect((await f.request('POST', '/api/v1/counters/c1/close', {}, one)).status).toBe(200)
    await f.hub.context.estimates.recompute()
    const closed = await status()
    expect(closed.hold).toMatchObject({ kind: 'opensAt', clock: '11:00' })
    expect(waitWords(closed.shown, closed.hold).key).not.toBe('wait.soon')
  })
})
