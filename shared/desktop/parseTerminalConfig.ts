import { err, ok, type Result } from '../util/result'
import { problemLines } from '../util/schemaProblems'
import { FieldReader, join } from './fieldReader'
import { isIpv4, isLoopback, parseHubUrl } from './hubAddress'
import {
  CA_FINGERPRINT_PATTERN,
  COUNTER_ID_PATTERN,
  EXIT_PIN_PATTERN,
  MAX_MONITOR,
  MAX_SCREENS,
  TERMINAL_ROLE_KINDS,
  isCustomerFacing,
  roleKey,
  type ConfigProblem,
  type HubSetting,
  type KioskMode,
  type ScreenAssignment,
  type TerminalConfig,
  type TerminalConfigDraft,
  type TerminalRole,
} from './terminalConfig'

const CONFIG_KEYS = ['version', 'terminalName', 'hub', 'screens', 'kioskMode', 'startAtLogin', 'exitPinHash'] as const
const DRAFT_KEYS = ['terminalName', 'hub', 'screens', 'kioskMode', 'startAtLogin', 'newExitPin'] as const
const PIN_HASH = /^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/

/**
 * Validates a terminal configuration read from `terminal.json`. Every problem is reported with
 * its path, so one error message lists everything to fix.
 *
 * @example
 * const r = parseTerminalConfig({ version: 1, terminalName: 'Counter 3', kioskMode: 'windowed',
 *   startAtLogin: true, hub: { mode: 'connect', url: 'http://192.168.1.20:8420' },
 *   screens: [{ role: { kind: 'counter', counterId: 'c3' }, monitor: 1 }] })
 * r.ok //=> true
 */
