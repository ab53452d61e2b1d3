import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BranchLobbyBridge } from '../../shared/desktop/bridge'
import { CHANNELS } from '../../electron/preload/channels'
import { hashPin } from '../../electron/main/pinHash'
import {
  FakeBrowserWindow,
  FakeWebContents,
  app,
  defaultSession,
  display,
  errorBoxes,
  exposed,
  fakeEvent,
  ipcMain,
  ipcRenderer,
  menus,
  messageBoxAnswers,
  messageBoxes,
  powerSaveBlocks,
  screen,
} from './support/fakeElectron'
import { startTestShell } from './support/shellHarness'

vi.mock('electron', async () => (await import('./support/fakeElectron')).electron)

let bridge: BranchLobbyBridge
let exitPinHash: string

beforeAll(async () => {
  await import('../../electron/preload/index')
  bridge = exposed.get('branchLobby') as BranchLobbyBridge
  exitPinHash = await hashPin('2468')
})

afterEach(() => {
  vi.useRealTimers()
})

/** Calls the bridge as the page in this window. */
function asPageOf(window: FakeBrowserWindow): BranchLobbyBridge {
  ipcRenderer.sender = window.webContents
  return bridge
}

const kioskPc = () => ({
  version: 1,
  terminalName: 'Lobby kiosk',
  hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 },
  screens: [
    { role: { kind: 'kiosk' }, monitor: 1, deviceToken: 'dev_kiosk_0123456789abcdef' },
    { role: { kind: 'display' }, monitor: 2, deviceToken: 'dev_display_0123456789abcdef' },
  ],
  kioskMode: 'locked',
  startAtLogin: true,
  exitPinHash,
})

const counterPc = {
  version: 1,
  terminalName: 'Counter 3',
  hub: { mode: 'connect', url: 'http://192.168.1.20:8420' },
  screens: [{ role: { kind: 'counter', counterId: 'c3' }, monitor: 1 }],
  kioskMode: 'windowed',
  startAtLogin: true,
}

const press = (key: string, mods: { control?: boolean; alt?: boolean; shift?: boolean } = {}) => ({
  type: 'keyDown',
  key,
  control: mods.control ?? false,
  alt: mods.alt ?? false,
  shift: mods.shift ?? false,
  meta: false,
})

/** Sends a key through `before-input-event`; true when main kept it from the page. */
function key(window: FakeBrowserWindow, k: ReturnType<typeof press>): boolean {
  const event = fakeEvent()
  window.webContents.emit('before-input-event', event, k)
  return event.defaultPrevented
}

