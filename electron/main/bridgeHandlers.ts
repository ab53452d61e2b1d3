import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import type {
  HubStatus,
  KioskExitResult,
  MonitorInfo,
  PairWithHubResult,
  SaveConfigResult,
  TerminalConfigView,
  TerminalInfo,
} from '../../shared/desktop/bridge'
import { CHANNELS } from '../preload/channels'
import { isTrustedSender, parseHubStatusArgument } from './ipcGuard'
import type { TerminalLog } from './terminalLog'

/** The window a message came from, as far as the bridge needs it. */
export interface BridgeWindow {
  readonly key: string
}

/** What the bridge answers with; the shell implements it. */
export interface BridgeBackend<W extends BridgeWindow> {
  readonly hubOrigin: string
  windowFor(webContentsId: number): W | undefined
  terminalInfo(window: W): TerminalInfo
  configView(): TerminalConfigView
  monitors(): readonly MonitorInfo[]
  saveConfig(window: W, draft: unknown, managerPin: unknown): Promise<SaveConfigResult>
  pairWithHub(window: W, hubUrl: unknown, code: unknown, expectedFingerprint: unknown): Promise<PairWithHubResult>
  requestExit(window: W, pin: unknown): Promise<KioskExitResult>
  hubStatus(window: W, status: HubStatus): void
}

/**
 * Registers the handlers behind `window.branchLobby`, one per channel. Each first checks the
 * sender: a window this shell opened, its top frame, showing a page of the hub's origin. Anything
 * else is refused and logged; arguments are validated by the backend (`unknown` until then).
 */
export function registerBridge<W extends BridgeWindow>(
  ipcMain: IpcMain,
  backend: BridgeBackend<W>,
  log: TerminalLog,
): void {
  const trusted = (event: IpcMainInvokeEvent | IpcMainEvent, channel: string): W | null => {
    const window = backend.windowFor(event.sender.id)
    const frame = event.senderFrame
    const facts = {
      frameUrl: frame === null ? null : frame.url,
      isTopFrame: frame !== null && frame.parent === null,
      knownWindow: window !== undefined,
    }
    if (window !== undefined && isTrustedSender(facts, backend.hubOrigin)) return window
    log.warn('ipc.refused', { channel, url: (facts.frameUrl ?? '').slice(0, 200), topFrame: facts.isTopFrame })
    return null
  }
  const refuse = (): never => {
    throw new Error('Branch Lobby: this page may not use the terminal bridge')
  }

  ipcMain.handle(CHANNELS.getTerminalInfo, (event) => {
    const window = trusted(event, CHANNELS.getTerminalInfo) ?? refuse()
    return backend.terminalInfo(window)
  })
  ipcMain.handle(CHANNELS.getTerminalConfig, (event) => {
    if (trusted(event, CHANNELS.getTerminalConfig) === null) refuse()
    return backend.configView()
  })
  ipcMain.handle(CHANNELS.listMonitors, (event) => {
    if (trusted(event, CHANNELS.listMonitors) === null) refuse()
    return backend.monitors()
  })
  ipcMain.handle(CHANNELS.saveTerminalConfig, (event, draft: unknown, managerPin: unknown) => {
    const window = trusted(event, CHANNELS.saveTerminalConfig) ?? refuse()
    return backend.saveConfig(window, draft, managerPin)
  })
  ipcMain.handle(CHANNELS.pairWithHub, (event, hubUrl: unknown, code: unknown, expectedFingerprint: unknown) => {
    const window = trusted(event, CHANNELS.pairWithHub) ?? refuse()
    return backend.pairWithHub(window, hubUrl, code, expectedFingerprint)
  })
  ipcMain.handle(CHANNELS.requestKioskExit, (event, pin: unknown) => {
    const window = trusted(event, CHANNELS.requestKioskExit) ?? refuse()
    return backend.requestExit(window, pin)
  })
  ipcMain.on(CHANNELS.reportHubStatus, (event, status: unknown) => {
    const window = trusted(event, CHANNELS.reportHubStatus)
    const clean = parseHubStatusArgument(status)
    if (window !== null && clean !== null) backend.hubStatus(window, clean)
  })
}
