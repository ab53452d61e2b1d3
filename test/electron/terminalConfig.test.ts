import { describe, expect, it } from 'vitest'
import {
  describeProblems,
  parseTerminalConfig,
  parseTerminalConfigDraft,
} from '../../shared/desktop/parseTerminalConfig'
import { nearest } from '../../shared/util/nearest'
import { isIpv4, isLoopback, parseHubUrl } from '../../shared/desktop/hubAddress'
import { isCustomerFacing, roleKey } from '../../shared/desktop/terminalConfig'

const PIN_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g'

/** The kiosk PC of a branch: hub in-process for the LAN, kiosk on the touch screen, lobby TV. */
const kioskPc = {
  version: 1,
  terminalName: 'Lobby kiosk',
  hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 },
  screens: [
    { role: { kind: 'kiosk' }, monitor: 1, deviceToken: 'dev_kiosk_0123456789abcdef' },
    { role: { kind: 'display' }, monitor: 2, deviceToken: 'dev_display_0123456789abcdef' },
  ],
  kioskMode: 'locked',
  startAtLogin: true,
  exitPinHash: PIN_HASH,
}

const counterPc = {
  version: 1,
  terminalName: 'Counter 3',
  hub: { mode: 'connect', url: 'http://192.168.1.20:8420' },
  screens: [{ role: { kind: 'counter', counterId: 'c3' }, monitor: 1 }],
  kioskMode: 'windowed',
  startAtLogin: true,
}

function problemsOf(value: unknown): readonly { path: string; message: string }[] {
  const r = parseTerminalConfig(value)
  return r.ok ? [] : r.error
}

