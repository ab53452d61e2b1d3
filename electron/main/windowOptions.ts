import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { PlannedWindow } from './windowPlan'

export interface WindowContext {
  /** Absolute path of the built preload script (out/preload/index.cjs). */
  readonly preloadPath: string
  /** Developer tools are allowed only in development, and never in a locked window. */
  readonly allowDevTools: boolean
  readonly title: string
}

/**
 * The `webPreferences` every window gets: the renderer is a web page from the hub with no Node,
 * in Chromium's sandbox, isolated from the preload's world. Kiosk and display windows speak and
 * chime without anyone touching them first, so they may play audio without a user gesture, and
 * keep their timers running when covered.
 *
 * @example
 * securePreferences(kioskWindow, ctx).sandbox //=> true
 * securePreferences(kioskWindow, ctx).devTools //=> false
 */
export function securePreferences(plan: PlannedWindow, ctx: WindowContext): WebPreferences {
  const speaks = plan.role.kind === 'kiosk' || plan.role.kind === 'display'
  return {
    preload: ctx.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Middle-click would open links in new windows (denied anyway by the window-open handler).
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // alert()/confirm() would freeze a kiosk nobody can dismiss.
    disableDialogs: plan.locked,
    devTools: ctx.allowDevTools && !plan.locked,
    zoomFactor: 1,
    autoplayPolicy: speaks ? 'no-user-gesture-required' : 'user-gesture-required',
    backgroundThrottling: plan.role.kind !== 'display',
  }
}

/**
 * The `BrowserWindow` options for a planned window. A locked window alone on its monitor is a
 * kiosk window: full screen, frameless, always on top, not closable, movable or resizable, no
 * menu. Other windows are ordinary windows without a menu. Windows start hidden and are shown
 * when ready, so a half-drawn page never flashes on the lobby TV.
 *
 * @example
 * windowOptions(kioskWindow, ctx).kiosk //=> true
 * windowOptions(counterWindow, ctx).kiosk //=> false
 */
export function windowOptions(plan: PlannedWindow, ctx: WindowContext): BrowserWindowConstructorOptions {
  const { x, y, width, height } = plan.bounds
  const common: BrowserWindowConstructorOptions = {
    x,
    y,
    width,
    height,
    title: ctx.title,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: plan.role.kind === 'display' ? '#000000' : '#ffffff',
    webPreferences: securePreferences(plan, ctx),
  }
  if (!plan.locked) return { ...common, kiosk: false, fullscreen: false, minWidth: 480, minHeight: 360 }
  return {
    ...common,
    kiosk: plan.fullScreen,
    fullscreen: plan.fullScreen,
    fullscreenable: plan.fullScreen,
    frame: false,
    alwaysOnTop: plan.fullScreen,
    closable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    skipTaskbar: plan.fullScreen,
  }
}
