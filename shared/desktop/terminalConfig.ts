/**
 * The terminal configuration: what one branch PC shows and where its hub is. It lives on that
 * PC only (`terminal.json` beside the app's data, see docs/installing.md); the branch's own
 * configuration (services, counters, staff) lives on the hub. The setup screen writes it on
 * first run and the manager edits it there; the Electron main process validates every save with
 * `parseTerminalConfig`, so the file on disk is always one the shell can start from.
 */

/** The screens a window can show. A counter window belongs to one counter of the branch. */
export type TerminalRole =
  | { readonly kind: 'kiosk' }
  | { readonly kind: 'display' }
  | { readonly kind: 'counter'; readonly counterId: string }
  | { readonly kind: 'manager' }

export type TerminalRoleKind = TerminalRole['kind']

export const TERMINAL_ROLE_KINDS: readonly TerminalRoleKind[] = ['kiosk', 'display', 'counter', 'manager']

/**
 * One window of this PC: a role on a monitor. Monitors are numbered from 1: monitor 1 is the
 * primary display, the others follow left to right (then top to bottom), the order the setup
 * screen lists them in. A kiosk PC that also drives the lobby TV has two screens.
 */
export interface ScreenAssignment {
  readonly role: TerminalRole
  readonly monitor: number
  /**
   * The device token the hub issued when this kiosk or display was paired (setup pairs each
   * one: the hub pairs a device for one role). Counter and manager windows have none: staff
   * sign in there.
   */
  readonly deviceToken?: string
}

/**
 * Where the hub runs. `host`: this PC runs it in-process and counters on the LAN connect to it
 * (`bindAddress` '0.0.0.0' listens on every interface, '127.0.0.1' keeps it on this PC; port 0
 * means any free port and is only allowed on loopback, because other PCs need a fixed address).
 * `connect`: the hub runs on another PC; `url` is its address, e.g. `https://192.168.1.20:8420`;
 * `caFingerprint` is the hub CA's SHA-256 fingerprint that pairing delivered (setup writes it):
 * the windows then accept only certificates chained to exactly that CA. Without it, an `https`
 * hub must have a certificate the operating system trusts (the bank's own PKI).
 */
export type HubSetting =
  | { readonly mode: 'host'; readonly bindAddress: string; readonly port: number }
  | { readonly mode: 'connect'; readonly url: string; readonly caFingerprint?: string }

/** A SHA-256 certificate fingerprint as certificate viewers show it: 32 hex pairs with colons. */
export const CA_FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/

/**
 * `locked`: kiosk and display windows are full screen with no way out but the exit gesture and
 * the manager PIN (a branch in service). `windowed`: the same windows are ordinary windows (a
 * demonstration, a trial on a desk PC).
 */
export type KioskMode = 'locked' | 'windowed'

/** A salted scrypt hash of the manager's exit PIN, `scrypt$N$r$p$salt$hash` (base64url). */
export type PinHash = string

export interface TerminalConfig {
  readonly version: 1
  /** How the hub and the logs name this PC, e.g. "Lobby kiosk". */
  readonly terminalName: string
  readonly hub: HubSetting
  readonly screens: readonly ScreenAssignment[]
  readonly kioskMode: KioskMode
  /** Start Branch Lobby when the PC's user logs in (install and forget). */
  readonly startAtLogin: boolean
  /** Required when `kioskMode` is `locked`: the only way out of a locked window. */
  readonly exitPinHash?: PinHash
}

/**
 * What the setup screen sends to save: the configuration without its version and PIN hash,
 * plus the new exit PIN in clear (4 to 8 digits) when it is set or changed. Main hashes it; the
 * clear PIN is never written anywhere.
 */
export interface TerminalConfigDraft {
  readonly terminalName: string
  readonly hub: HubSetting
  readonly screens: readonly ScreenAssignment[]
  readonly kioskMode: KioskMode
  readonly startAtLogin: boolean
  readonly newExitPin?: string
}

/** One thing wrong with a configuration: where (`screens[1].monitor`) and what, in words. */
export type { ConfigProblem } from '../util/schemaProblems'

/** The port a hosting PC listens on unless told otherwise; counters are configured with it. */
export const DEFAULT_HUB_PORT = 8420

export const MAX_SCREENS = 8
export const MAX_MONITOR = 8
export const EXIT_PIN_PATTERN = /^[0-9]{4,8}$/
export const COUNTER_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

/**
 * Whether a window of this role is locked down (full screen, no way out) in a `locked` terminal.
 * Kiosks and lobby displays face customers; counter and manager windows are staff tools that
 * share the PC with other work.
 *
 * @example
 * isCustomerFacing({ kind: 'display' }) //=> true
 * isCustomerFacing({ kind: 'counter', counterId: 'c1' }) //=> false
 */
export function isCustomerFacing(role: TerminalRole): boolean {
  return role.kind === 'kiosk' || role.kind === 'display'
}

/**
 * A stable name for a role, used as the window's key and in logs.
 *
 * @example
 * roleKey({ kind: 'counter', counterId: 'c2' }) //=> 'counter:c2'
 * roleKey({ kind: 'kiosk' }) //=> 'kiosk'
 */
export function roleKey(role: TerminalRole): string {
  return role.kind === 'counter' ? `counter:${role.counterId}` : role.kind
}
