import { describe, expect, it } from 'vitest'
import { securePreferences, windowOptions, type WindowContext } from '../../electron/main/windowOptions'
import { planWindows, type DisplayInfo } from '../../electron/main/windowPlan'

const touch: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1080, height: 1920 },
  workArea: { x: 0, y: 0, width: 1080, height: 1880 },
}
const tv: DisplayInfo = {
  id: 2,
  bounds: { x: 1080, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1080, y: 0, width: 1920, height: 1080 },
}
const ctx: WindowContext = { preloadPath: '/app/out/preload/index.cjs', allowDevTools: true, title: 'Branch Lobby' }

const locked = planWindows(
  [
    { role: { kind: 'kiosk' }, monitor: 1 },
    { role: { kind: 'display' }, monitor: 2 },
    { role: { kind: 'counter', counterId: 'c1' }, monitor: 2 },
  ],
  [touch, tv],
  1,
  'locked',
).windows
const [kiosk, display, counter] = locked as [(typeof locked)[0], (typeof locked)[0], (typeof locked)[0]]

describe('securePreferences', () => {
  it('isolates and sandboxes every window, with no Node and no webview', () => {
    for (const plan of locked) {
      expect(securePreferences(plan, ctx)).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
      })
      expect(securePreferences(plan, ctx)).not.toHaveProperty('enableBlinkFeatures')
    }
  })

  it('never allows developer tools in a locked window, and only in development elsewhere', () => {
    expect(securePreferences(kiosk, ctx).devTools).toBe(false)
    expect(securePreferences(counter, ctx).devTools).toBe(true)
    expect(securePreferences(counter, { ...ctx, allowDevTools: false }).devTools).toBe(false)
  })

  it('lets the kiosk and display play sound unprompted and keeps the display running when covered', () => {
    expect(securePreferences(display, ctx)).toMatchObject({
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
    })
    expect(securePreferences(kiosk, ctx).autoplayPolicy).toBe('no-user-gesture-required')
    expect(securePreferences(counter, ctx)).toMatchObject({
      autoplayPolicy: 'user-gesture-required',
      backgroundThrottling: true,
    })
  })

  it('disables page dialogs in locked windows only', () => {
    expect(securePreferences(kiosk, ctx).disableDialogs).toBe(true)
    expect(securePreferences(counter, ctx).disableDialogs).toBe(false)
  })
})

describe('windowOptions', () => {
  it('makes a locked kiosk a frameless, full-screen window nobody can close, move or resize', () => {
    expect(windowOptions(kiosk, ctx)).toMatchObject({
      x: 0,
      y: 0,
      width: 1080,
      height: 1920,
      kiosk: true,
      fullscreen: true,
      frame: false,
      alwaysOnTop: true,
      closable: false,
      minimizable: false,
      maximizable: false,
      resizable: false,
      movable: false,
      show: false,
      autoHideMenuBar: true,
    })
  })

  it('keeps a locked display that shares its monitor locked but not full screen', () => {
    expect(display.fullScreen).toBe(false)
    expect(windowOptions(display, ctx)).toMatchObject({
      kiosk: false,
      fullscreen: false,
      closable: false,
      frame: false,
    })
  })

  it('makes counter windows ordinary windows without a menu', () => {
    const options = windowOptions(counter, ctx)
    expect(options).toMatchObject({ kiosk: false, fullscreen: false, autoHideMenuBar: true, show: false })
    expect(options).not.toHaveProperty('closable')
    expect(options.backgroundColor).toBe('#ffffff')
    expect(windowOptions(display, ctx).backgroundColor).toBe('#000000')
  })
})
