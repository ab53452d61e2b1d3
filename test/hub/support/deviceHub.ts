import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeviceStatusView, LiveMessage } from '../../../shared/api/live'
import { demoBranchFile } from '../../../hub/config/demoBranchFile'
import { PtyPair } from '../../hardware/emulators/index'
import type { EmulatedDevice } from '../../hardware/emulators/deviceEnd'
import { HubFixture } from './hubFixture'

/**
 * A real hub with its lobby devices on socat pseudo-terminals, device emulators on the far
 * ends, configured the way a branch configures them (devices in branch.json); `dispose` ends
 * every hub, emulator and PTY the test started.
 */
export class DeviceHubs {
  private readonly cleanups: (() => Promise<void>)[] = []

  async pty<T extends EmulatedDevice>(emulator: T): Promise<{ pair: PtyPair; emulator: T }> {
    const pair = await PtyPair.create((path) => emulator.attach(path))
    this.cleanups.push(async () => {
      await emulator.detach()
      await pair.dispose()
    })
    return { pair, emulator }
  }

  /** `publicUrl`: the address phones reach the branch at (none: the hub is on loopback only). */
  async hub(devices: unknown[], publicUrl: string | null = null): Promise<HubFixture> {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-devices-'))
    const file = await demoBranchFile()
    await writeFile(
      join(dir, 'branch.json'),
      JSON.stringify({ ...file, network: { ...file.network, publicUrl }, devices }),
    )
    const f = await HubFixture.start({ devices: undefined as never }, dir)
    this.cleanups.push(() => f.stop())
    return f
  }

  /** Runs a teardown with the others, in reverse order. */
  add(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup)
  }

  async dispose(): Promise<void> {
    for (const c of this.cleanups.splice(0).reverse()) await c().catch(() => undefined)
  }
}

export const serial = (path: string) => ({ type: 'serial', path, baudRate: 9600 })

/** The devices' states in the latest `devices` message of a live channel. */
export function devicesIn(ms: readonly LiveMessage[]): readonly DeviceStatusView[] {
  const last = [...ms].reverse().find((m) => m.type === 'devices')
  return last?.type === 'devices' ? last.devices : []
}

/** Whether `bytes` holds `part` as a run of consecutive bytes. */
export function hasRun(bytes: readonly number[], part: readonly number[]): boolean {
  outer: for (let i = 0; i + part.length <= bytes.length; i++) {
    for (let j = 0; j < part.length; j++) if (bytes[i + j] !== part[j]) continue outer
    return true
  }
  return false
}
