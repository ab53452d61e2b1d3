import { Menu, app, dialog, ipcMain, powerSaveBlocker, screen, session } from 'electron'
import { describeProblems } from '../../shared/desktop/parseTerminalConfig'
import { roleKey, type TerminalConfig } from '../../shared/desktop/terminalConfig'
import { applyAutoStart } from './autoStart'
import { registerBridge } from './bridgeHandlers'
import { createKioskExit, type PinAttemptsBox } from './kioskExit'
import { NO_ATTEMPTS } from './pinLockout'
import { hardenSession, hardenWebContents, pinHubCertificate } from './security'
import { createShellBridge } from './shellBridge'
import { shellPaths } from './shellPaths'
import { decideStartup, hubPlanFor, localHubOrigin, parseLaunchFlags, type Startup } from './startupPlan'
import { readTerminalConfigFile } from './terminalConfigFile'
import { openTerminalLog, type TerminalLog } from './terminalLog'
import { TerminalWindow } from './terminalWindow'
import {
  keepsDisplayAwake,
  planSetupWindow,
  planWindows,
  type DisplayInfo,
  type PlannedWindow,
  type WindowPlan,
} from './windowPlan'

/** The hub as main starts it (hub/startHub.ts); passed in so tests can supply their own. */
export interface HubOptions {
  dataDir: string
  host: string
  port: number
  demo: boolean
  rendererDir: string
}
export interface RunningHub {
  url: string
  /** The SHA-256 fingerprint of the CA the hub's certificate chains to; null when it serves plain HTTP. */
  caFingerprint?: string | null
  close(): Promise<void>
  /**
   * Registers a kiosk or display of this PC with the in-process hub and answers its device
   * token, without a pairing code: the same terminal and token at every start. Used for the
   * demo, whose terminals nobody pairs.
   */
  registerLocalTerminal?(role: 'kiosk' | 'display', name: string): Promise<string>
}

export interface ShellEnvironment {
  readonly argv: readonly string[]
  readonly platform: string
  /** `APPIMAGE`, `XDG_CONFIG_HOME`, `HOME`: read here, never handed to a page. */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly startHub: (options: HubOptions) => Promise<RunningHub>
  readonly clock: () => number
  /** Also print the log to the console (a development run). */
  readonly echoLog: boolean
}

export interface RunningShell {
  readonly startup: Startup
  readonly hubOrigin: string
  readonly windows: ReadonlyMap<string, TerminalWindow>
  readonly log: TerminalLog
}

/**
 * Starts the desktop shell: one instance per PC, the terminal configuration read and validated,
 * the hub started in-process or found on the LAN, the session and every web contents locked to
 * the hub's origin, the bridge registered, the planned windows opened and kept alive, the
 * monitors kept awake, start-at-login registered. Every decision is one of the plain functions
 * imported above; this function connects them to Electron.
 */
