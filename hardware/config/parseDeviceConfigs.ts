import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { err, ok, type Result } from '../../shared/util/result'
import type { ConfigProblem } from '../../shared/util/schemaProblems'
import { crossCheckDevices } from './crossCheckDevices'
import {
  CONNECTION_SCHEMAS,
  DeviceConfigSchema,
  DeviceShellSchema,
  FRAME_FIELD_SCHEMAS,
  FramedShellSchema,
  FramingShellSchema,
  KeyBindingSchema,
  PROTOCOL_SCHEMAS,
  RatingBindingSchema,
  type DeviceConfig,
} from './deviceSchema'
import { mustBeOneOf, schemaProblems } from '../../shared/util/schemaProblems'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Checks a tagged part (`connection.type`, `protocol.dialect`, a field's `kind`) against the schema its tag selects. */
function checkTagged(
  value: unknown,
  tag: string,
  schemas: Readonly<Record<string, TSchema>>,
  path: string,
): ConfigProblem[] {
  if (!isRecord(value)) return [{ path, message: 'must be an object' }]
  const key = value[tag]
  const names = Object.keys(schemas)
  if (typeof key !== 'string' || !names.includes(key)) {
    return [{ path: `${path}.${tag}`, message: mustBeOneOf(names) }]
  }
  const schema = schemas[key]
  return schema === undefined ? [] : schemaProblems(schema, value, path)
}

function checkProtocol(value: unknown, path: string): ConfigProblem[] {
  if (isRecord(value) && value.dialect === 'framed') {
    const issues = schemaProblems(FramedShellSchema, value, path)
    const framing = value.framing
    if (!isRecord(framing)) return issues
    issues.push(...schemaProblems(FramingShellSchema, framing, `${path}.framing`))
    if (Array.isArray(framing.fields)) {
      framing.fields.forEach((f, i) =>
        issues.push(...checkTagged(f, 'kind', FRAME_FIELD_SCHEMAS, `${path}.framing.fields[${i}]`)),
      )
    }
    return issues
  }
  return checkTagged(value, 'dialect', PROTOCOL_SCHEMAS, path)
}

function checkDevice(value: unknown, path: string): ConfigProblem[] {
  if (!isRecord(value)) return [{ path, message: 'must be an object' }]
  const issues = schemaProblems(DeviceShellSchema, value, path)
  if ('connection' in value)
    issues.push(...checkTagged(value.connection, 'type', CONNECTION_SCHEMAS, `${path}.connection`))
  if ('protocol' in value) issues.push(...checkProtocol(value.protocol, `${path}.protocol`))
  if (Array.isArray(value.keys)) {
    const binding = value.role === 'ratingPad' ? RatingBindingSchema : KeyBindingSchema
    value.keys.forEach((k, i) => issues.push(...schemaProblems(binding, k, `${path}.keys[${i}]`)))
  }
  return issues
}

/**
 * Validates the device list of a branch configuration. Every problem is reported at once, each
 * naming its field (`devices[2].protocol.address: must be <= 247`): first the shape of each
 * device, part by part, then the rules across devices (unique ids, a role's dialect, devices
 * sharing a bus). The result is the configuration as written; `resolveDevice` fills defaults.
 *
 * @example
 * parseDeviceConfigs([{ id: 'p', role: 'ticketPrinter', connection: { type: 'serial', path: '/dev/ttyS0', baudRate: 9600 }, protocol: { dialect: 'escpos' } }]).ok //=> true
 * parseDeviceConfigs([{ id: 'p', role: 'printer' }]).error
 * //=> [{ path: 'devices[0].connection', message: 'is required' },
 * //    { path: 'devices[0].protocol', message: 'is required' },
 * //    { path: 'devices[0].role', message: 'must be one of "ticketPrinter", "counterDisplay", ...' }]
 */
export function parseDeviceConfigs(
  input: unknown,
  path = 'devices',
): Result<readonly DeviceConfig[], readonly ConfigProblem[]> {
  if (!Array.isArray(input)) return err([{ path, message: 'must be a list of devices' }])
  const issues = input.flatMap((device, i) => checkDevice(device, `${path}[${i}]`))
  if (issues.length > 0) return err(issues)
  // The part-by-part checks above cover the whole schema; this keeps the two from drifting apart.
  const whole = input.flatMap((device, i) => schemaProblems(DeviceConfigSchema, device, `${path}[${i}]`))
  if (whole.length > 0 || !input.every((d) => Value.Check(DeviceConfigSchema, d))) {
    return err(whole.length > 0 ? whole : [{ path, message: 'does not match the device schema' }])
  }
  const devices = input as DeviceConfig[]
  const cross = crossCheckDevices(devices, path)
  return cross.length > 0 ? err(cross) : ok(devices)
}