describe('the shell, started with no configuration in development (npm start)', () => {
  it('starts the demo hub in-process and opens a kiosk, the display and two counters', async () => {
    const t = await startTestShell()
    expect(t.hubStarts).toEqual([
      {
        dataDir: join(t.appPath, '.data'),
        host: '127.0.0.1',
        port: 0,
        demo: true,
        rendererDir: join(t.appPath, 'out', 'renderer'),
      },
    ])
    expect([...(t.shell?.windows.keys() ?? [])]).toEqual(['kiosk', 'display', 'counter:c1', 'counter:c2'])
    expect(['kiosk', 'display', 'counter:c1', 'counter:c2'].map((k) => t.window(k).webContents.loads[0])).toEqual([
      'http://127.0.0.1:8420/#/kiosk',
      'http://127.0.0.1:8420/#/display',
      'http://127.0.0.1:8420/#/counter/c1',
      'http://127.0.0.1:8420/#/counter/c2',
    ])
    // Ordinary tiled windows: a developer's desktop stays usable.
    expect(FakeBrowserWindow.all.map((w) => w.kiosk)).toEqual([false, false, false, false])
    expect(powerSaveBlocks).toEqual([])
    expect(app.loginItems).toEqual([])
  })

  it('gives every window the sandboxed, isolated preferences and the built preload, with no menu', async () => {
    const t = await startTestShell()
    for (const w of FakeBrowserWindow.all) {
      expect(w.options.webPreferences).toMatchObject({
        preload: join(t.appPath, 'out', 'preload', 'index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      })
      expect(w.menuRemoved).toBe(true)
    }
    expect(menus).toEqual([null])
    expect(app.sandboxEnabled).toBe(true)
  })

  it('shows a window only when its page is ready to show', async () => {
    const t = await startTestShell()
    const kiosk = t.window('kiosk')
    expect(kiosk.shown).toBe(false)
    kiosk.emit('ready-to-show')
    expect(kiosk.shown).toBe(true)
  })

  it('tells each page its role, counter and hub', async () => {
    const t = await startTestShell()
    expect(await asPageOf(t.window('counter:c2')).getTerminalInfo()).toEqual({
      role: 'counter',
      counterId: 'c2',
      hubUrl: 'http://127.0.0.1:8420',
      terminalName: 'Demo terminal',
      locked: false,
      demo: true,
      appVersion: '0.1.0-test',
    })
    expect(await asPageOf(t.window('display')).getTerminalInfo()).toMatchObject({
      role: 'display',
      deviceToken: 'local-display-token',
    })
    expect(await asPageOf(t.window('kiosk')).getTerminalInfo()).toMatchObject({ deviceToken: 'local-kiosk-token' })
    expect(t.registered).toEqual([
      ['kiosk', 'Demo kiosk'],
      ['display', 'Demo display'],
    ])
    expect(await asPageOf(t.window('kiosk')).listMonitors()).toEqual([
      { number: 1, width: 1920, height: 1080, primary: true },
    ])
  })

  it('refuses the demo counters a configuration save', async () => {
    const t = await startTestShell()
    const draft = { ...counterPc, version: undefined }
    expect(await asPageOf(t.window('counter:c1')).saveTerminalConfig(draft as never)).toEqual({
      ok: false,
      reason: 'notAllowed',
    })
  })
})

describe('pairing from setup', () => {
  it('lets only the setup and manager windows pair, with arguments checked in main', async () => {
    const demo = await startTestShell()
    expect(await asPageOf(demo.window('counter:c1')).pairWithHub('https://127.0.0.1:1', '123456')).toEqual({
      ok: false,
      reason: 'notAllowed',
    })
    const t = await startTestShell({ packaged: true, argv: ['branch-lobby', '--setup'] })
    const page = asPageOf(t.window('setup'))
    expect(await page.pairWithHub({ url: 'x' } as never, '123456')).toEqual({ ok: false, reason: 'badArguments' })
    expect(await page.pairWithHub('https://127.0.0.1:1', '123456')).toEqual({ ok: false, reason: 'unreachable' })
  })

  it('refuses a hub answer not of the pairing schema as unexpected, logs the field at fault, and writes nothing', async () => {
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () =>
        res.end(JSON.stringify({ token: 'dev_0123456789abcdef', role: 'counter', caFingerprint: null })),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const t = await startTestShell({ packaged: true, argv: ['branch-lobby', '--setup'] })
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const problem = 'role: must be "kiosk" or "display" (only a kiosk or a lobby display is paired)'
      expect(await asPageOf(t.window('setup')).pairWithHub(url, '123456')).toEqual({
        ok: false,
        reason: 'unexpectedAnswer',
        problems: [problem],
      })
      const logDir = join(t.userDataDir, 'logs')
      const lines = readdirSync(logDir).flatMap((f) => readFileSync(join(logDir, f), 'utf8').trim().split('\n'))
      const failed = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.event === 'pairing.failed')
      expect(failed).toMatchObject([{ reason: 'unexpectedAnswer', problems: [problem] }])
      expect(existsSync(join(t.userDataDir, 'terminal.json'))).toBe(false)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('the shell’s security guards', () => {
  it('adds its Content-Security-Policy beside the hub’s own to every response', async () => {
    await startTestShell()
    let answer: { responseHeaders: Record<string, string[]> } | undefined
    defaultSession.headersReceived?.(
      { responseHeaders: { 'content-security-policy': ["default-src 'self'"], 'Content-Type': ['text/html'] } },
      (response: { responseHeaders: Record<string, string[]> }) => {
        answer = response
      },
    )
    const policies = answer?.responseHeaders['Content-Security-Policy'] ?? []
    expect(policies).toHaveLength(2)
    expect(policies[0]).toContain("connect-src 'self' ws://127.0.0.1:8420")
    expect(policies[1]).toBe("default-src 'self'")
    expect(answer?.responseHeaders['Content-Type']).toEqual(['text/html'])
    expect(
      Object.keys(answer?.responseHeaders ?? {}).filter((h) => h.toLowerCase() === 'content-security-policy'),
    ).toHaveLength(1)
  })

  it('cancels every request that is not for the hub', async () => {
    await startTestShell()
    const cancelled = (url: string) => {
      let cancel: boolean | undefined
      defaultSession.beforeRequest?.({ url, resourceType: 'script' }, (r: { cancel: boolean }) => {
        cancel = r.cancel
      })
      return cancel
    }
    expect(cancelled('http://127.0.0.1:8420/assets/index.js')).toBe(false)
    expect(cancelled('ws://127.0.0.1:8420/api/v1/live')).toBe(false)
    expect(cancelled('https://cdn.example.com/x.js')).toBe(true)
  })

  it('denies permissions except sound, and every device picker', async () => {
    await startTestShell()
    const ask = (permission: string, mediaTypes?: string[]) => {
      let granted: boolean | undefined
      defaultSession.permissionRequest?.(
        new FakeWebContents(),
        permission,
        (g: boolean) => {
          granted = g
        },
        { requestingUrl: 'http://127.0.0.1:8420/#/kiosk', isMainFrame: true, ...(mediaTypes ? { mediaTypes } : {}) },
      )
      return granted
    }
    expect(ask('media', ['audio'])).toBe(true)
    expect(ask('media', ['video'])).toBe(false)
    expect(ask('geolocation')).toBe(false)
    expect(defaultSession.permissionCheck?.(null, 'media', 'http://127.0.0.1:8420', { mediaType: 'audio' })).toBe(true)
    expect(defaultSession.devicePermission?.({ deviceType: 'serial' })).toBe(false)
  })

  it("pins the hub's certificate to the CA pairing delivered, and to this PC's own hub's CA", async () => {
    const pin = `${'AB:'.repeat(31)}CD`
    await startTestShell({
      config: { ...counterPc, hub: { mode: 'connect', url: 'https://192.168.1.20:8420', caFingerprint: pin } },
    })
    const ask = (hostname: string) =>
      new Promise<number>((resolve) =>
        defaultSession.certificateVerify?.({ hostname, certificate: { data: 'not a certificate' } }, resolve),
      )
    expect(await ask('192.168.1.20')).toBe(-2)
    expect(await ask('example.com')).toBe(-3)
    await startTestShell({ config: kioskPc(), hubUrl: 'https://127.0.0.1:8420', caFingerprint: pin })
    expect(await ask('127.0.0.1')).toBe(-2)
    await startTestShell({ config: counterPc })
    expect(defaultSession.certificateVerify).toBeNull()
  })

  it('refuses downloads', async () => {
    await startTestShell()
    const download = fakeEvent()
    defaultSession.emit('will-download', download, { getURL: () => 'http://127.0.0.1:8420/report.csv' })
    expect(download.defaultPrevented).toBe(true)
  })

  it('keeps every window on the hub: no navigation away, no new windows, no webviews', async () => {
    const t = await startTestShell()
    const contents = t.window('kiosk').webContents
    const away = fakeEvent({ url: 'https://example.com/phish' })
    contents.emit('will-navigate', away)
    const home = fakeEvent({ url: 'http://127.0.0.1:8420/#/kiosk' })
    contents.emit('will-navigate', home)
    const redirect = fakeEvent({ url: 'http://evil.example/' })
    contents.emit('will-redirect', redirect)
    const frame = fakeEvent({ url: 'https://ads.example/', isMainFrame: false })
    contents.emit('will-frame-navigate', frame)
    const webview = fakeEvent()
    contents.emit('will-attach-webview', webview, {}, {})
    expect([away, home, redirect, frame, webview].map((e) => e.defaultPrevented)).toEqual([
      true,
      false,
      true,
      true,
      true,
    ])
    expect(contents.windowOpenHandler?.({ url: 'http://127.0.0.1:8420/#/status/x' })).toEqual({ action: 'deny' })
  })

  it('answers only the top frame of its own windows while they show the hub', async () => {
    const t = await startTestShell()
    const counter = t.window('counter:c1')
    counter.webContents.mainFrame.url = 'https://example.com/'
    await expect(asPageOf(counter).getTerminalInfo()).rejects.toThrow('may not use the terminal bridge')
    counter.webContents.mainFrame.url = 'http://127.0.0.1:8420/#/counter/c1'
    await expect(asPageOf(counter).getTerminalInfo()).resolves.toMatchObject({ counterId: 'c1' })
    const stranger = new FakeWebContents()
    stranger.mainFrame.url = 'http://127.0.0.1:8420/#/manager'
    ipcRenderer.sender = stranger
    await expect(bridge.getTerminalConfig()).rejects.toThrow('may not use the terminal bridge')
    const handler = ipcMain.handlers.get(CHANNELS.getTerminalInfo)
    const iframe = { url: 'http://127.0.0.1:8420/#/kiosk', parent: counter.webContents.mainFrame }
    expect(() => handler?.({ sender: counter.webContents, senderFrame: iframe })).toThrow(
      'may not use the terminal bridge',
    )
  })

  it('logs what the page reports about its hub connection, and ignores anything else', async () => {
    const t = await startTestShell()
    asPageOf(t.window('kiosk')).reportHubStatus('offline')
    ipcRenderer.send(CHANNELS.reportHubStatus, 'down')
    const logDir = join(t.appPath, '.data', 'logs')
    const lines = readdirSync(logDir).flatMap((f) => readFileSync(join(logDir, f), 'utf8').trim().split('\n'))
    const statuses = lines.map((l) => JSON.parse(l)).filter((e) => e.event === 'hub.status')
    expect(statuses.map((e) => [e.window, e.status])).toEqual([['kiosk', 'offline']])
  })
})

describe('the shell recovering from faults', () => {
  it('reloads a crashed page, rebuilds a window that keeps crashing, and never touches the hub', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t = await startTestShell()
    const first = t.window('kiosk')
    first.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 })
    expect(first.webContents.loads).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(250)
    expect(first.webContents.loads).toEqual(['http://127.0.0.1:8420/#/kiosk', 'http://127.0.0.1:8420/#/kiosk'])

    first.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 })
    await vi.advanceTimersByTimeAsync(1_000)
    first.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 })
    await vi.advanceTimersByTimeAsync(4_000)
    const rebuilt = t.window('kiosk')
    expect(rebuilt).not.toBe(first)
    expect(first.destroyed).toBe(true)
    expect(rebuilt.webContents.loads).toEqual(['http://127.0.0.1:8420/#/kiosk'])
    expect(t.hubCloses()).toBe(0)
    expect(app.quitRequests).toBe(0)
    expect(t.shell?.windows.size).toBe(4)
  })

  it('kills a page hung for fifteen seconds (the crash handler then reloads it)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t = await startTestShell()
    const display = t.window('display')
    display.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(14_999)
    expect(display.webContents.forcedCrashes).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(display.webContents.forcedCrashes).toBe(1)

    const kiosk = t.window('kiosk')
    kiosk.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(5_000)
    kiosk.emit('responsive')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(kiosk.webContents.forcedCrashes).toBe(0)
  })

  it('shows the offline notice while the hub is unreachable and retries with backoff', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t = await startTestShell({ config: counterPc })
    expect(t.hubStarts).toEqual([])
    const contents = t.window('counter:c3').webContents
    const hubPage = 'http://192.168.1.20:8420/#/counter/c3'
    const fail = () => contents.emit('did-fail-load', fakeEvent(), -102, 'ERR_CONNECTION_REFUSED', hubPage, true)
    fail()
    expect(contents.loads[1]?.startsWith('data:text/html')).toBe(true)
    await vi.advanceTimersByTimeAsync(999)
    expect(contents.loads).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(contents.loads[2]).toBe(hubPage)
    fail()
    await vi.advanceTimersByTimeAsync(1_999)
    expect(contents.loads).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(1)
    expect(contents.loads[4]).toBe(hubPage)
    // The hub answers: the next outage starts again from one second.
    contents.finishLoad()
    fail()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(contents.loads.at(-1)).toBe(hubPage)
  })
})

