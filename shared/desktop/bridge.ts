/**
 * The contract between the renderer and the Electron shell: the one object the preload exposes
 * as `window.branchLobby`. Types only, so the renderer imports it without importing anything
 * from `electron/`. Every function is named for what it does; there is no generic channel, no
 * `ipcRenderer` and no `process.env` on the renderer side. The main process validates every
 * argument and answers only the top frame of a page from the hub's origin.
 *
 * In a plain browser (the phone status page, Playwright against the hub) `window.branchLobby`
 * is undefined: the renderer must treat the bridge as optional.
 */
import type { ConfigProblem, TerminalConfig, TerminalConfigDraft, TerminalRoleKind } from './terminalConfig'

/** What a window shows: one of the terminal roles, or the first-run / edit setup screen. */
export type WindowRoleKind = TerminalRoleKind | 'setup'

/** What a window needs to know about itself. */
export interface TerminalInfo {
  readonly role: WindowRoleKind
  /** Set for a counter window: the counter it calls customers to, e.g. "c1". */
  readonly counterId?: string
  /** The hub's origin, e.g. "http://192.168.1.20:8420" (the page is served from it). */
  readonly hubUrl: string
  /** The device token from pairing (kiosk, display), when this PC has been paired. */
  readonly deviceToken?: string
  readonly terminalName: string
  /** Full screen with the exit gesture as the only way out. */
  readonly locked: boolean
  /** Running the built-in demo branch (no terminal configuration yet, development). */
  readonly demo: boolean
  readonly appVersion: string
}

/** The saved configuration as the setup screen sees it: the exit PIN's hash never leaves main. */
export interface TerminalConfigView {
  readonly config: Omit<TerminalConfig, 'exitPinHash'> | null
  readonly exitPinSet: boolean
  /** Why the file on disk could not be used (setup opens to fix it); empty when it is fine. */
  readonly problems: readonly ConfigProblem[]
  /** Where the file lives, shown to the manager for backups. */
  readonly configPath: string
}

/** A monitor as the setup screen offers it. `number` is what `ScreenAssignment.monitor` means. */
export interface MonitorInfo {
  readonly number: number
  readonly width: number
  readonly height: number
  readonly primary: boolean
}

export type SaveConfigResult =
  | { readonly ok: true; readonly restartInMs: number }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly ConfigProblem[] }
  | { readonly ok: false; readonly reason: 'notAllowed' | 'pinRequired' | 'wrongPin' | 'writeFailed' }
  | { readonly ok: false; readonly reason: 'lockedOut'; readonly retryInSec: number }
  /**
   * `terminal.json` on disk is of a newer format (`format`) than this release reads (`readsUpTo`):
   * saving over it would lose what that release keeps, so nothing is written.
   */
  | { readonly ok: false; readonly reason: 'newerFile'; readonly format: number; readonly readsUpTo: number }

export type KioskExitResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'notLocked' | 'badPin' | 'wrongPin' }
  | { readonly ok: false; readonly reason: 'lockedOut'; readonly retryInSec: number }

/**
 * What pairing from setup answers (`pairWithHub`). `refused`: the hub refused the code (wrong,
 * used or expired). `certificateMismatch`: the hub's certificate does not lead to the CA it
 * names, or to the fingerprint typed in; nothing is kept. `unexpectedAnswer`: the server
 * answered, but not a pairing this release reads (`shared/desktop/pairingAnswer.ts`: a hub of
 * another release, or no Branch Lobby hub at that address), with one line per field at fault;
 * nothing is kept, and retrying the code cannot help. `hubFailed`: the server answered with a
 * server error (5xx), whose words are the problem; the code may be fine. `httpsRequired`: the
 * hub answers over HTTPS only and the address was typed with http://; the code was not used.
 */
export type PairWithHubResult =
  | {
      readonly ok: true
      readonly role: 'kiosk' | 'display'
      readonly deviceToken: string
      /** The CA to pin (`hub.caFingerprint`); null for a plain-HTTP hub (the lab opt-out). */
      readonly caFingerprint: string | null
    }
  | {
      readonly ok: false
      readonly reason:
        'notAllowed' | 'badArguments' | 'unreachable' | 'refused' | 'paused' | 'certificateMismatch' | 'httpsRequired'
    }
  | { readonly ok: false; readonly reason: 'unexpectedAnswer' | 'hubFailed'; readonly problems: readonly string[] }

export type HubStatus = 'online' | 'offline'

export interface BranchLobbyBridge {
  /** This window's role, counter, hub address and device token. */
  getTerminalInfo(): Promise<TerminalInfo>
  /** The saved terminal configuration (setup screen). */
  getTerminalConfig(): Promise<TerminalConfigView>
  /** The monitors attached to this PC, numbered the way the configuration refers to them. */
  listMonitors(): Promise<readonly MonitorInfo[]>
  /**
   * Validates and saves the terminal configuration, then restarts the shell to apply it. Only
   * the setup and manager windows may save. Once an exit PIN is set, saving needs that PIN.
   * The draft replaces the saved configuration, except the exit PIN, which is kept unless
   * `newExitPin` is given.
   */
  saveTerminalConfig(draft: TerminalConfigDraft, managerPin?: string): Promise<SaveConfigResult>
  /**
   * Pairs a kiosk or display of this PC with the hub at `hubUrl` (another PC) using the manager's
   * 6-digit code, from main: answers the device token and the hub CA's fingerprint, after
   * checking that the hub's certificate chains to that CA (and to `expectedFingerprint`, when
   * typed). Only the setup and manager windows may pair.
   */
  pairWithHub(hubUrl: string, code: string, expectedFingerprint?: string): Promise<PairWithHubResult>
  /**
   * Leaves the kiosk lock-down when the PIN is the manager's exit PIN (checked in main against
   * the hash in the terminal configuration, so it works while the hub is down). Wrong PINs
   * lock the exit out for a growing time.
   */
  requestKioskExit(pin: string): Promise<KioskExitResult>
  /** Called when main sees the secret exit gesture: the renderer shows its PIN pad. */
  onKioskExitRequested(listener: () => void): () => void
  /** The renderer's view of its hub connection, written to the terminal's log. */
  reportHubStatus(status: HubStatus): void
}

/** The global name of the bridge: `window.branchLobby`. */
export type BridgeGlobalName = 'branchLobby'
