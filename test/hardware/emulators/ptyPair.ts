import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A pair of connected pseudo-terminals made by `socat`: the hub's side (`hostPath`, opened by
 * the supervisor through serialport) and the device's side (`devicePath`, where an emulator
 * sits). Killing socat is pulling the cable out; starting it again with the same link names is
 * plugging it back in (the PTY numbers change, the paths do not, like /dev/serial/by-id).
 */
export class PtyPair {
  private socat: ChildProcess | null = null

  private constructor(
    readonly dir: string,
    readonly hostPath: string,
    readonly devicePath: string,
  ) {}

  static async create(beforeHostAppears?: (devicePath: string) => Promise<void>): Promise<PtyPair> {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-pty-'))
    const pair = new PtyPair(dir, join(dir, 'host'), join(dir, 'device'))
    await pair.replug(beforeHostAppears)
    return pair
  }

  get plugged(): boolean {
    return this.socat !== null
  }

  /**
   * Starts socat. The hub's link appears last, after `beforeHostAppears` has run (an emulator
   * opening the device end): bytes sent to a PTY end nobody has open are lost, so a device
   * must be listening before the supervisor can reconnect, as a real device would be.
   */
  async replug(beforeHostAppears?: (devicePath: string) => Promise<void>): Promise<void> {
    if (this.socat !== null) return
    const pending = `${this.hostPath}.pending`
    const socat = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${this.devicePath}`, `pty,raw,echo=0,link=${pending}`],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    this.socat = socat
    let log = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socat did not start within 10 s: ${log}`)), 10_000)
      const done = (e?: Error): void => {
        clearTimeout(timer)
        if (e) reject(e)
        else resolve()
      }
      socat.on('error', (e) => done(e))
      socat.on('exit', (code) => done(new Error(`socat exited with ${code}: ${log}`)))
      socat.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString()
        if (log.includes('starting data transfer loop') && existsSync(pending) && existsSync(this.devicePath)) done()
      })
    })
    socat.removeAllListeners('exit')
    socat.on('exit', () => {
      if (this.socat === socat) this.socat = null
    })
    await beforeHostAppears?.(this.devicePath)
    await rename(pending, this.hostPath)
  }

  /** Kills socat: both ends see their PTY go away. */
  async unplug(): Promise<void> {
    const socat = this.socat
    if (socat === null) return
    this.socat = null
    // Links first, while their PTYs still exist: a link left behind would point at a freed
    // PTY number, which the kernel hands to the next program (another test's socat) at once.
    await rm(this.hostPath, { force: true })
    await rm(`${this.hostPath}.pending`, { force: true })
    await rm(this.devicePath, { force: true })
    if (socat.exitCode === null && socat.signalCode === null) {
      await new Promise<void>((resolve) => {
        socat.once('exit', () => resolve())
        socat.kill('SIGTERM')
      })
    }
  }

  async dispose(): Promise<void> {
    await this.unplug()
    await rm(this.dir, { recursive: true, force: true })
  }
}
