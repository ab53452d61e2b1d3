import type { Static } from 'typebox'
import { err, ok, type Result } from '../util/result'
import { nearest } from '../util/nearest'
import { problemLines, schemaProblems } from '../util/schemaProblems'
import { upgradeStored } from '../util/storedFormat'
import { isLoopback, parseHubUrl } from './hubAddress'
import {
  CA_FINGERPRINT_PATTERN,
  isCustomerFacing,
  roleKey,
  type ConfigProblem,
  type HubSetting,
  type ScreenAssignment,
  type TerminalConfig,
  type TerminalConfigDraft,
} from './terminalConfig'
import {
  TERMINAL_CONFIG_FORMAT,
  TerminalConfigDraftSchema,
  TerminalConfigSchema,
  knownFields,
} from './terminalConfigSchema'

type Common = Omit<TerminalConfig, 'version' | 'exitPinHash'>
type Shape = Static<typeof TerminalConfigDraftSchema>

/**
 * Validates a terminal configuration read from `terminal.json`: its shape by one schema
 * (`TerminalConfigSchema`, worded by `schemaProblems`), then the rules between its fields. Every
 * problem is reported with its path, so one error message lists everything to fix.
 *
 * @example
 * const r = parseTerminalConfig({ version: 1, terminalName: 'Counter 3', kioskMode: 'windowed',
 *   startAtLogin: true, hub: { mode: 'connect', url: 'http://192.168.1.20:8420' },
 *   screens: [{ role: { kind: 'counter', counterId: 'c3' }, monitor: 1 }] })
 * r.ok //=> true
 */
export function parseTerminalConfig(value: unknown): Result<TerminalConfig, readonly ConfigProblem[]> {
  const newer = newerTerminalFormat(value)
  if (newer !== null) return err([newerFormatProblem(newer)])
  const shape = shapeProblems(TerminalConfigSchema, value)
  if (shape.length > 0) return err(shape)
  const file = value as Static<typeof TerminalConfigSchema>
  const problems: ConfigProblem[] = []
  const common = commonOf(file, problems)
  const { exitPinHash } = file
  if (common.kioskMode === 'locked' && exitPinHash === undefined && hasLocked(common)) {
    problems.push({
      path: 'exitPinHash',
      message: 'a locked kiosk or display needs a manager exit PIN; set one in setup',
    })
  }
  if (problems.length > 0) return err(problems)
  return ok({ version: 1, ...common, ...(exitPinHash === undefined ? {} : { exitPinHash }) })
}

/**
 * The format of a `terminal.json` written by a newer release than this one (its `version` above
 * `TERMINAL_CONFIG_FORMAT`), or null: this release reads the file (or finds it broken).
 *
 * @example
 * newerTerminalFormat({ version: 2, terminalName: 'Counter 3' }) //=> 2
 * newerTerminalFormat({ version: 1, terminalName: 'Counter 3' }) //=> null
 */
export function newerTerminalFormat(value: unknown): number | null {
  const read = upgradeStored(TERMINAL_CONFIG_FORMAT, value)
  return read.kind === 'newer' ? read.version : null
}

/** Why a newer file is not read, and what to do: it is left as it is. */
function newerFormatProblem(format: number): ConfigProblem {
  return {
    path: 'version',
    message:
      `is ${format}: the file was written by a newer release of Branch Lobby (this one reads format ` +
      `${TERMINAL_CONFIG_FORMAT.version}). It is left as it is and cannot be saved over: start the newer ` +
      'release again, or move the file aside to set this PC up anew with this one',
  }
}

/**
 * Validates what the setup screen asks to save. `hasExitPin` says whether the saved
 * configuration already has an exit PIN (a locked terminal keeps it unless a new one is given).
 *
 * @example
 * parseTerminalConfigDraft({ terminalName: 'Lobby', kioskMode: 'locked', startAtLogin: true,
 *   hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 },
 *   screens: [{ role: { kind: 'kiosk' }, monitor: 1 }] }, false).ok //=> false (no exit PIN)
 */
export function parseTerminalConfigDraft(
  value: unknown,
  hasExitPin: boolean,
): Result<TerminalConfigDraft, readonly ConfigProblem[]> {
  const shape = shapeProblems(TerminalConfigDraftSchema, value)
  if (shape.length > 0) return err(shape)
  const draft = value as Shape
  const problems: ConfigProblem[] = []
  const common = commonOf(draft, problems)
  const { newExitPin } = draft
  if (common.kioskMode === 'locked' && hasLocked(common) && !hasExitPin && newExitPin === undefined) {
    problems.push({
      path: 'newExitPin',
      message: 'a locked kiosk or display needs a manager exit PIN of 4 to 8 digits',
    })
  }
  if (problems.length > 0) return err(problems)
  return ok({ ...common, ...(newExitPin === undefined ? {} : { newExitPin }) })
}

