import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto'
import type { Low } from 'lowdb'
import { Type, type Static } from 'typebox'
import type { FileSystem } from '../persistence/fileSystem'
import { openDurableDb, type UpgradeLog } from '../persistence/storeFile'
import { storedFormat } from '../../shared/util/storedFormat'
import type { Principal } from './principal'
import { hashToken, newToken } from './tokens'
import { EpochMsSchema, Nullable, literals } from '../../shared/api/common'
import type { Agreed, Agrees } from '../../shared/util/agrees'

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

/** What security.json holds, checked when the hub opens it (a damaged file is refused, not used). */
const SecurityFileSchema = Type.Object({
  version: Type.Literal(1),
  statusSecret: Type.String({ minLength: 1 }),
  devices: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      role: literals(['kiosk', 'display']),
      tokenHash: Type.String(),
      pairedAt: EpochMsSchema,
      revokedAt: Nullable(EpochMsSchema),
    }),
  ),
})
/** security.json's format: unchanged since the first release. */
const SECURITY_FORMAT = storedFormat(1, [])

export type SecurityFileAgrees = Agreed<Agrees<Static<typeof SecurityFileSchema>, SecurityFile>>

const CODE_TTL_MS = 10 * 60_000
/** Wrong codes tried while a code is valid before it is withdrawn (a guesser's chance: 5 in a million). */
export const WRONG_TRIES_PER_CODE = 5
/** Wrong codes tried per minute from all addresses together before pairing pauses. */
export const WRONG_TRIES_PER_MINUTE = 10

/** The answer to a pairing attempt. */
export type PairingResult =
  | { readonly ok: true; readonly device: PairedDevice; readonly token: string }
  /** Wrong, used or expired; `withdrawn` names the terminals whose codes this try used up. */
  | { readonly ok: false; readonly reason: 'wrongCode'; readonly withdrawn: readonly string[] }
  /** Too many wrong codes from anywhere just now: no code is checked for `retryInMs`. */
  | { readonly ok: false; readonly reason: 'paused'; readonly retryInMs: number }

interface PendingCode {
  readonly role: DeviceRole
  readonly name: string
  readonly expiresAt: number
  wrongTries: number
}

/**
 * Kiosks and lobby displays are registered terminals: a manager creates a one-time 6-digit
 * code, the terminal trades it for a long-lived token. Tokens are kept hashed in
 * `security.json`; a manager can revoke a terminal. Guessing is bounded three ways: per
 * address (the API's rate limit), per code (`WRONG_TRIES_PER_CODE` wrong tries while it is
 * valid withdraw it) and overall (`WRONG_TRIES_PER_MINUTE` from all addresses pause pairing).
 */
export class PairedDevices {
  private readonly codes = new Map<string, PendingCode>()
  /** When the recent wrong tries were made, oldest first. */
  private wrongTries: number[] = []
  private readonly revoked = new Set<(deviceId: string) => void>()

  private constructor(private readonly db: Low<SecurityFile>) {}

  static async open(fs: FileSystem, path: string, log: UpgradeLog): Promise<PairedDevices> {
    const store = { format: SECURITY_FORMAT, schema: SecurityFileSchema }
    const db = await openDurableDb<SecurityFile>(
      fs,
      path,
      store,
      () => ({
        version: 1,
        statusSecret: randomBytes(32).toString('base64url'),
        devices: [],
      }),
      log,
    )
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
    this.codes.set(code, { role, name, expiresAt, wrongTries: 0 })
    return { code, expiresAt }
  }

  /** Trades a valid code (once) for a device and its token. */
  async pair(code: string, now: number): Promise<PairingResult> {
    this.wrongTries = this.wrongTries.filter((at) => at > now - 60_000)
    const oldest = this.wrongTries[0]
    if (this.wrongTries.length >= WRONG_TRIES_PER_MINUTE && oldest !== undefined)
      return { ok: false, reason: 'paused', retryInMs: oldest + 60_000 - now }
    const c = this.codes.get(code)
    this.codes.delete(code)
    if (c === undefined || c.expiresAt <= now) return { ok: false, reason: 'wrongCode', withdrawn: this.wrongTry(now) }
    const token = newToken()
    try {
      return { ok: true, device: await this.add(c.role, c.name, token, now), token }
    } catch (e) {
      // Nothing was saved (the disk is full or failing): the code is not used up, so the
      // terminal can pair with it once the disk works again.
      this.codes.set(code, c)
      throw e
    }
  }

  private async add(role: DeviceRole, name: string, token: string, now: number): Promise<PairedDevice> {
    const device: PairedDevice = {
      id: randomUUID(),
      name,
      role,
      tokenHash: hashToken(token),
      pairedAt: now,
      revokedAt: null,
    }
    await this.db.update((d) => {
      d.devices.push(device)
    })
    return device
  }

  /** Counts a wrong try against every valid code; answers the names of the codes it used up. */
  private wrongTry(now: number): string[] {
    this.wrongTries.push(now)
    const withdrawn: string[] = []
    for (const [code, c] of this.codes) {
      if (c.expiresAt <= now) this.codes.delete(code)
      else if (++c.wrongTries >= WRONG_TRIES_PER_CODE) {
        this.codes.delete(code)
        withdrawn.push(c.name)
      }
    }
    return withdrawn
  }

  /**
   * The token of one of the demo's own terminals (its kiosk and lobby display, which nobody
   * pairs): the same terminal and token at every start, so the device list does not grow by a
   * kiosk and a display each start, and a demo page left open across a restart stays paired.
   * The token is an HMAC of role and name under the branch's secret, so the hub recognises its
   * own demo terminals by their token hash alone and can never take a terminal a person paired
   * for one. A demo terminal a manager revoked stays revoked: the next one in its series (`n`)
   * is registered instead. The price: whoever holds this folder's security.json can make these
   * tokens, which is why only the demo uses them.
   */
  async demoTerminal(role: DeviceRole, name: string, now: number): Promise<string> {
    for (let n = 0; ; n++) {
      const token = createHmac('sha256', this.db.data.statusSecret)
        .update(`demoTerminal:${role}:${n}:${name}`)
        .digest('base64url')
      const hash = hashToken(token)
      const known = this.db.data.devices.find((d) => d.tokenHash === hash)
      if (known === undefined) await this.add(role, name, token, now)
      if (known === undefined || known.revokedAt === null) return token
    }
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
    for (const listener of this.revoked) listener(id)
    return true
  }

  /** Told of each terminal revoked (the live channel closes its connection at once). */
  onRevoke(listener: (deviceId: string) => void): () => void {
    this.revoked.add(listener)
    return () => this.revoked.delete(listener)
  }
}
