import { app } from 'electron'
import type { MonitorInfo, SaveConfigResult, TerminalConfigView, TerminalInfo } from '../../shared/desktop/bridge'
import type { TerminalConfig } from '../../shared/desktop/terminalConfig'
import type { BridgeBackend } from './bridgeHandlers'
import { TERMINAL_CONFIG_FORMAT } from '../../shared/desktop/terminalConfigSchema'
import { decideConfigSave } from './configSave'
import { pairWithHub } from './hubPairing'
import type { KioskExit, PinAttemptsBox } from './kioskExit'
import type { ShellPaths } from './shellPaths'
import type { Startup } from './startupPlan'
import { newerFormatOnDisk, writeTerminalConfigFile } from './terminalConfigFile'
import type { TerminalLog } from './terminalLog'
import type { TerminalWindow } from './terminalWindow'
import { orderMonitors, type DisplayInfo } from './windowPlan'

export interface ShellBridgeDeps {
  readonly hubOrigin: string
  readonly startup: Startup
  readonly paths: ShellPaths
  /** Device tokens by window key (from pairing, or the demo's local registration). */
  readonly tokens: ReadonlyMap<string, string>
  readonly windows: ReadonlyMap<string, TerminalWindow>
  readonly displays: () => { all: DisplayInfo[]; primaryId: number }
  readonly kioskExit: KioskExit
  readonly pins: PinAttemptsBox
  readonly log: TerminalLog
  readonly clock: () => number
  /** Restarts the shell to apply a saved configuration. */
  readonly restart: (afterMs: number) => void
}

/** What the bridge answers: the shell's state, seen through the decision functions. */
export function createShellBridge(deps: ShellBridgeDeps): BridgeBackend<TerminalWindow> {
  const { startup, log } = deps
  const config: TerminalConfig | null = startup.config
  let saving: Promise<unknown> = Promise.resolve()
  const refusedAsNewer = (w: TerminalWindow, format: number, readsUpTo: number): SaveConfigResult => {
    log.error('config.save-refused', {
      window: w.key,
      reason: 'newerFile',
      file: deps.paths.configFile,
      format,
      readsUpTo,
    })
    return { ok: false, reason: 'newerFile', format, readsUpTo }
  }
  const saveConfig = async (w: TerminalWindow, draft: unknown, managerPin: unknown): Promise<SaveConfigResult> => {
    const decision = await decideConfigSave({
      draft,
      managerPin,
      current: startup.mode === 'demo' ? null : config,
      // Read again now: the file may have been replaced since the shell started.
      newerOnDisk: newerFormatOnDisk(deps.paths.configFile),
      senderRole: w.plan.role.kind,
      attempts: deps.pins.attempts,
      now: deps.clock(),
    })
    deps.pins.attempts = decision.attempts
    const { result } = decision
    if (!result.ok && result.reason === 'newerFile') return refusedAsNewer(w, result.format, result.readsUpTo)
    if (decision.config === undefined || !result.ok) {
      log.warn('config.save-refused', { window: w.key, reason: result.ok ? '' : result.reason })
      return result
    }
    let write: ReturnType<typeof writeTerminalConfigFile>
    try {
      // Checks again for a newer file, with nothing awaited before the replace (the PIN check
      // above awaits: the file may have been replaced meanwhile).
      write = writeTerminalConfigFile(deps.paths.configFile, decision.config)
    } catch (error) {
      log.error('config.write-failed', { error: error as Error })
      return { ok: false, reason: 'writeFailed' }
    }
    if (!write.written) return refusedAsNewer(w, write.newerFormat, TERMINAL_CONFIG_FORMAT.version)
    log.info('config.saved', { window: w.key, file: deps.paths.configFile })
    deps.restart(result.restartInMs)
    return result
  }
  return {
    hubOrigin: deps.hubOrigin,
    windowFor: (webContentsId) =>
      [...deps.windows.values()].find((w) => !w.window.isDestroyed() && w.webContentsId === webContentsId),
    terminalInfo: (w): TerminalInfo => {
      const deviceToken = deps.tokens.get(w.key)
      return {
        role: w.plan.role.kind,
        ...(w.plan.role.kind === 'counter' ? { counterId: w.plan.role.counterId } : {}),
        hubUrl: deps.hubOrigin,
        ...(deviceToken === undefined ? {} : { deviceToken }),
        terminalName: config?.terminalName ?? 'Branch Lobby',
        locked: w.plan.locked,
        demo: startup.mode === 'demo',
        appVersion: app.getVersion(),
      }
    },
    configView: (): TerminalConfigView => ({
      config: config === null || startup.mode === 'demo' ? null : withoutPin(config),
      exitPinSet: config?.exitPinHash !== undefined,
      problems: startup.mode === 'setup' ? startup.problems : [],
      configPath: deps.paths.configFile,
    }),
    monitors: (): readonly MonitorInfo[] => {
      const { all, primaryId } = deps.displays()
      return orderMonitors(all, primaryId).map((d, i) => ({
        number: i + 1,
        width: d.bounds.width,
        height: d.bounds.height,
        primary: d.id === primaryId,
      }))
    },
    // One save at a time: a save reads the PIN attempts and the file before it awaits the PIN
    // check, and writes both after; two at once would count one wrong PIN for two.
    saveConfig: (w, draft, managerPin) => {
      const run = saving.then(() => saveConfig(w, draft, managerPin))
      saving = run.catch(() => undefined)
      return run
    },
    pairWithHub: async (w, hubUrl, code, expectedFingerprint) => {
      if (w.plan.role.kind !== 'setup' && w.plan.role.kind !== 'manager') return { ok: false, reason: 'notAllowed' }
      if (typeof hubUrl !== 'string' || typeof code !== 'string' || hubUrl.length > 300)
        return { ok: false, reason: 'badArguments' }
      const expected =
        typeof expectedFingerprint === 'string' && expectedFingerprint.length < 200 ? expectedFingerprint : null
      const result = await pairWithHub({ hubUrl, code, expectedFingerprint: expected, now: deps.clock() })
      if (result.ok)
        log.info('pairing.paired', {
          window: w.key,
          hub: hubUrl,
          role: result.role,
          caFingerprint: result.caFingerprint,
        })
      else
        log.warn('pairing.failed', {
          window: w.key,
          hub: hubUrl,
          reason: result.reason,
          ...('problems' in result ? { problems: result.problems } : {}),
        })
      return result
    },
    requestExit: (w, pin) => deps.kioskExit.request(w, pin),
    hubStatus: (w, status) => log.info('hub.status', { window: w.key, status }),
  }
}

/** The configuration as the setup screen may see it: the exit PIN's hash stays in main. */
function withoutPin(config: TerminalConfig): Omit<TerminalConfig, 'exitPinHash'> {
  const { exitPinHash: _hidden, ...visible } = config
  return visible
}