export async function startShell(env: ShellEnvironment): Promise<RunningShell | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }
  app.enableSandbox()
  const paths = shellPaths({
    isPackaged: app.isPackaged,
    userDataDir: app.getPath('userData'),
    appPath: app.getAppPath(),
  })
  const log = openTerminalLog(paths.logDir, env.clock, env.echoLog)
  const startup = decideStartup(readTerminalConfigFile(paths.configFile), app.isPackaged, parseLaunchFlags(env.argv))
  const config: TerminalConfig | null = startup.config
  log.info('shell.start', { mode: startup.mode, version: app.getVersion(), packaged: app.isPackaged })
  if (startup.mode === 'setup' && startup.problems.length > 0) {
    log.warn('config.invalid', { file: paths.configFile, problems: describeProblems(startup.problems) })
  }
  if (startup.mode === 'configured' && startup.config.kioskMode === 'locked') {
    app.commandLine.appendSwitch('disable-pinch')
    app.commandLine.appendSwitch('overscroll-history-navigation', '0')
  }
  const allowDevTools = !app.isPackaged

  await app.whenReady()
  Menu.setApplicationMenu(null)

  const hubPlan = hubPlanFor(startup)
  let hub: RunningHub | null = null
  let hubOrigin: string
  if (hubPlan.kind === 'inProcess') {
    try {
      hub = await env.startHub({
        dataDir: paths.dataDir,
        host: hubPlan.host,
        port: hubPlan.port,
        demo: hubPlan.demo,
        rendererDir: paths.rendererDir,
      })
    } catch (error) {
      log.error('hub.failed', { error: error as Error })
      dialog.showErrorBox(
        'Branch Lobby',
        `排队服务器无法启动 / The queue hub could not start:\n${(error as Error).message}`,
      )
      app.exit(1)
      return null
    }
    hubOrigin = localHubOrigin(hub.url)
    log.info('hub.started', { url: hub.url, bind: hubPlan.host })
  } else {
    hubOrigin = localHubOrigin(hubPlan.url)
    log.info('hub.remote', { url: hubOrigin })
  }

  // The demo's kiosk and display get device tokens from the hub directly (nobody pairs a demo);
  // a configured terminal's come from pairing, saved per screen in terminal.json.
  const tokens = new Map<string, string>()
  for (const assignment of config?.screens ?? []) {
    if (assignment.deviceToken !== undefined) tokens.set(roleKey(assignment.role), assignment.deviceToken)
  }
  if (startup.mode === 'demo' && hub?.registerLocalTerminal !== undefined) {
    for (const { role } of startup.config.screens) {
      if (role.kind === 'kiosk' || role.kind === 'display') {
        tokens.set(roleKey(role), await hub.registerLocalTerminal(role.kind, `Demo ${role.kind}`))
      }
    }
  }

  hardenSession(session.defaultSession, hubOrigin, allowDevTools, log)
  // The hub's certificate must chain to its CA: this PC's own hub's, or the one pairing delivered.
  const caFingerprint =
    hub !== null
      ? (hub.caFingerprint ?? null)
      : config?.hub.mode === 'connect'
        ? (config.hub.caFingerprint ?? null)
        : null
  pinHubCertificate(session.defaultSession, hubOrigin, caFingerprint, env.clock, log)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hubOrigin, log))

  const windows = new Map<string, TerminalWindow>()
  const pins: PinAttemptsBox = { attempts: NO_ATTEMPTS }
  const displays = (): { all: DisplayInfo[]; primaryId: number } => ({
    all: screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea })),
    primaryId: screen.getPrimaryDisplay().id,
  })
  const planNow = (): WindowPlan => {
    const { all, primaryId } = displays()
    if (startup.mode === 'setup') return { windows: [planSetupWindow(all, primaryId)], warnings: [] }
    return planWindows(startup.config.screens, all, primaryId, startup.config.kioskMode)
  }
  const open = (plan: PlannedWindow): TerminalWindow => {
    const window = new TerminalWindow(plan, {
      hubOrigin,
      preloadFile: paths.preloadFile,
      allowDevTools,
      terminalName: config?.terminalName ?? 'Branch Lobby',
      log,
      clock: env.clock,
      onKeyboardExitPin: (w, pin) => void kioskExit.request(w, pin),
      onExitGesture: (w) => w.askForExitPin(),
      onClosed: (w) => {
        windows.delete(w.key)
        log.info('window.closed', { window: w.key })
        if (w.key === 'setup' && startup.mode !== 'setup') kioskExit.relockAll()
        if (windows.size === 0) app.quit()
      },
    })
    windows.set(plan.key, window)
    window.load()
    return window
  }
  const kioskExit = createKioskExit({
    windows,
    exitPinHash: config?.exitPinHash,
    hostsHub: hub !== null && startup.mode === 'configured',
    pins,
    log,
    clock: env.clock,
    quit: () => app.quit(),
    openSetup: () => {
      const existing = windows.get('setup')
      const { all, primaryId } = displays()
      if (existing !== undefined) existing.window.focus()
      else open(planSetupWindow(all, primaryId))
    },
  })
  registerBridge(
    ipcMain,
    createShellBridge({
      hubOrigin,
      startup,
      paths,
      tokens,
      windows,
      displays,
      kioskExit,
      pins,
      log,
      clock: env.clock,
      restart: (afterMs) =>
        setTimeout(() => {
          app.relaunch({ args: env.argv.slice(1).filter((a) => a !== '--setup' && a !== '--demo') })
          app.quit()
        }, afterMs),
    }),
    log,
  )

  const initial = planNow()
  initial.warnings.forEach((warning) => log.warn('plan.monitor-missing', { warning }))
  initial.windows.forEach(open)

  if (keepsDisplayAwake(initial.windows, startup.mode === 'demo')) {
    powerSaveBlocker.start('prevent-display-sleep')
    log.info('power.display-kept-awake')
  }
  if (startup.mode === 'configured') {
    applyAutoStart({ platform: env.platform, execPath: process.execPath, env: env.env }, startup.config, log)
  }

  let replanTimer: ReturnType<typeof setTimeout> | undefined
  const replan = (): void => {
    clearTimeout(replanTimer)
    replanTimer = setTimeout(() => {
      const plan = planNow()
      plan.warnings.forEach((warning) => log.warn('plan.monitor-missing', { warning }))
      plan.windows.forEach((p) => windows.get(p.key)?.reposition(p))
      log.info('plan.displays-changed', { monitors: displays().all.length })
    }, 1000)
  }
  screen.on('display-added', replan)
  screen.on('display-removed', replan)
  screen.on('display-metrics-changed', replan)

  app.on('second-instance', () => {
    const first = windows.values().next().value
    if (first === undefined || first.window.isDestroyed()) return
    if (first.window.isMinimized()) first.window.restore()
    first.window.focus()
  })

  let hubClosed = hub === null
  let quitting = false
  app.on('before-quit', (event) => {
    if (hubClosed) return
    event.preventDefault()
    if (quitting) return
    quitting = true
    log.info('shell.quit')
    windows.forEach((w) => w.dispose())
    const closing = hub === null ? Promise.resolve() : hub.close()
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000))
    void Promise.race([closing, timeout])
      .catch((error: unknown) => log.error('hub.close-failed', { error: error as Error }))
      .finally(() => {
        hubClosed = true
        app.quit()
      })
  })
  app.on('window-all-closed', () => app.quit())

  return { startup, hubOrigin, windows, log }
}