describe('parseTerminalConfig', () => {
  it('accepts a kiosk PC that hosts the hub and drives the lobby TV', () => {
    const r = parseTerminalConfig(kioskPc)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value).toEqual(kioskPc)
  })

  it('accepts a counter PC that connects to the hub, normalising the address', () => {
    const r = parseTerminalConfig({ ...counterPc, hub: { mode: 'connect', url: ' HTTP://192.168.1.20:8420/ ' } })
    expect(r.ok && r.value.hub).toEqual({ mode: 'connect', url: 'http://192.168.1.20:8420' })
  })

  it('trims the terminal name', () => {
    const r = parseTerminalConfig({ ...counterPc, terminalName: '  Counter 3 ' })
    expect(r.ok && r.value.terminalName).toBe('Counter 3')
  })

  it('reports every problem at once, each with its path', () => {
    const paths = problemsOf({
      ...kioskPc,
      terminalName: '',
      hub: { mode: 'host', bindAddress: 'lan', port: 70000 },
      startAtLogin: 'yes',
    }).map((p) => p.path)
    expect(paths).toEqual(['terminalName', 'hub.bindAddress', 'hub.port', 'startAtLogin'])
  })

  it('names a mistyped setting and suggests the right one', () => {
    const { screens, ...rest } = counterPc
    expect(problemsOf({ ...rest, screen: screens })).toContainEqual({
      path: 'screen',
      message: 'unknown field; did you mean "screens"?',
    })
  })

  it('requires the counter id of a counter window', () => {
    expect(problemsOf({ ...counterPc, screens: [{ role: { kind: 'counter' }, monitor: 1 }] })).toEqual([
      { path: 'screens[0].role.counterId', message: 'is required' },
    ])
    expect(
      problemsOf({ ...counterPc, screens: [{ role: { kind: 'counter', counterId: 'counter 3' }, monitor: 1 }] }),
    ).toEqual([
      { path: 'screens[0].role.counterId', message: 'a counter window needs the id of its counter, e.g. "c1"' },
    ])
  })

  it('refuses a locked kiosk without an exit PIN', () => {
    const { exitPinHash: _pin, ...noPin } = kioskPc
    expect(problemsOf(noPin).map((p) => p.path)).toEqual(['exitPinHash'])
  })

  it('lets a windowed trial run without an exit PIN', () => {
    const { exitPinHash: _pin, ...noPin } = kioskPc
    expect(parseTerminalConfig({ ...noPin, kioskMode: 'windowed' }).ok).toBe(true)
  })

  it('refuses two locked customer screens on one monitor', () => {
    const problems = problemsOf({
      ...kioskPc,
      screens: [
        { role: { kind: 'kiosk' }, monitor: 1 },
        { role: { kind: 'display' }, monitor: 1 },
      ],
    })
    expect(problems[0]?.path).toBe('screens[0]')
    expect(problems[0]?.message).toContain('give each locked kiosk or display its own monitor')
  })

  it('lets counter and manager windows share a monitor', () => {
    const screens = [
      { role: { kind: 'counter', counterId: 'c1' }, monitor: 1 },
      { role: { kind: 'manager' }, monitor: 1 },
    ]
    expect(parseTerminalConfig({ ...counterPc, screens }).ok).toBe(true)
  })

  it('refuses the same role twice', () => {
    const screens = [
      { role: { kind: 'counter', counterId: 'c1' }, monitor: 1 },
      { role: { kind: 'counter', counterId: 'c1' }, monitor: 2 },
    ]
    expect(problemsOf({ ...counterPc, screens })[0]?.message).toContain('repeats screens[0] (counter:c1)')
  })

  it('allows port 0 only on loopback, where no other PC needs the address', () => {
    expect(parseTerminalConfig({ ...kioskPc, hub: { mode: 'host', bindAddress: '127.0.0.1', port: 0 } }).ok).toBe(true)
    expect(problemsOf({ ...kioskPc, hub: { mode: 'host', bindAddress: '0.0.0.0', port: 0 } })[0]?.path).toBe('hub.port')
  })

  it('keeps host and connect settings apart', () => {
    const problems = problemsOf({ ...counterPc, hub: { mode: 'connect', url: 'http://10.0.0.2:8420', port: 8420 } })
    expect(problems[0]?.message).toContain('only a url')
  })

  it('keeps the CA fingerprint pairing delivered, for an https hub only', () => {
    const pin = `${'3a:'.repeat(31)}9f`
    const r = parseTerminalConfig({
      ...counterPc,
      hub: { mode: 'connect', url: 'https://192.168.1.20:8420', caFingerprint: ` ${pin} ` },
    })
    expect(r.ok && r.value.hub).toEqual({
      mode: 'connect',
      url: 'https://192.168.1.20:8420',
      caFingerprint: pin.toUpperCase(),
    })
    const plain = problemsOf({
      ...counterPc,
      hub: { mode: 'connect', url: 'http://192.168.1.20:8420', caFingerprint: pin },
    })
    expect(plain.map((p) => p.path)).toEqual(['hub.caFingerprint'])
    for (const wrong of ['3A9F', `${'3A:'.repeat(30)}9F`, 'SHA256:abc', 42]) {
      const problems = problemsOf({
        ...counterPc,
        hub: { mode: 'connect', url: 'https://192.168.1.20:8420', caFingerprint: wrong },
      })
      expect(
        problems.map((p) => p.path),
        String(wrong),
      ).toEqual(['hub.caFingerprint'])
    }
    const host = problemsOf({ ...kioskPc, hub: { ...kioskPc.hub, caFingerprint: pin } })
    expect(host.map((p) => p.path)).toEqual(['hub.caFingerprint'])
  })

  it('refuses a PIN hash it did not write', () => {
    expect(problemsOf({ ...kioskPc, exitPinHash: '1234' }).map((p) => p.path)).toContain('exitPinHash')
  })

  it('refuses other format versions and non-objects', () => {
    expect(problemsOf({ ...counterPc, version: 2 })[0]?.path).toBe('version')
    expect(problemsOf([counterPc])).toEqual([{ path: '', message: 'must be object' }])
    expect(problemsOf(null)).toEqual([{ path: '', message: 'must be object' }])
  })

  it('words shape problems as every configuration problem is worded (schemaProblems)', () => {
    expect(
      problemsOf({
        ...kioskPc,
        terminalName: '   ',
        hub: { mode: 'host', bindAddress: '0.0.0.0', port: 70000 },
        kioskMode: 'fullscreen',
        startAtLogin: 'yes',
        colour: 'red',
      }),
    ).toEqual([
      { path: 'colour', message: 'unknown field' },
      { path: 'terminalName', message: 'must not be empty' },
      { path: 'hub.port', message: 'must be <= 65535' },
      { path: 'kioskMode', message: 'must be one of "locked", "windowed"' },
      { path: 'startAtLogin', message: 'must be boolean' },
    ])
    expect(problemsOf({ ...counterPc, screens: [] })).toEqual([
      { path: 'screens', message: 'must not have fewer than 1 items' },
    ])
    expect(problemsOf({ ...counterPc, hub: { mode: 'relay' } })).toEqual([
      { path: 'hub.mode', message: 'must be one of "host", "connect"' },
    ])
  })

  it('keeps a device token per paired screen, and refuses malformed ones', () => {
    const screens = [
      { role: { kind: 'kiosk' }, monitor: 1, deviceToken: 'abc def ghi jkl mno' },
      { role: { kind: 'display' }, monitor: 2, deviceToken: 'short' },
    ]
    expect(problemsOf({ ...kioskPc, screens }).map((p) => p.path)).toEqual([
      'screens[0].deviceToken',
      'screens[1].deviceToken',
    ])
  })

  it('refuses a device token on a counter window, where staff sign in instead', () => {
    const screens = [
      { role: { kind: 'counter', counterId: 'c3' }, monitor: 1, deviceToken: 'dev_0123456789abcdef0123' },
    ]
    expect(problemsOf({ ...counterPc, screens })).toEqual([
      {
        path: 'screens[0].deviceToken',
        message: 'only a kiosk or display is paired; staff sign in at counter and manager windows',
      },
    ])
  })

  it('suggests the right field inside a screen or a role too', () => {
    const screens = [{ role: { kind: 'counter', counterID: 'c3' }, monitr: 1 }]
    expect(problemsOf({ ...counterPc, screens })).toEqual(
      expect.arrayContaining([
        { path: 'screens[0].monitr', message: 'unknown field; did you mean "monitor"?' },
        { path: 'screens[0].role.counterID', message: 'unknown field; did you mean "counterId"?' },
      ]),
    )
  })

  it('refuses a counter id on a window that is not a counter', () => {
    const screens = [{ role: { kind: 'manager', counterId: 'c1' }, monitor: 1 }]
    expect(problemsOf({ ...counterPc, screens })).toEqual([
      { path: 'screens[0].role.counterId', message: 'unknown field' },
    ])
  })

  describe('edge cases', () => {
    it('accepts monitors 1 to 8 and 1 to 8 screens', () => {
      const screens = Array.from({ length: 8 }, (_, i) => ({
        role: { kind: 'counter', counterId: `c${i + 1}` },
        monitor: i + 1,
      }))
      expect(parseTerminalConfig({ ...counterPc, screens }).ok).toBe(true)
      expect(problemsOf({ ...counterPc, screens: [...screens, screens[0]] })[0]?.path).toBe('screens')
      expect(problemsOf({ ...counterPc, screens: [] })[0]?.path).toBe('screens')
      expect(problemsOf({ ...counterPc, screens: [{ role: { kind: 'manager' }, monitor: 0 }] })[0]?.path).toBe(
        'screens[0].monitor',
      )
    })
  })
})

