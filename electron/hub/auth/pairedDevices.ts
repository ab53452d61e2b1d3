import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto'
import type { Low } from 'lowdb'
import type { FileSystem } from '../persistence/fileSystem'
import { openDurableDb } from '../persistence/durableJsonFile'
import type { Principal } from './principal'
import { hashToken, newToken } from './tokens'

export type DeviceRole = 'kiosk' | 'display'

export interface PairedDevice {
  readonly id: string
  readonly name: string
  readonly role: DeviceRole
  readonly tokenHash: string
  readonly pairedAt: number
  readonly revokedAt: number | null
}

interface SecurityFile {
  readonly version: 1
  /** Signs the keys in tickets' QR codes; made once per branch. */
  readonly statusSecret: string
  devices: PairedDevice[]
}

const CODE_TTL_MS = 10 * 60_000

/**
 * Kiosks and lobby displays are registered terminals: a manager creates a one-time 6-digit
 * code, the terminal trades it for a long-lived token. Tokens are kept hashed in
 * `security.json`; a manager can revoke a terminal.
 */
export class PairedDevices {
  private readonly codes = new Map<string, { role: DeviceRole; name: string; expiresAt: number }>()

  private constructor(private readonly db: Low<SecurityFile>) {}

  static async open(fs: FileSystem, path: string): Promise<PairedDevices> {
    const db = await openDurableDb<SecurityFile>(fs, path, () => ({
      version: 1,
      statusSecret: randomBytes(32).toString('base64url'),
      devices: [],
    }))
    return new PairedDevices(db)
  }

  /** The key a ticket's status link carries: an HMAC of its id, so ids alone do not reveal tickets. */
  statusKey(ticketId: string): string {
    return createHmac('sha256', this.db.data.statusSecret).update(ticketId).digest('base64url').slice(0, 16)
  }

  createCode(role: DeviceRole, name: string, now: number): { code: string; expiresAt: number } {
    for (const [code, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(code)
    let code: string
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    while (this.codes.has(code))
    const expiresAt = now + CODE_TTL_MS
    this.codes.set(code, { role, name, expiresAt })
    return { code, expiresAt }
  }

  /** Trades a valid code (once) for a device and its token; null when the code is unknown or stale. */
  async pair(code: string, now: number): Promise<{ device: PairedDevice; token: string } | null> {
    const c = this.codes.get(code)
    this.codes.delete(code)
    if (c === undefined || c.expiresAt <= now) return null
    const token = newToken()
    const device: PairedDevice = {
      id: randomUUID(),
      name: c.name,
      role: c.role,
      tokenHash: hashToken(token),
      pairedAt: now,
      revokedAt: null,
    }
    await this.db.update((d) => {
      d.devices.push(device)
    })
    return { device, token }
  }

  /** Registers a terminal directly (the demo and the in-process Electron terminals). */
  async register(role: DeviceRole, name: string, now: number): Promise<string> {
    const { code } = this.createCode(role, name, now)
    const paired = await this.pair(code, now)
    if (paired === null) throw new Error('pairing a local terminal failed')
    return paired.token
  }

  principal(token: string): Principal | undefined {
    const hash = hashToken(token)
    const d = this.db.data.devices.find((x) => x.tokenHash === hash && x.revokedAt === null)
    if (d === undefined) return undefined
    return { role: d.role, token, staffId: null, name: d.name, counterId: null, deviceId: d.id, expiresAt: null }
  }

  list(): readonly PairedDevice[] {
    return this.db.data.devices
  }

  async revoke(id: string, now: number): Promise<boolean> {
    const d = this.db.data.devices.find((x) => x.id === id && x.revokedAt === null)
    if (d === undefined) return false
    await this.db.update((data) => {
      data.devices = data.devices.map((x) => (x.id === id ? { ...x, revokedAt: now } : x))
    })
    return true
  }
}
