import { describe, expect, it } from 'vitest'
import { isTrustedSender, parseHubStatusArgument, parsePinArgument } from '../../electron/main/ipcGuard'
import { choiceAt, exitMenu } from '../../electron/main/exitMenu'

const hub = 'http://127.0.0.1:8420'

describe('isTrustedSender', () => {
  it('trusts the top frame of a shell window showing a hub page', () => {
    expect(isTrustedSender({ frameUrl: `${hub}/#/kiosk`, isTopFrame: true, knownWindow: true }, hub)).toBe(true)
  })

  it('distrusts iframes, other origins, stray web contents and gone frames', () => {
    const ok = { frameUrl: `${hub}/#/kiosk`, isTopFrame: true, knownWindow: true }
    expect(isTrustedSender({ ...ok, isTopFrame: false }, hub)).toBe(false)
    expect(isTrustedSender({ ...ok, frameUrl: 'https://example.com/' }, hub)).toBe(false)
    expect(isTrustedSender({ ...ok, frameUrl: 'data:text/html,offline' }, hub)).toBe(false)
    expect(isTrustedSender({ ...ok, knownWindow: false }, hub)).toBe(false)
    expect(isTrustedSender({ ...ok, frameUrl: null }, hub)).toBe(false)
  })
})

describe('IPC arguments', () => {
  it('accepts only 4 to 8 digit PIN strings', () => {
    expect(parsePinArgument('2468')).toBe('2468')
    expect(parsePinArgument('12345678')).toBe('12345678')
    for (const bad of ['123', '123456789', '12 34', 2468, null, { toString: () => '2468' }]) {
      expect(parsePinArgument(bad)).toBeNull()
    }
  })

  it('accepts only the two hub states', () => {
    expect(parseHubStatusArgument('online')).toBe('online')
    expect(parseHubStatusArgument('offline')).toBe('offline')
    expect(parseHubStatusArgument('down')).toBeNull()
  })
})

describe('exitMenu', () => {
  it('warns a hosting PC that quitting stops the counters, and defaults to going back', () => {
    const menu = exitMenu(true)
    expect(menu.detail).toContain('the counters cannot call anyone')
    expect(menu.buttons).toHaveLength(3)
    expect(choiceAt(menu, menu.defaultId)).toBe('back')
    expect(choiceAt(menu, menu.cancelId)).toBe('back')
    expect(exitMenu(false).detail).not.toContain('counters')
  })

  it('maps answers to choices, anything unexpected to back', () => {
    const menu = exitMenu(false)
    expect([0, 1, 2, 3, -1].map((i) => choiceAt(menu, i))).toEqual(['back', 'setup', 'quit', 'back', 'back'])
  })
})