describe('parseTerminalConfigDraft', () => {
  const { version: _v, exitPinHash: _h, ...draft } = kioskPc

  it('accepts a draft with a new exit PIN', () => {
    const r = parseTerminalConfigDraft({ ...draft, newExitPin: '2468' }, false)
    expect(r.ok && r.value.newExitPin).toBe('2468')
  })

  it('accepts a locked draft without a new PIN when one is already set', () => {
    expect(parseTerminalConfigDraft(draft, true).ok).toBe(true)
  })

  it('needs a PIN for a locked terminal that has none', () => {
    const r = parseTerminalConfigDraft(draft, false)
    expect(r.ok ? [] : r.error.map((p) => p.path)).toEqual(['newExitPin'])
  })

  it('refuses PINs that are not 4 to 8 digits, and a version or hash in a draft', () => {
    for (const pin of ['123', '123456789', '12a4', 1234]) {
      const r = parseTerminalConfigDraft({ ...draft, newExitPin: pin }, true)
      expect(r.ok ? [] : r.error.map((p) => p.path)).toEqual(['newExitPin'])
    }
    const r = parseTerminalConfigDraft({ ...draft, version: 1, exitPinHash: PIN_HASH }, true)
    expect(r.ok ? [] : r.error.map((p) => p.path)).toEqual(['version', 'exitPinHash'])
  })
})

