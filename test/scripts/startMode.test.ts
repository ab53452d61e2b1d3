import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { browserHubArgs, desktopOrBrowser, hubFlags, noDisplay } from '../../scripts/startMode'

const root = resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  optionalDependencies?: Record<string, string>
  allowScripts?: Record<string, boolean>
}

describe('npm start', () => {
  it('starts the desktop app when Electron’s binary is there', () => {
    expect(desktopOrBrowser({ kind: 'ready', binary: '/x/electron' })).toEqual({
      kind: 'desktop',
      binary: '/x/electron',
    })
  })

  it('falls back to the browser mode with one line saying why, for every reason there is no binary', () => {
    const reasons = [
      [{ kind: 'noPackage' }, 'Electron is not installed'],
      [{ kind: 'skipped' }, 'ELECTRON_SKIP_BINARY_DOWNLOAD'],
      [{ kind: 'downloadFailed', detail: 'getaddrinfo ENOTFOUND github.com' }, 'ENOTFOUND github.com'],
      [{ kind: 'noDisplay' }, 'no display'],
    ] as const
    for (const [probe, words] of reasons) {
      const mode = desktopOrBrowser(probe)
      expect(mode.kind).toBe('browser')
      if (mode.kind !== 'browser') continue
      expect(mode.why).toContain(words)
      expect(mode.why).toContain('browser mode')
      expect(mode.why).not.toContain('\n')
    }
  })
})

describe('noDisplay', () => {
  it('finds no display on a Linux server with neither DISPLAY nor WAYLAND_DISPLAY set', () => {
    expect(noDisplay('linux', {})).toBe(true)
    expect(noDisplay('linux', { DISPLAY: '' })).toBe(true)
    expect(noDisplay('freebsd', { TERM: 'xterm' })).toBe(true)
  })

  it('finds a display where X11 or Wayland names one, and always on Windows and macOS', () => {
    expect(noDisplay('linux', { DISPLAY: ':0' })).toBe(false)
    expect(noDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false)
    expect(noDisplay('win32', {})).toBe(false)
    expect(noDisplay('darwin', {})).toBe(false)
  })
})

describe('npm install without Electron’s binary', () => {
  it('keeps Electron optional, with its download script never run by npm', () => {
    expect(pkg.optionalDependencies?.electron).toMatch(/^\d+\.\d+\.\d+$/)
    expect(pkg.dependencies.electron).toBeUndefined()
    expect(pkg.devDependencies.electron).toBeUndefined()
    expect(pkg.allowScripts?.electron).toBe(false)
    expect(pkg.scripts.start).toBe('tsx scripts/start.ts')
  })
})

describe('hubFlags', () => {
  it('passes the host and verbose flags of npm start on to the hub, and nothing else', () => {
    expect(hubFlags(['node', 'start.ts', '--host', '0.0.0.0'])).toEqual(['--host', '0.0.0.0'])
    expect(hubFlags(['node', 'start.ts', '--verbose', '--host', '192.168.1.20'])).toEqual([
      '--host',
      '192.168.1.20',
      '--verbose',
    ])
    expect(hubFlags(['node', 'start.ts', '--port', '9000'])).toEqual([])
    // a --host with no address after it is no host
    expect(hubFlags(['node', 'start.ts', '--host', '--verbose'])).toEqual(['--verbose'])
    expect(hubFlags(['node', 'start.ts', '--host'])).toEqual([])
  })
})

describe('browserHubArgs', () => {
  it('starts the demo hub with its log readable in the terminal, the JSON lines kept in the files', () => {
    expect(browserHubArgs(['node', 'start.ts'])).toEqual([
      'hub/cli.ts',
      '--demo',
      '--simulate',
      '--data',
      '.data/demo',
      '--open',
      'kiosk',
      '--log-format',
      'readable',
    ])
    // the flags of npm start passed on
    expect(browserHubArgs(['node', 'start.ts', '--verbose', '--host', '0.0.0.0'])).toEqual(
      expect.arrayContaining(['--verbose', '--host', '0.0.0.0']),
    )
  })

  it('keeps the JSON lines in the terminal for a program that asks for them', () => {
    expect(browserHubArgs(['node', 'start.ts', '--log-format', 'json']).slice(-2)).toEqual(['--log-format', 'json'])
    // anything else is a person's start: readable
    expect(browserHubArgs(['node', 'start.ts', '--log-format', 'xml']).slice(-2)).toEqual(['--log-format', 'readable'])
  })
})
