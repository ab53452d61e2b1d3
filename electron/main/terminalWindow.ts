import { BrowserWindow } from 'electron'
import { CHANNELS } from '../preload/channels'
import { IDLE, isBlockedInLockedWindow, onCornerTap, onExitKey, type ExitKeyState } from './exitGesture'
import { isHubPage } from './navigationGuard'
import { offlinePageUrl } from './offlinePage'
import { HANG_GRACE_MS, decideCrashRecovery, decideHang, decideLoadFailure, type GoneReason } from './recoveryPolicy'
import type { TerminalLog } from './terminalLog'
import { windowOptions } from './windowOptions'
import type { PlannedWindow } from './windowPlan'

export interface TerminalWindowDeps {
  readonly hubOrigin: string
  readonly preloadFile: string
  readonly allowDevTools: boolean
  readonly terminalName: string
  readonly log: TerminalLog
  readonly clock: () => number
  /** The exit PIN typed on the keyboard after the exit chord. */
  readonly onKeyboardExitPin: (window: TerminalWindow, pin: string) => void
  /** The corner-tap gesture: ask the page for the PIN. */
  readonly onExitGesture: (window: TerminalWindow) => void
  /** The window was closed for good (by the user in windowed mode, or by the shell). */
  readonly onClosed: (window: TerminalWindow) => void
}

/**
 * One terminal window and everything that keeps it alive: it loads its route from the hub,
 * shows the offline notice and retries while the hub is unreachable, reloads (or rebuilds
 * itself) after a renderer crash, kills a renderer hung for fifteen seconds, and, when locked,
 * swallows shortcuts, refuses to close and watches for the exit gesture. The decisions are the
 * plain functions it imports; this class only connects them to Electron's events.
 */
export class TerminalWindow {
  window: BrowserWindow
  plan: PlannedWindow
  private crashes: readonly number[] = []
  private loadFailures = 0
  private hungSince: number | null = null
  private exitKeys: ExitKeyState = IDLE
  private cornerTaps: readonly number[] = []
  private unlocked = false
  private disposing = false
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(
    plan: PlannedWindow,
    private readonly deps: TerminalWindowDeps,
  ) {
    this.plan = plan
    this.window = this.build()
  }

  get key(): string {
    return this.plan.key
  }

  get webContentsId(): number {
    return this.window.webContents.id
  }

  /** Loads the window's route from the hub. */
  load(): void {
    void this.window.loadURL(`${this.deps.hubOrigin}/${this.plan.route}`).catch(() => {
      // A failed load is reported (and recovered) through did-fail-load.
    })
  }

  /** Applies a new plan for this window (a monitor came or went). */
  reposition(plan: PlannedWindow): void {
    this.plan = plan
    const w = this.window
    if (w.isDestroyed()) return
    if (plan.fullScreen && !this.unlocked) {
      w.setKiosk(false)
      w.setBounds(plan.bounds)
      w.setKiosk(true)
    } else {
      if (w.isKiosk()) w.setKiosk(false)
      w.setBounds(plan.bounds)
    }
  }

  /** Leaves the lock-down for the exit menu: an ordinary window the manager can get past. */
  unlock(): void {
    this.unlocked = true
    const w = this.window
    if (w.isDestroyed()) return
    w.setAlwaysOnTop(false)
    w.setKiosk(false)
    w.setClosable(true)
  }

  /** Locks a window down again after the exit menu's "back". */
  relock(): void {
    this.unlocked = false
    if (this.window.isDestroyed() || !this.plan.locked) return
    this.window.setClosable(false)
    this.reposition(this.plan)
    this.window.setAlwaysOnTop(this.plan.fullScreen)
  }

  /** Asks the page to show its exit PIN pad. */
  askForExitPin(): void {
    if (!this.window.isDestroyed()) this.window.webContents.send(CHANNELS.kioskExitRequested)
  }

  /** Closes the window for good (quit, or the window is no longer planned). */
  dispose(): void {
    this.disposing = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    if (!this.window.isDestroyed()) this.window.destroy()
  }