describe('a locked kiosk PC that hosts the hub and drives the lobby TV', () => {
  const twoMonitors = () => [display(1, 0, 1080, 1920), display(2, 1080)]

  it('hosts the hub on the LAN and opens its windows through loopback', async () => {
    const t = await startTestShell({
      config: kioskPc(),
      packaged: true,
      displays: twoMonitors(),
      hubUrl: 'http://0.0.0.0:8420',
    })
    expect(t.hubStarts[0]).toMatchObject({
      host: '0.0.0.0',
      port: 8420,
      demo: false,
      dataDir: join(t.userDataDir, 'data'),
    })
    expect(t.window('kiosk').webContents.loads[0]).toBe('http://127.0.0.1:8420/#/kiosk')
    expect(await asPageOf(t.window('kiosk')).getTerminalInfo()).toMatchObject({
      role: 'kiosk',
      locked: true,
      deviceToken: 'dev_kiosk_0123456789abcdef',
    })
    expect((await asPageOf(t.window('display')).getTerminalInfo()).deviceToken).toBe('dev_display_0123456789abcdef')
  })

  it('fills each monitor with a kiosk window, keeps the monitors awake and starts at login', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: twoMonitors() })
    const kiosk = t.window('kiosk')
    const tv = t.window('display')
    expect([kiosk.kiosk, kiosk.bounds]).toEqual([true, { x: 0, y: 0, width: 1080, height: 1920 }])
    expect([tv.kiosk, tv.bounds]).toEqual([true, { x: 1080, y: 0, width: 1920, height: 1080 }])
    expect(kiosk.options).toMatchObject({ frame: false, alwaysOnTop: true, closable: false })
    expect(app.switches).toEqual([['disable-pinch'], ['overscroll-history-navigation', '0']])
    expect(powerSaveBlocks).toEqual(['prevent-display-sleep'])
    const autostart = readFileSync(join(t.configHome, 'autostart', 'branch-lobby.desktop'), 'utf8')
    expect(autostart).toContain(`Exec="${process.execPath}"`)
  })

  it('cannot be closed, swallows shortcuts, blocks zoom and hides the display’s cursor', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: twoMonitors() })
    const kiosk = t.window('kiosk')
    kiosk.close()
    expect(kiosk.destroyed).toBe(false)
    expect(key(kiosk, press('r', { control: true }))).toBe(true)
    expect(key(kiosk, press('F4', { alt: true }))).toBe(true)
    expect(key(kiosk, press('5'))).toBe(false)
    kiosk.webContents.finishLoad()
    t.window('display').webContents.finishLoad()
    expect(kiosk.webContents.zoomLimits).toEqual([1, 1])
    kiosk.webContents.zoomFactor = 1.5
    kiosk.webContents.emit('zoom-changed', fakeEvent(), 'in')
    expect(kiosk.webContents.zoomFactor).toBe(1)
    expect(kiosk.webContents.css.join()).toContain('user-select: none')
    expect(kiosk.webContents.css.join()).not.toContain('cursor: none')
    expect(t.window('display').webContents.css.join()).toContain('cursor: none')
  })

  it('leaves the lock-down on Ctrl+Alt+Shift+K and the manager PIN, and quits (closing the hub) on request', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: twoMonitors() })
    const kiosk = t.window('kiosk')
    messageBoxAnswers.push(2)
    const typed = [
      press('K', { control: true, alt: true, shift: true }),
      ...'2468'.split('').map((d) => press(d)),
      press('Enter'),
    ]
    expect(typed.map((k) => key(kiosk, k))).toEqual([true, true, true, true, true, true])
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    expect(messageBoxes[0]?.options.buttons).toEqual([
      '返回 / Back to the kiosk',
      '终端设置 / Terminal setup',
      '退出 / Quit Branch Lobby',
    ])
    expect(t.hubCloses()).toBe(1)
    expect(FakeBrowserWindow.all.every((w) => w.destroyed)).toBe(true)
  })

  it('goes back to the lock-down when the manager chooses so', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: twoMonitors() })
    messageBoxAnswers.push(0)
    expect(await asPageOf(t.window('kiosk')).requestKioskExit('2468')).toEqual({ ok: true })
    await vi.waitFor(() => expect(messageBoxes).toHaveLength(1))
    await vi.waitFor(() => expect(t.window('kiosk').kiosk).toBe(true))
    expect(t.window('kiosk').closable).toBe(false)
    expect(app.quitRequests).toBe(0)
  })

  it('opens terminal setup over the unlocked windows, and locks them again when it closes', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: twoMonitors() })
    messageBoxAnswers.push(1)
    await asPageOf(t.window('display')).requestKioskExit('2468')
    await vi.waitFor(() => expect(t.shell?.windows.has('setup')).toBe(true))
    expect(t.window('setup').webContents.loads[0]).toBe('http://127.0.0.1:8420/#/setup')
    expect([t.window('kiosk').kiosk, t.window('display').kiosk]).toEqual([false, false])
    t.window('setup').close()
    expect([t.window('kiosk').kiosk, t.window('display').kiosk]).toEqual([true, true])
    expect(app.quitRequests).toBe(0)
  })

  it('locks the exit out after repeated wrong PINs', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: twoMonitors() })
    const page = asPageOf(t.window('kiosk'))
    const answers = []
    for (const pin of ['1111', '2222', '3333', '2468']) answers.push(await page.requestKioskExit(pin))
    expect(answers).toEqual([
      { ok: false, reason: 'wrongPin' },
      { ok: false, reason: 'wrongPin' },
      { ok: false, reason: 'wrongPin' },
      { ok: false, reason: 'lockedOut', retryInSec: 30 },
    ])
    expect(await page.requestKioskExit('24')).toEqual({ ok: false, reason: 'lockedOut', retryInSec: 30 })
    expect(messageBoxes).toEqual([])
  })

  it('counts every wrong manager PIN of saves sent at once, and locks the next one out', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, argv: ['branch-lobby', '--setup'] })
    const page = asPageOf(t.window('setup'))
    const { version: _v, exitPinHash: _h, ...draft } = kioskPc()
    const wrong = await Promise.all(['1111', '2222', '3333'].map((pin) => page.saveTerminalConfig(draft as never, pin)))
    expect(wrong).toEqual([0, 1, 2].map(() => ({ ok: false, reason: 'wrongPin' })))
    expect(await page.saveTerminalConfig(draft as never, '2468')).toMatchObject({ ok: false, reason: 'lockedOut' })
  })

  it('asks the page for the PIN after five taps in the top-left corner', async () => {
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: twoMonitors() })
    const contents = t.window('kiosk').webContents
    for (let i = 0; i < 5; i++) contents.emit('input-event', fakeEvent(), { type: 'mouseDown', x: 12, y: 9 })
    expect(contents.sent).toEqual([{ channel: CHANNELS.kioskExitRequested, args: [] }])
  })

  it('moves the display to the TV when the TV is switched on after the PC', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t = await startTestShell({ config: kioskPc(), packaged: true, displays: [display(1, 0, 1080, 1920)] })
    // Until then the two share the touch screen side by side, still locked down.
    expect([t.window('kiosk').kiosk, t.window('kiosk').bounds.x]).toEqual([false, 0])
    expect([t.window('display').kiosk, t.window('display').bounds.x]).toEqual([false, 540])
    screen.displays = twoMonitors()
    screen.emit('display-added')
    await vi.advanceTimersByTimeAsync(1_000)
    expect([t.window('display').kiosk, t.window('display').bounds]).toEqual([
      true,
      { x: 1080, y: 0, width: 1920, height: 1080 },
    ])
    expect([t.window('kiosk').kiosk, t.window('kiosk').bounds]).toEqual([
      true,
      { x: 0, y: 0, width: 1080, height: 1920 },
    ])
  })
})