/**
 * All problems as lines of text, for a log or an error dialog.
 *
 * @example
 * describeProblems([{ path: 'hub.port', message: 'must be a whole number from 0 to 65535' }])
 * //=> 'hub.port: must be a whole number from 0 to 65535'
 */
export function describeProblems(problems: readonly ConfigProblem[]): string {
  return problemLines(problems).join('\n')
}

/** The schema's problems, a mistyped field with the known one it is nearest to. */
function shapeProblems(schema: typeof TerminalConfigSchema | typeof TerminalConfigDraftSchema, value: unknown) {
  return schemaProblems(schema, value).map((p): ConfigProblem => {
    if (p.message !== 'unknown field') return p
    const at = Math.max(p.path.lastIndexOf('.'), -1)
    const name = p.path.slice(at + 1)
    const near = nearest(name, knownFields(schema, p.path.slice(0, Math.max(at, 0))))
    // A field of another variant (a counterId on a kiosk window) is not a typo.
    return near === undefined || near === name ? p : { ...p, message: `unknown field; did you mean "${near}"?` }
  })
}

/** The shared part, normalised (name trimmed, hub address and fingerprint in canonical form). */
function commonOf(shape: Shape, problems: ConfigProblem[]): Common {
  const hub = hubOf(shape.hub, problems)
  const screens = shape.screens.map((s): ScreenAssignment => ({
    role: s.role,
    monitor: s.monitor,
    ...(s.deviceToken === undefined ? {} : { deviceToken: s.deviceToken }),
  }))
  screenProblems(screens, shape.kioskMode, problems)
  return {
    terminalName: shape.terminalName.trim(),
    hub,
    screens,
    kioskMode: shape.kioskMode,
    startAtLogin: shape.startAtLogin,
  }
}

function hubOf(hub: Shape['hub'], problems: ConfigProblem[]): HubSetting {
  const problem = (path: string, message: string): void => void problems.push({ path, message })
  if (hub.mode === 'host') {
    if (hub.url !== undefined || hub.caFingerprint !== undefined)
      problem(
        hub.url !== undefined ? 'hub.url' : 'hub.caFingerprint',
        'belongs to mode "connect"; a hosting PC has bindAddress and port',
      )
    if (hub.port === 0 && !isLoopback(hub.bindAddress))
      problem('hub.port', 'must be a fixed port (e.g. 8420) when other PCs connect to this hub')
    return { mode: 'host', bindAddress: hub.bindAddress, port: hub.port }
  }
  if (hub.bindAddress !== undefined || hub.port !== undefined)
    problem('hub', 'a terminal that connects to a hub has only a url (bindAddress and port belong to host)')
  const url = parseHubUrl(hub.url)
  if (!url.ok) problem('hub.url', url.error)
  const address = url.ok ? url.value : hub.url
  if (hub.caFingerprint === undefined) return { mode: 'connect', url: address }
  const fingerprint = hub.caFingerprint.trim().toUpperCase()
  if (!CA_FINGERPRINT_PATTERN.test(fingerprint))
    problem('hub.caFingerprint', 'must be a SHA-256 fingerprint, 32 pairs like 3A:9F:…, as pairing gives it')
  else if (url.ok && !address.startsWith('https:'))
    problem('hub.caFingerprint', 'belongs to an https:// hub; a plain-HTTP hub has no certificate to pin')
  return { mode: 'connect', url: address, caFingerprint: fingerprint }
}

function screenProblems(
  screens: readonly ScreenAssignment[],
  kioskMode: Shape['kioskMode'],
  problems: ConfigProblem[],
): void {
  const seen = new Map<string, number>()
  screens.forEach((screen, i) => {
    const path = `screens[${i}]`
    if (screen.deviceToken !== undefined && !isCustomerFacing(screen.role))
      problems.push({
        path: `${path}.deviceToken`,
        message: 'only a kiosk or display is paired; staff sign in at counter and manager windows',
      })
    const key = roleKey(screen.role)
    const first = seen.get(key)
    if (first !== undefined) problems.push({ path, message: `repeats screens[${first}] (${key}); show each role once` })
    else seen.set(key, i)
    if (kioskMode !== 'locked' || !isCustomerFacing(screen.role)) return
    const shared = screens.findIndex((other, j) => j !== i && other.monitor === screen.monitor)
    if (shared !== -1)
      problems.push({
        path,
        message:
          `the ${screen.role.kind} fills monitor ${screen.monitor} when locked, which screens[${shared}] also uses; ` +
          'give each locked kiosk or display its own monitor',
      })
  })
}

function hasLocked(common: Common): boolean {
  return common.screens.some((s) => isCustomerFacing(s.role))
}