  private build(): BrowserWindow {
    const options = windowOptions(this.plan, {
      preloadPath: this.deps.preloadFile,
      allowDevTools: this.deps.allowDevTools,
      title: `Branch Lobby · ${this.deps.terminalName}`,
    })
    const window = new BrowserWindow({
      ...options,
      webPreferences: {
        ...options.webPreferences,
        // The security-critical preferences, restated as literals where the window is made: no
        // computed option can weaken them, and Electronegativity (which reads only literal
        // options at `new BrowserWindow`) can verify them.
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    })
    window.removeMenu()
    this.attach(window)
    return window
  }

  private attach(window: BrowserWindow): void {
    const contents = window.webContents
    const { log } = this.deps
    // A rebuilt window replaces this one; events the old one still emits are not ours to act on.
    const current = (): boolean => !this.disposing && window === this.window
    window.once('ready-to-show', () => window.show())
    window.on('close', (event) => {
      if (this.plan.locked && !this.unlocked && !this.disposing) event.preventDefault()
    })
    window.on('closed', () => {
      if (current()) this.deps.onClosed(this)
    })
    contents.on('render-process-gone', (_event, details) => {
      if (current()) this.recoverFromCrash(details.reason, details.exitCode)
    })
    window.on('unresponsive', () => {
      if (!current()) return
      this.hungSince = this.deps.clock()
      log.warn('window.unresponsive', { window: this.key })
      this.later(HANG_GRACE_MS, () => {
        if (!current() || contents.isDestroyed()) return
        if (this.hungSince === null || decideHang(this.hungSince, this.deps.clock()) === 'wait') return
        log.error('window.hung', { window: this.key, action: 'kill renderer' })
        this.hungSince = null
        contents.forcefullyCrashRenderer()
      })
    })
    window.on('responsive', () => {
      if (this.hungSince !== null) log.info('window.responsive', { window: this.key })
      this.hungSince = null
    })
    contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
      if (!current() || validatedUrl.startsWith('data:')) return
      const decision = decideLoadFailure(errorCode, isMainFrame, this.loadFailures + 1)
      if (decision.action === 'ignore') return
      this.loadFailures += 1
      log.warn('hub.unreachable', { window: this.key, errorCode, errorDescription, retryInMs: decision.delayMs })
      const notice = offlinePageUrl({
        hubOrigin: this.deps.hubOrigin,
        terminalName: this.deps.terminalName,
        retryInSec: decision.delayMs / 1000,
      })
      void contents.loadURL(notice).catch(() => undefined)
      this.later(decision.delayMs, () => this.load())
    })
    contents.on('did-finish-load', () => {
      if (!current() || !isHubPage(contents.getURL(), this.deps.hubOrigin)) return
      if (this.loadFailures > 0) log.info('hub.reachable', { window: this.key, after: this.loadFailures })
      this.loadFailures = 0
      if (!this.plan.locked) return
      void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined)
      void contents
        .insertCSS(
          '* { -webkit-user-select: none; user-select: none; -webkit-touch-callout: none; touch-action: pan-x pan-y; } input, textarea { -webkit-user-select: text; user-select: text; }',
        )
        .catch(() => undefined)
      if (this.plan.role.kind === 'display') {
        void contents.insertCSS('* { cursor: none !important; }').catch(() => undefined)
      }
    })
    // Ctrl+wheel zooms the page (pinch zoom is held at 1 by the visual zoom limits above).
    contents.on('zoom-changed', () => {
      if (this.plan.locked && !this.unlocked) contents.setZoomFactor(1)
    })
    contents.on('before-input-event', (event, input) => {
      if (!this.plan.locked || this.unlocked) return
      const step = onExitKey(this.exitKeys, input, this.deps.clock())
      this.exitKeys = step.state
      if (step.event === 'started') log.info('exit.keyboard-started', { window: this.key })
      if (typeof step.event === 'object') this.deps.onKeyboardExitPin(this, step.event.submit)
      if (step.consume || isBlockedInLockedWindow(input)) event.preventDefault()
    })
    contents.on('input-event', (_event, input) => {
      if (!this.plan.locked || this.unlocked) return
      if (input.type !== 'mouseDown' && input.type !== 'gestureTap' && input.type !== 'touchStart') return
      const point = input as { x?: unknown; y?: unknown }
      if (typeof point.x !== 'number' || typeof point.y !== 'number') return
      const step = onCornerTap(this.cornerTaps, { x: point.x, y: point.y }, this.deps.clock())
      this.cornerTaps = step.taps
      if (step.triggered) {
        log.info('exit.gesture', { window: this.key })
        this.deps.onExitGesture(this)
      }
    })
  }

  private recoverFromCrash(reason: GoneReason, exitCode: number): void {
    const decision = decideCrashRecovery(this.crashes, this.deps.clock(), reason)
    this.crashes = decision.recent
    this.hungSince = null
    this.deps.log.error('window.crashed', {
      window: this.key,
      reason,
      exitCode,
      action: decision.action,
      delayMs: decision.delayMs,
      recentCrashes: decision.recent.length,
    })
    this.later(decision.delayMs, () => {
      if (decision.action === 'reload') {
        this.load()
        return
      }
      const old = this.window
      this.disposing = true
      if (!old.isDestroyed()) old.destroy()
      this.disposing = false
      this.window = this.build()
      this.deps.log.info('window.recreated', { window: this.key })
      this.load()
    })
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!this.disposing) run()
    }, ms)
    this.timers.add(timer)
  }
}