describe('first run of an installed app', () => {
  it('opens the setup screen on a loopback hub, saves a valid configuration and restarts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t = await startTestShell({ packaged: true, argv: ['branch-lobby', '--setup'] })
    expect(t.hubStarts[0]).toMatchObject({ host: '127.0.0.1', port: 0, demo: false })
    expect([...(t.shell?.windows.keys() ?? [])]).toEqual(['setup'])
    const page = asPageOf(t.window('setup'))
    expect(await page.getTerminalConfig()).toEqual({
      config: null,
      exitPinSet: false,
      problems: [],
      configPath: join(t.userDataDir, 'terminal.json'),
    })
    const { version: _v, exitPinHash: _h, ...draft } = kioskPc()
    expect(
      await page.saveTerminalConfig({ ...draft, hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 } } as never),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { path: 'newExitPin', message: 'a locked kiosk or display needs a manager exit PIN of 4 to 8 digits' },
      ],
    })
    expect(existsSync(join(t.userDataDir, 'terminal.json'))).toBe(false)
    const saved = await page.saveTerminalConfig({ ...draft, newExitPin: '1357' } as never)
    expect(saved).toEqual({ ok: true, restartInMs: 1_500 })
    const written = JSON.parse(readFileSync(join(t.userDataDir, 'terminal.json'), 'utf8'))
    expect(written).toMatchObject({ version: 1, terminalName: 'Lobby kiosk', kioskMode: 'locked' })
    expect(JSON.stringify(written)).not.toContain('1357')
    expect(app.relaunches).toEqual([])
    await vi.advanceTimersByTimeAsync(1_500)
    expect(app.relaunches).toEqual([{ args: [] }])
    expect(app.quitted).toBe(true)
  })

  it('lists the problems of a broken terminal.json on the setup screen', async () => {
    const t = await startTestShell({
      packaged: true,
      config: { ...counterPc, screens: [{ role: { kind: 'till' }, monitor: 1 }] },
    })
    const view = await asPageOf(t.window('setup')).getTerminalConfig()
    expect(view.problems.map((p) => p.path)).toEqual(['screens[0].role.kind'])
  })
})

