import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseTerminalConfig } from '../../shared/desktop/parseTerminalConfig'
import { DEMO_TERMINAL, decideStartup } from '../../electron/main/startupPlan'
import { readTerminalConfigFile, writeTerminalConfigFile } from '../../electron/main/terminalConfigFile'
import { echoText, logFileName, logFilesToPrune, logLine, openTerminalLog } from '../../electron/main/terminalLog'
import { shellPaths } from '../../electron/main/shellPaths'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-terminal-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('terminal.json', () => {
  it('reads a missing file as missing', () => {
    expect(readTerminalConfigFile(join(dir, 'terminal.json'))).toEqual({ kind: 'missing' })
  })

  it('round-trips a configuration through the file', () => {
    const path = join(dir, 'nested', 'terminal.json')
    writeTerminalConfigFile(path, DEMO_TERMINAL)
    const read = readTerminalConfigFile(path)
    expect(read.kind === 'found' && parseTerminalConfig(read.json)).toEqual({ ok: true, value: DEMO_TERMINAL })
  })

  it('keeps the previous file as terminal.json.bak and leaves no temporary file', async () => {
    const path = join(dir, 'terminal.json')
    writeTerminalConfigFile(path, DEMO_TERMINAL)
    writeTerminalConfigFile(path, { ...DEMO_TERMINAL, terminalName: 'Second' })
    expect((await readdir(dir)).sort()).toEqual(['terminal.json', 'terminal.json.bak'])
    expect(JSON.parse(await readFile(`${path}.bak`, 'utf8')).terminalName).toBe('Demo terminal')
    expect(JSON.parse(await readFile(path, 'utf8')).terminalName).toBe('Second')
  })

  it('never replaces a file a newer release wrote: it answers its format and writes nothing', async () => {
    const path = join(dir, 'terminal.json')
    const text = JSON.stringify({ ...DEMO_TERMINAL, version: 2, wallpaper: 'blue' })
    await writeFile(path, text)
    expect(writeTerminalConfigFile(path, DEMO_TERMINAL)).toEqual({ written: false, newerFormat: 2 })
    expect(await readFile(path, 'utf8')).toBe(text)
    expect(await readdir(dir)).toEqual(['terminal.json'])
  })

  it('accepts a file saved by Notepad with a byte-order mark', async () => {
    const path = join(dir, 'terminal.json')
    await writeFile(path, `\uFEFF${JSON.stringify(DEMO_TERMINAL)}`)
    expect(readTerminalConfigFile(path)).toEqual({ kind: 'found', json: DEMO_TERMINAL })
  })

  it('says where a hand edit broke the JSON', async () => {
    const path = join(dir, 'terminal.json')
    await writeFile(path, '{ "version": 1, }')
    const read = readTerminalConfigFile(path)
    expect(read.kind).toBe('unreadable')
    expect(read.kind === 'unreadable' && read.error).toContain(`${path} is not valid JSON`)
  })
})

describe('a hand-edited terminal.json with a wrong field', () => {
  it('opens setup naming each field at fault in schema words, and leaves the file as it was', async () => {
    const path = join(dir, 'terminal.json')
    const text = JSON.stringify(
      {
        ...DEMO_TERMINAL,
        hub: { mode: 'host', bindAddress: '192.168.1.300', port: '8420' },
        screens: [{ role: { kind: 'counter', counterId: 'c1' }, monitor: 1, deviceTokn: 'x' }],
      },
      null,
      2,
    )
    await writeFile(path, text)
    const startup = decideStartup(readTerminalConfigFile(path), true, { demo: false, setup: false })
    expect(startup).toMatchObject({ mode: 'setup', reason: 'invalid', config: null })
    expect(startup.mode === 'setup' && startup.problems).toEqual([
      {
        path: 'hub.bindAddress',
        message: 'must be an IPv4 address: "0.0.0.0" for the whole LAN, "127.0.0.1" for this PC',
      },
      { path: 'hub.port', message: 'must be integer' },
      { path: 'screens[0].deviceTokn', message: 'unknown field; did you mean "deviceToken"?' },
    ])
    expect(await readFile(path, 'utf8')).toBe(text)
    expect(await readdir(dir)).toEqual(['terminal.json'])
  })
})

describe('terminal log', () => {
  it('writes one JSON line per event, with errors made readable', () => {
    const line = logLine(Date.UTC(2025, 0, 31, 8), 'error', 'window.crashed', {
      window: 'kiosk',
      error: new Error('boom'),
    })
    const parsed = JSON.parse(line)
    expect(parsed).toMatchObject({
      at: '2025-01-31T08:00:00.000Z',
      level: 'error',
      event: 'window.crashed',
      window: 'kiosk',
    })
    expect(parsed.error.message).toBe('boom')
  })

  it('echoes a readable line to a developer’s terminal, not the JSON', () => {
    const at = Date.UTC(2025, 0, 31, 8)
    const d = new Date(at)
    const time = [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
    expect(
      echoText(at, 'error', 'window.crashed', { window: 'kiosk', error: new Error('render process gone'), code: 3 }),
    ).toBe(`${time} ERROR window.crashed window=kiosk error="render process gone" code=3`)
    expect(echoText(at, 'info', 'shell.started', {})).toBe(`${time} INFO  shell.started`)
  })

  it('names files by day and prunes those older than the days kept', () => {
    expect(logFileName(Date.UTC(2025, 0, 31, 23, 59))).toBe('terminal-2025-01-31.log')
    expect(
      logFilesToPrune(
        [
          'terminal-2025-01-16.log',
          'terminal-2025-01-17.log',
          'terminal-2025-01-31.log',
          'readme.txt',
          'terminal-x.log',
        ],
        Date.UTC(2025, 0, 31, 12),
        14,
      ),
    ).toEqual(['terminal-2025-01-16.log'])
  })

  it('appends to the day’s file and removes old days when opened', async () => {
    await writeFile(join(dir, 'terminal-2020-01-01.log'), 'old\n')
    const now = Date.UTC(2025, 0, 31, 12)
    const log = openTerminalLog(dir, () => now, false)
    log.info('shell.start', { mode: 'demo' })
    log.warn('hub.unreachable', { window: 'counter:c1' })
    expect(await readdir(dir)).toEqual(['terminal-2025-01-31.log'])
    const lines = (await readFile(join(dir, 'terminal-2025-01-31.log'), 'utf8')).trim().split('\n')
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['shell.start', 'hub.unreachable'])
  })
})

describe('shellPaths', () => {
  it('keeps an installed app’s data under userData and a development run’s under .data', () => {
    const installed = shellPaths({
      isPackaged: true,
      userDataDir: '/u/Branch Lobby',
      appPath: '/opt/app/resources/app.asar',
    })
    expect(installed).toEqual({
      dataDir: '/u/Branch Lobby/data',
      configFile: '/u/Branch Lobby/terminal.json',
      logDir: '/u/Branch Lobby/logs',
      rendererDir: '/opt/app/resources/app.asar/out/renderer',
      preloadFile: '/opt/app/resources/app.asar/out/preload/index.cjs',
    })
    const dev = shellPaths({ isPackaged: false, userDataDir: '/u/x', appPath: '/src/branch-lobby' })
    expect(dev).toMatchObject({
      dataDir: '/src/branch-lobby/.data',
      configFile: '/src/branch-lobby/.data/terminal.json',
    })
  })
})