export function parseTerminalConfig(value: unknown): Result<TerminalConfig, readonly ConfigProblem[]> {
  const read = new FieldReader()
  const record = read.object(value, '', CONFIG_KEYS)
  if (record === undefined) return err(read.problems)
  if (record.version !== 1) read.problem('version', 'must be 1 (the only terminal configuration format so far)')
  const common = readCommon(read, record)
  let exitPinHash: string | undefined
  if (record.exitPinHash !== undefined) {
    if (typeof record.exitPinHash === 'string' && PIN_HASH.test(record.exitPinHash)) exitPinHash = record.exitPinHash
    else read.problem('exitPinHash', 'is not a PIN hash written by Branch Lobby; set the exit PIN again in setup')
  }
  if (common !== undefined && common.kioskMode === 'locked' && exitPinHash === undefined && hasLocked(common)) {
    read.problem('exitPinHash', 'a locked kiosk or display needs a manager exit PIN; set one in setup')
  }
  if (common === undefined || read.problems.length > 0) return err(read.problems)
  return ok({ version: 1, ...common, ...(exitPinHash === undefined ? {} : { exitPinHash }) })
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
  const read = new FieldReader()
  const record = read.object(value, '', DRAFT_KEYS)
  if (record === undefined) return err(read.problems)
  const common = readCommon(read, record)
  let newExitPin: string | undefined
  if (record.newExitPin !== undefined) {
    if (typeof record.newExitPin === 'string' && EXIT_PIN_PATTERN.test(record.newExitPin)) {
      newExitPin = record.newExitPin
    } else read.problem('newExitPin', 'must be 4 to 8 digits')
  }
  if (
    common !== undefined &&
    common.kioskMode === 'locked' &&
    hasLocked(common) &&
    !hasExitPin &&
    newExitPin === undefined
  ) {
    read.problem('newExitPin', 'a locked kiosk or display needs a manager exit PIN of 4 to 8 digits')
  }
  if (common === undefined || read.problems.length > 0) return err(read.problems)
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

type Common = Omit<TerminalConfig, 'version' | 'exitPinHash'>

function readCommon(read: FieldReader, record: Readonly<Record<string, unknown>>): Common | undefined {
  const terminalName = read.string(record.terminalName, 'terminalName', 1, 60)
  const hub = readHub(read, record.hub)
  const kioskMode = read.oneOf<KioskMode>(record.kioskMode, 'kioskMode', ['locked', 'windowed'])
  const startAtLogin = read.boolean(record.startAtLogin, 'startAtLogin')
  const screens = readScreens(read, record.screens, kioskMode)
  if (
    terminalName === undefined ||
    hub === undefined ||
    kioskMode === undefined ||
    startAtLogin === undefined ||
    screens === undefined
  ) {
    return undefined
  }
  return { terminalName, hub, screens, kioskMode, startAtLogin }
}

function readHub(read: FieldReader, value: unknown): HubSetting | undefined {
  const base = read.object(value, 'hub', ['mode', 'bindAddress', 'port', 'url', 'caFingerprint'])
  if (base === undefined) return undefined
  const mode = read.oneOf(base.mode, 'hub.mode', ['host', 'connect'])
  if (mode === 'connect') {
    if (base.bindAddress !== undefined || base.port !== undefined) {
      read.problem('hub', 'a terminal that connects to a hub has only a url (bindAddress and port belong to host)')
    }
    if (typeof base.url !== 'string')
      return read.problem('hub.url', 'must be the hub address, e.g. http://192.168.1.20:8420')
    const url = parseHubUrl(base.url)
    if (!url.ok) return read.problem('hub.url', url.error)
    if (base.caFingerprint === undefined) return { mode, url: url.value }
    const fingerprint = typeof base.caFingerprint === 'string' ? base.caFingerprint.trim().toUpperCase() : ''
    if (!CA_FINGERPRINT_PATTERN.test(fingerprint))
      return read.problem(
        'hub.caFingerprint',
        'must be a SHA-256 fingerprint, 32 pairs like 3A:9F:…, as pairing gives it',
      )
    if (!url.value.startsWith('https:'))
      return read.problem('hub.caFingerprint', 'belongs to an https:// hub; a plain-HTTP hub has no certificate to pin')
    return { mode, url: url.value, caFingerprint: fingerprint }
  }
  if (mode === 'host') {
    if (base.url !== undefined || base.caFingerprint !== undefined)
      read.problem(
        base.url !== undefined ? 'hub.url' : 'hub.caFingerprint',
        'belongs to mode "connect"; a hosting PC has bindAddress and port',
      )
    let bindAddress: string | undefined
    if (typeof base.bindAddress === 'string' && (isIpv4(base.bindAddress) || base.bindAddress === 'localhost')) {
      bindAddress = base.bindAddress
    } else {
      read.problem('hub.bindAddress', 'must be an IPv4 address: "0.0.0.0" for the whole LAN, "127.0.0.1" for this PC')
    }
    const port = read.integer(base.port, 'hub.port', 0, 65535)
    if (bindAddress === undefined || port === undefined) return undefined
    if (port === 0 && !isLoopback(bindAddress)) {
      return read.problem('hub.port', 'must be a fixed port (e.g. 8420) when other PCs connect to this hub')
    }
    return { mode, bindAddress, port }
  }
  return undefined
}

function readScreens(
  read: FieldReader,
  value: unknown,
  kioskMode: KioskMode | undefined,
): readonly ScreenAssignment[] | undefined {
  const list = read.array(value, 'screens', 1, MAX_SCREENS)
  if (list === undefined) return undefined
  const screens: ScreenAssignment[] = []
  list.forEach((item, i) => {
    const path = join('screens', i)
    const record = read.object(item, path, ['role', 'monitor', 'deviceToken'])
    if (record === undefined) return
    const role = readRole(read, record.role, join(path, 'role'))
    const monitor = read.integer(record.monitor, join(path, 'monitor'), 1, MAX_MONITOR)
    const deviceToken = readDeviceToken(read, record.deviceToken, join(path, 'deviceToken'), role)
    if (role === undefined || monitor === undefined || deviceToken === null) return
    screens.push({ role, monitor, ...(deviceToken === undefined ? {} : { deviceToken }) })
  })
  if (screens.length !== list.length) return undefined
  const seen = new Map<string, number>()
  screens.forEach((screen, i) => {
    const key = roleKey(screen.role)
    const first = seen.get(key)
    if (first !== undefined) read.problem(join('screens', i), `repeats screens[${first}] (${key}); show each role once`)
    else seen.set(key, i)
    if (kioskMode !== 'locked' || !isCustomerFacing(screen.role)) return
    const shared = screens.findIndex((other, j) => j !== i && other.monitor === screen.monitor)
    if (shared !== -1) {
      read.problem(
        join('screens', i),
        `the ${screen.role.kind} fills monitor ${screen.monitor} when locked, which screens[${shared}] also uses; ` +
          'give each locked kiosk or display its own monitor',
      )
    }
  })
  return screens
}

function readRole(read: FieldReader, value: unknown, path: string): TerminalRole | undefined {
  const record = read.object(value, path, ['kind', 'counterId'])
  if (record === undefined) return undefined
  const kind = read.oneOf(record.kind, join(path, 'kind'), TERMINAL_ROLE_KINDS)
  if (kind === undefined) return undefined
  if (kind !== 'counter') {
    if (record.counterId !== undefined) read.problem(join(path, 'counterId'), `only a counter window has a counterId`)
    return { kind }
  }
  const counterId = record.counterId
  if (typeof counterId !== 'string' || !COUNTER_ID_PATTERN.test(counterId)) {
    return read.problem(join(path, 'counterId'), 'a counter window needs the id of its counter, e.g. "c1"')
  }
  return { kind, counterId }
}

/** A screen's device token: absent (undefined), valid, or wrong (null, reported). */
function readDeviceToken(
  read: FieldReader,
  value: unknown,
  path: string,
  role: TerminalRole | undefined,
): string | undefined | null {
  if (value === undefined) return undefined
  if (role !== undefined && !isCustomerFacing(role)) {
    read.problem(path, 'only a kiosk or display is paired; staff sign in at counter and manager windows')
    return null
  }
  if (typeof value !== 'string' || !/^[\x21-\x7e]{16,512}$/.test(value)) {
    read.problem(path, 'must be the token the hub issued when this screen was paired')
    return null
  }
  return value
}

function hasLocked(common: Common): boolean {
  return common.screens.some((s) => isCustomerFacing(s.role))
}
