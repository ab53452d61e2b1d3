import { describe, expect, it } from 'vitest'
import { planLoginItem, quoteDesktopExec, type LoginItemFacts } from '../../electron/main/loginItem'

const facts: LoginItemFacts = {
  platform: 'win32',
  isPackaged: true,
  demo: false,
  startAtLogin: true,
  execPath: 'C:\\Users\\kiosk\\AppData\\Local\\Programs\\Branch Lobby\\branch-lobby.exe',
  appImagePath: undefined,
  configHome: '/home/kiosk/.config',
}

describe('planLoginItem', () => {
  it("uses Electron's login item on Windows, both to add and to remove", () => {
    expect(planLoginItem(facts)).toEqual({ kind: 'loginItem', openAtLogin: true })
    expect(planLoginItem({ ...facts, startAtLogin: false })).toEqual({ kind: 'loginItem', openAtLogin: false })
  })

  it('writes an XDG autostart entry on Linux that starts the AppImage file, not its mount', () => {
    const plan = planLoginItem({
      ...facts,
      platform: 'linux',
      execPath: '/tmp/.mount_branchXYZ/branch-lobby',
      appImagePath: '/home/kiosk/Apps/Branch Lobby.AppImage',
    })
    expect(plan).toMatchObject({ kind: 'xdgAutostart', file: '/home/kiosk/.config/autostart/branch-lobby.desktop' })
    const contents = plan.kind === 'xdgAutostart' ? (plan.contents ?? '') : ''
    expect(contents.split('\n')).toContain('Exec="/home/kiosk/Apps/Branch Lobby.AppImage"')
    expect(contents.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true)
  })

  it('starts the installed binary from a .deb, and removes the entry when asked', () => {
    const deb = planLoginItem({ ...facts, platform: 'linux', execPath: '/opt/Branch Lobby/branch-lobby' })
    expect(deb.kind === 'xdgAutostart' && deb.contents).toContain('Exec="/opt/Branch Lobby/branch-lobby"')
    expect(planLoginItem({ ...facts, platform: 'linux', startAtLogin: false })).toEqual({
      kind: 'xdgAutostart',
      file: '/home/kiosk/.config/autostart/branch-lobby.desktop',
      contents: null,
    })
  })

  it('never registers a development run or the demo', () => {
    expect(planLoginItem({ ...facts, isPackaged: false }).kind).toBe('none')
    expect(planLoginItem({ ...facts, demo: true }).kind).toBe('none')
    expect(planLoginItem({ ...facts, platform: 'freebsd' })).toEqual({
      kind: 'none',
      reason: 'no start-at-login support on freebsd',
    })
  })
})

describe('quoteDesktopExec', () => {
  it('escapes what the desktop-entry format reserves', () => {
    expect(quoteDesktopExec('/opt/a "b"/$x`y`\\z 100%')).toBe('"/opt/a \\"b\\"/\\$x\\`y\\`\\\\z 100%%"')
  })
})
