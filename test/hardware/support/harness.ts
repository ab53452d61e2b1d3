import { parseDeviceConfigs } from '../../../hardware/config/parseDeviceConfigs'
import { DeviceSupervisor, type SupervisorOptions } from '../../../hardware/supervisor/deviceSupervisor'
import type {
  DeviceLog,
  DeviceRef,
  DeviceStatus,
  KeypadInput,
  RatingInput,
} from '../../../hardware/supervisor/supervisorEvents'
import type { EmulatedDevice } from '../emulators/deviceEnd'
import { PtyPair } from '../emulators/ptyPair'
import { waitFor } from '../emulators/waitFor'

/** Fast reconnects and retries, so fault tests do not wait for production back-off. */
export const FAST: SupervisorOptions = {
  reconnect: { initialMs: 100, maxMs: 400 },
  retry: { initialMs: 100, maxMs: 400 },
  flashMs: 300,
}

export interface Recorded {
  readonly statuses: DeviceStatus[]
  readonly keypad: KeypadInput[]
  readonly rating: RatingInput[]
  readonly logs: DeviceLog[]
  readonly reconnected: DeviceRef[]
}

/**
 * Starts real PTY pairs, emulators and supervisors for a test and tears all of them down
 * afterwards (socat processes, temp folders, open ports), whatever the test's outcome.
 */
export class Harness {
  private readonly cleanups: (() => Promise<void>)[] = []

  /** A PTY pair with the emulator listening on its device end before the hub's end appears. */
  async pty<T extends EmulatedDevice>(emulator: T): Promise<{ pair: PtyPair; emulator: T }> {
    const pair = await PtyPair.create((path) => emulator.attach(path))
    this.cleanups.push(
      () => emulator.detach(),
      () => pair.dispose(),
    )
    return { pair, emulator }
  }

  /** Validates the device list as the hub would, and starts a supervisor on it. */
  supervisor(
    devices: readonly unknown[],
    options: SupervisorOptions = FAST,
  ): { sup: DeviceSupervisor; events: Recorded } {
    const parsed = parseDeviceConfigs(devices)
    if (!parsed.ok) throw new Error(`invalid devices: ${JSON.stringify(parsed.error)}`)
    const sup = new DeviceSupervisor(parsed.value, options)
    const events: Recorded = { statuses: [], keypad: [], rating: [], logs: [], reconnected: [] }
    sup.on('status', (s) => events.statuses.push(s))
    sup.on('keypad', (k) => events.keypad.push(k))
    sup.on('rating', (r) => events.rating.push(r))
    sup.on('log', (l) => events.logs.push(l))
    sup.on('reconnected', (r) => events.reconnected.push(r))
    this.cleanups.unshift(() => sup.close())
    return { sup, events }
  }

  async dispose(): Promise<void> {
    for (const clean of this.cleanups.splice(0)) await clean().catch(() => undefined)
  }
}

export function statusOf(sup: DeviceSupervisor, deviceId: string): DeviceStatus {
  const s = sup.statuses().find((x) => x.deviceId === deviceId)
  if (s === undefined) throw new Error(`no device ${deviceId}`)
  return s
}

/** Waits until a device reaches a state (and, if given, a problem code). */
export function untilState(
  sup: DeviceSupervisor,
  deviceId: string,
  state: DeviceStatus['state'],
  code?: string,
  timeoutMs = 10_000,
): Promise<DeviceStatus> {
  return waitFor(
    () => {
      const s = statusOf(sup, deviceId)
      return s.state === state && (code === undefined || s.problem?.code === code) ? s : undefined
    },
    `${deviceId} to be ${state}${code === undefined ? '' : ` (${code})`}`,
    timeoutMs,
  )
}

export const serial = (path: string, baudRate = 9600) => ({ type: 'serial', path, baudRate }) as const