describe('a terminal.json written by a newer release', () => {
  it('opens setup saying so, refuses every save over it with a clear reason, logs it, and leaves the file and its .bak as they were', async () => {
    const newer = { ...counterPc, version: 2, terminalName: 'Counter 3', wallpaper: 'blue' }
    const t = await startTestShell({ packaged: true, config: newer })
    const file = join(t.userDataDir, 'terminal.json')
    const before = readFileSync(file)
    const backup = JSON.stringify({ ...counterPc, terminalName: 'Counter 3 as it was' })
    await writeFile(`${file}.bak`, backup)
    const page = asPageOf(t.window('setup'))
    const view = await page.getTerminalConfig()
    expect(view.problems).toEqual([
      { path: 'version', message: expect.stringMatching(/^is 2: the file was written by a newer release/) },
    ])
    const { version: _v, ...draft } = counterPc
    expect(await page.saveTerminalConfig(draft as never)).toEqual({
      ok: false,
      reason: 'newerFile',
      format: 2,
      readsUpTo: 1,
    })
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(backup)
    expect(readdirSync(t.userDataDir).filter((f) => f.startsWith('terminal.json'))).toEqual([
      'terminal.json',
      'terminal.json.bak',
    ])
    expect(app.relaunches).toEqual([])
    const logDir = join(t.userDataDir, 'logs')
    const refused = readdirSync(logDir)
      .flatMap((f) => readFileSync(join(logDir, f), 'utf8').trim().split('\n'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.event === 'config.save-refused')
    expect(refused).toMatchObject([{ level: 'error', reason: 'newerFile', file, format: 2, readsUpTo: 1 }])
  })

  it('is looked for at the moment of the save: a file replaced by a newer release since the start is kept', async () => {
    const t = await startTestShell({ packaged: true, argv: ['branch-lobby', '--setup'] })
    const file = join(t.userDataDir, 'terminal.json')
    const text = JSON.stringify({ ...counterPc, version: 3 })
    await writeFile(file, text)
    const { version: _v, ...draft } = counterPc
    expect(await asPageOf(t.window('setup')).saveTerminalConfig(draft as never)).toMatchObject({
      ok: false,
      reason: 'newerFile',
      format: 3,
    })
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})

describe('starting the shell', () => {
  it('leaves at once when another instance is running', async () => {
    const t = await startTestShell({ gotLock: false })
    expect(t.shell).toBeNull()
    expect(t.hubStarts).toEqual([])
    expect(app.quitRequests).toBe(1)
    expect(FakeBrowserWindow.all).toEqual([])
  })

  it('says why and exits when the hub cannot start', async () => {
    const t = await startTestShell({ hubFails: true })
    expect(t.shell).toBeNull()
    expect(app.exitCode).toBe(1)
    expect(errorBoxes[0]).toContain('address already in use')
  })

  it('focuses its first window when started a second time', async () => {
    const t = await startTestShell()
    app.emit('second-instance', fakeEvent(), [], '')
    expect(t.window('kiosk').focused).toBe(1)
  })
})
