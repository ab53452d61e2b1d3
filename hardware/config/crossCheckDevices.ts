import type { ConfigProblem } from '../../shared/util/schemaProblems'
import { checkFraming } from './checkFraming'
import type { DeviceConfig, DeviceRole } from './deviceSchema'
import { connectionKey, type ResolvedDevice } from './resolvedDevice'
import { resolveDevice } from './resolveDevice'

/** Which dialects can play which role. */
export const ROLE_DIALECTS: Readonly<Record<DeviceRole, readonly string[]>> = {
  ticketPrinter: ['escpos'],
  counterDisplay: ['modbusRtu', 'framed', 'escposDisplay'],
  lobbyDisplay: ['modbusRtu', 'framed', 'escposDisplay'],
  customerDisplay: ['escposDisplay'],
  // Keypads and pads send key frames unprompted; Modbus slaves only answer, so they use the framed dialect.
  ratingPad: ['framed'],
  callerKeypad: ['framed'],
  cardReader: ['cardLine'],
}

const AT_A_COUNTER: ReadonlySet<DeviceRole> = new Set([
  'counterDisplay',
  'customerDisplay',
  'ratingPad',
  'callerKeypad',
])
const SENDS_TO_US: ReadonlySet<DeviceRole> = new Set(['ratingPad', 'callerKeypad'])

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(' or ')

function checkOne(config: DeviceConfig, device: ResolvedDevice, path: string): ConfigProblem[] {
  const issues: ConfigProblem[] = []
  const dialects = ROLE_DIALECTS[config.role]
  if (!dialects.includes(config.protocol.dialect)) {
    issues.push({
      path: `${path}.protocol.dialect`,
      message: `a ${config.role} speaks ${list(dialects)}, not '${config.protocol.dialect}'`,
    })
  }
  if (AT_A_COUNTER.has(config.role) && config.counterNumber === undefined) {
    issues.push({ path: `${path}.counterNumber`, message: `is required: a ${config.role} belongs to a counter` })
  }
  if (!AT_A_COUNTER.has(config.role) && config.counterNumber !== undefined) {
    issues.push({
      path: `${path}.counterNumber`,
      message: `must be left out: a ${config.role} does not belong to one counter`,
    })
  }
  if (config.kiosk !== undefined && config.role !== 'cardReader') {
    issues.push({ path: `${path}.kiosk`, message: `only a card reader belongs to a kiosk, not a ${config.role}` })
  }
  if (config.keys !== undefined) {
    if (!SENDS_TO_US.has(config.role))
      issues.push({ path: `${path}.keys`, message: `only keypads and rating pads have keys, not a ${config.role}` })
    const seen = new Map<number, number>()
    config.keys.forEach((k, i) => {
      const first = seen.get(k.code)
      if (first !== undefined)
        issues.push({ path: `${path}.keys[${i}].code`, message: `code ${k.code} is already bound by keys[${first}]` })
      else seen.set(k.code, i)
    })
  }
  if (device.protocol.dialect === 'framed') {
    issues.push(...checkFraming(device.protocol.framing, `${path}.protocol.framing`, SENDS_TO_US.has(config.role)))
    if (
      config.protocol.dialect === 'framed' &&
      config.protocol.framing.preset === undefined &&
      config.protocol.framing.fields === undefined
    ) {
      issues.push({
        path: `${path}.protocol.framing`,
        message: "needs a preset ('counterBoard', 'ff68') or its own fields",
      })
    }
  }
  return issues
}

/** Rules for devices that share one port or bus: one serial setting, one protocol, distinct addresses. */
function checkShared(devices: readonly { device: ResolvedDevice; index: number }[], path: string): ConfigProblem[] {
  const issues: ConfigProblem[] = []
  const [first, ...rest] = devices
  if (first === undefined) return issues
  const at = (i: number): string => `${path}[${i}]`
  for (const { device, index } of devices) {
    const d = device.protocol.dialect
    if (d === 'escpos' || d === 'escposDisplay' || d === 'cardLine') {
      const what =
        d === 'escpos' ? 'an ESC/POS printer' : d === 'escposDisplay' ? 'an ESC/POS display' : 'a card reader'
      issues.push({
        path: `${at(index)}.connection`,
        message: `is shared with ${devices
          .filter((o) => o.index !== index)
          .map((o) => `'${o.device.id}'`)
          .join(', ')}; ${what} needs a port of its own`,
      })
    }
  }
  if (issues.length > 0) return issues
  for (const { device, index } of rest) {
    const a = first.device
    if (JSON.stringify(device.connection) !== JSON.stringify(a.connection)) {
      issues.push({
        path: `${at(index)}.connection`,
        message: `shares a bus with '${a.id}' but its serial settings differ`,
      })
    }
    if (device.protocol.dialect !== a.protocol.dialect) {
      issues.push({
        path: `${at(index)}.protocol.dialect`,
        message: `shares a bus with '${a.id}', which speaks '${a.protocol.dialect}'`,
      })
    } else if (
      device.protocol.dialect === 'framed' &&
      a.protocol.dialect === 'framed' &&
      JSON.stringify(device.protocol.framing) !== JSON.stringify(a.protocol.framing)
    ) {
      issues.push({
        path: `${at(index)}.protocol.framing`,
        message: `shares a bus with '${a.id}' but frames differently`,
      })
    }
  }
  const byAddress = new Map<number, string>()
  for (const { device, index } of devices) {
    const p = device.protocol
    if (p.dialect !== 'modbusRtu' && p.dialect !== 'framed') continue
    const owner = byAddress.get(p.address)
    if (owner !== undefined)
      issues.push({
        path: `${at(index)}.protocol.address`,
        message: `address ${p.address} is already used by '${owner}' on this bus`,
      })
    else byAddress.set(p.address, device.id)
  }
  return issues
}

/**
 * The rules across devices that a schema cannot express.
 *
 * @example
 * crossCheckDevices([printerA, printerA], 'devices')[0].message //=> "'kiosk-printer' is used by devices[0] too"
 */
export function crossCheckDevices(configs: readonly DeviceConfig[], path: string): ConfigProblem[] {
  const issues: ConfigProblem[] = []
  const ids = new Map<string, number>()
  const buses = new Map<string, { device: ResolvedDevice; index: number }[]>()
  configs.forEach((config, index) => {
    const at = `${path}[${index}]`
    const first = ids.get(config.id)
    if (first !== undefined)
      issues.push({ path: `${at}.id`, message: `'${config.id}' is used by ${path}[${first}] too` })
    else ids.set(config.id, index)
    const device = resolveDevice(config)
    issues.push(...checkOne(config, device, at))
    if (config.enabled === false) return
    const key = connectionKey(device.connection, device.id)
    buses.set(key, [...(buses.get(key) ?? []), { device, index }])
  })
  for (const group of buses.values()) if (group.length > 1) issues.push(...checkShared(group, path))
  return issues
}
