import { describe, expect, it } from 'vitest'
import {
  DEMO_TERMINAL,
  decideStartup,
  hubPlanFor,
  localHubOrigin,
  parseLaunchFlags,
  type Startup,
} from '../../electron/main/startupPlan'
import { parseTerminalConfig } from '../../shared/desktop/parseTerminalConfig'

const noFlags = { demo: false, setup: false }
const counterPc = {
  version: 1,
  terminalName: 'Counter 3',
  hub: { mode: 'connect', url: 'http://192.168.1.20:8420' },
  screens: [{ role: { kind: 'counter', counterId: 'c3' }, monitor: 1 }],
  kioskMode: 'windowed',
  startAtLogin: true,
}

describe('decideStartup', () => {
  it('runs the demo branch when a development run has no configuration', () => {
    expect(decideStartup({ kind: 'missing' }, false, noFlags)).toEqual({ mode: 'demo', config: DEMO_TERMINAL })
  })

  it('opens setup when an installed app has no configuration', () => {
    expect(decideStartup({ kind: 'missing' }, true, noFlags)).toEqual({
      mode: 'setup',
      reason: 'missing',
      problems: [],
      config: null,
    })
  })

  it('runs a valid configuration', () => {
    const s = decideStartup({ kind: 'found', json: counterPc }, true, noFlags)
    expect(s.mode).toBe('configured')
    expect(s.config?.terminalName).toBe('Counter 3')
  })

  it('opens setup with the problems of a broken file', () => {
    const s = decideStartup({ kind: 'found', json: { ...counterPc, kioskMode: 'open' } }, true, noFlags)
    expect(s).toMatchObject({ mode: 'setup', reason: 'invalid', config: null })
    expect(s.mode === 'setup' && s.problems.map((p) => p.path)).toEqual(['kioskMode'])
    const unreadable = decideStartup({ kind: 'unreadable', error: 'terminal.json is not valid JSON' }, false, noFlags)
    expect(unreadable).toMatchObject({
      mode: 'setup',
      problems: [{ path: '', message: 'terminal.json is not valid JSON' }],
    })
  })

  it('obeys --setup (keeping a valid configuration to edit) and --demo', () => {
    const s = decideStartup({ kind: 'found', json: counterPc }, true, { demo: false, setup: true })
    expect(s).toMatchObject({ mode: 'setup', reason: 'requested' })
    expect(s.config?.terminalName).toBe('Counter 3')
    expect(decideStartup({ kind: 'found', json: counterPc }, true, { demo: true, setup: false }).mode).toBe('demo')
  })

  it('ships a demo terminal that is itself a valid configuration', () => {
    expect(parseTerminalConfig(DEMO_TERMINAL)).toEqual({ ok: true, value: DEMO_TERMINAL })
    expect(DEMO_TERMINAL.screens.map((s) => s.role.kind)).toEqual(['kiosk', 'display', 'counter', 'counter'])
  })
})

describe('hubPlanFor', () => {
  it('starts the demo hub on loopback on any free port', () => {
    expect(hubPlanFor({ mode: 'demo', config: DEMO_TERMINAL })).toEqual({
      kind: 'inProcess',
      host: '127.0.0.1',
      port: 0,
      demo: true,
    })
  })

  it('hosts on the configured address, or connects to the configured hub', () => {
    const host = parseTerminalConfig({ ...counterPc, hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 } })
    if (!host.ok) throw new Error('fixture')
    expect(hubPlanFor({ mode: 'configured', config: host.value })).toEqual({
      kind: 'inProcess',
      host: '0.0.0.0',
      port: 8420,
      demo: false,
    })
    const connect = parseTerminalConfig(counterPc)
    if (!connect.ok) throw new Error('fixture')
    expect(hubPlanFor({ mode: 'configured', config: connect.value })).toEqual({
      kind: 'remote',
      url: 'http://192.168.1.20:8420',
    })
  })

  it('serves setup from a loopback-only hub, keeping a hosting PC’s port', () => {
    const setup: Startup = { mode: 'setup', reason: 'missing', problems: [], config: null }
    expect(hubPlanFor(setup)).toEqual({ kind: 'inProcess', host: '127.0.0.1', port: 0, demo: false })
    const host = parseTerminalConfig({ ...counterPc, hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 } })
    if (!host.ok) throw new Error('fixture')
    expect(hubPlanFor({ mode: 'setup', reason: 'requested', problems: [], config: host.value })).toMatchObject({
      host: '127.0.0.1',
      port: 8420,
    })
  })
})

describe('localHubOrigin', () => {
  it('opens a hub bound to every interface through loopback', () => {
    expect(localHubOrigin('http://0.0.0.0:8420')).toBe('http://127.0.0.1:8420')
    expect(localHubOrigin('http://[::]:8420/')).toBe('http://[::1]:8420')
    expect(localHubOrigin('http://192.168.1.20:8420/')).toBe('http://192.168.1.20:8420')
  })
})

describe('parseLaunchFlags', () => {
  it('reads --demo and --setup', () => {
    expect(parseLaunchFlags(['electron', '.', '--demo'])).toEqual({ demo: true, setup: false })
    expect(parseLaunchFlags(['branch-lobby.exe', '--setup'])).toEqual({ demo: false, setup: true })
    expect(parseLaunchFlags(['branch-lobby.exe', '--setupx'])).toEqual(noFlags)
  })
})