describe('describeProblems', () => {
  it('puts one problem per line with its path', () => {
    expect(
      describeProblems([
        { path: 'hub.port', message: 'must be a whole number from 0 to 65535' },
        { path: '', message: 'must be an object' },
      ]),
    ).toBe('hub.port: must be a whole number from 0 to 65535\nmust be an object')
  })
})

describe('parseHubUrl', () => {
  it('accepts addresses with or without a port and a trailing slash', () => {
    expect(parseHubUrl('http://192.168.1.20:8420/')).toEqual({ ok: true, value: 'http://192.168.1.20:8420' })
    expect(parseHubUrl('https://Hub.Branch.Local')).toEqual({ ok: true, value: 'https://hub.branch.local' })
    expect(parseHubUrl('http://[fe80::1]:8420')).toEqual({ ok: true, value: 'http://[fe80::1]:8420' })
  })

  it('says what is wrong with an address', () => {
    expect(parseHubUrl('192.168.1.20:8420')).toEqual({
      ok: false,
      error: 'must start with http:// or https://, e.g. http://192.168.1.20:8420',
    })
    expect(parseHubUrl('http://192.168.1.20:8420/#/kiosk').ok).toBe(false)
    expect(parseHubUrl('http://admin:pw@192.168.1.20').ok).toBe(false)
    expect(parseHubUrl('http://192.168.1.300:8420')).toEqual({
      ok: false,
      error: '"192.168.1.300" is not a valid IPv4 address',
    })
    expect(parseHubUrl('http://10.0.0.1:99999')).toEqual({ ok: false, error: 'port must be from 1 to 65535' })
  })
})

describe('address helpers', () => {
  it('recognises IPv4 and loopback addresses', () => {
    expect(['0.0.0.0', '192.168.1.20', '255.255.255.255'].every(isIpv4)).toBe(true)
    expect(['01.2.3.4', '1.2.3', '1.2.3.4.5', '256.1.1.1', 'a.b.c.d'].some(isIpv4)).toBe(false)
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true)
    expect(isLoopback('0.0.0.0')).toBe(false)
  })

  it('suggests a known key within two edits only', () => {
    expect(nearest('startAtLogon', ['startAtLogin', 'screens'])).toBe('startAtLogin')
    expect(nearest('colour', ['hub', 'screens'])).toBeUndefined()
  })

  it('names roles and tells customer-facing ones apart', () => {
    expect(roleKey({ kind: 'counter', counterId: 'c2' })).toBe('counter:c2')
    expect(roleKey({ kind: 'display' })).toBe('display')
    expect(isCustomerFacing({ kind: 'kiosk' })).toBe(true)
    expect(isCustomerFacing({ kind: 'manager' })).toBe(false)
  })
})
