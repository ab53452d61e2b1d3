import { afterEach, describe, expect, it } from 'vitest'
import type { PairedTerminalView } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

/**
 * The demo's kiosk and lobby display are registered by every demo start (`npm start`,
 * `npm run demo`, the desktop app's demo): a restart must not add two more terminals to the
 * manager's list each time, nor touch a terminal a person paired.
 */
let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

async function demoStart(hub: HubFixture): Promise<{ kiosk: string; display: string }> {
  const paired = hub.hub.context.paired
  return {
    kiosk: await paired.demoTerminal('kiosk', 'Demo kiosk', hub.clock.now()),
    display: await paired.demoTerminal('display', 'Demo lobby display', hub.clock.now()),
  }
}

async function terminals(hub: HubFixture): Promise<{ name: string; revoked: boolean }[]> {
  const r = await hub.request<{ terminals: PairedTerminalView[] }>(
    'GET',
    '/api/v1/paired-terminals',
    undefined,
    await hub.manager(),
  )
  return r.body.terminals
    .map((t) => ({ name: t.name, revoked: t.revokedAt !== null }))
    .sort((a, b) => a.name.localeCompare(b.name) || Number(a.revoked) - Number(b.revoked))
}

const works = async (hub: HubFixture, token: string): Promise<boolean> =>
  (await hub.request('GET', '/api/v1/sessions/current', undefined, token)).status === 200

describe("the demo's own terminals", () => {
  it('are the same two terminals, with the same tokens, at every start; a terminal a person paired is left alone', async () => {
    f = await HubFixture.start()
    const first = await demoStart(f)
    const person = await f.pair('kiosk', await f.manager())
    await f.restart()
    const second = await demoStart(f)
    await f.restart()
    expect(await demoStart(f)).toEqual(second)
    expect(second).toEqual(first)
    expect(await terminals(f)).toEqual([
      { name: 'Demo kiosk', revoked: false },
      { name: 'Demo lobby display', revoked: false },
      { name: 'test kiosk', revoked: false },
    ])
    // A demo page left open across the restarts is still paired, and so is the person's kiosk.
    expect(await works(f, first.kiosk)).toBe(true)
    expect(await works(f, first.display)).toBe(true)
    expect(await works(f, person)).toBe(true)
  })

  it('stays revoked once a manager revoked it: the next start registers one new terminal, not one each start', async () => {
    f = await HubFixture.start()
    const first = await demoStart(f)
    const manager = await f.manager()
    const list = await f.request<{ terminals: PairedTerminalView[] }>(
      'GET',
      '/api/v1/paired-terminals',
      undefined,
      manager,
    )
    const kioskId = list.body.terminals.find((t) => t.name === 'Demo kiosk')?.id
    expect((await f.request('DELETE', `/api/v1/paired-terminals/${kioskId}`, undefined, manager)).status).toBe(200)
    await f.restart()
    const second = await demoStart(f)
    await f.restart()
    expect(await demoStart(f)).toEqual(second)
    expect(second.kiosk).not.toBe(first.kiosk)
    expect(second.display).toBe(first.display)
    expect(await works(f, first.kiosk)).toBe(false)
    expect(await works(f, second.kiosk)).toBe(true)
    expect(await terminals(f)).toEqual([
      { name: 'Demo kiosk', revoked: false },
      { name: 'Demo kiosk', revoked: true },
      { name: 'Demo lobby display', revoked: false },
    ])
  })
})
