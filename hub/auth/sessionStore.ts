import { createHash } from 'node:crypto'
import { Type, type Static } from 'typebox'
import { EpochMsSchema, Nullable, literals } from '../../shared/api/common'
import { ROLES } from '../../shared/api/roles'
import type { CounterId, StaffId } from '../../shared/domain/ids'
import { errorText } from '../../shared/util/errorText'
import { logWarning } from '../log/hubWarning'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'
import { DurableJsonFile, JsonFileError } from '../persistence/durableJsonFile'
import type { FileSystem } from '../persistence/fileSystem'
import { NewerFormatError, readStoreFile } from '../persistence/storeFile'
import { storedFormat } from '../../shared/util/storedFormat'
import type { Principal } from './principal'
import { privateFiles } from './privateFiles'
import { hashToken, newToken } from './tokens'

/** The file's name in the data folder. */
export const SESSIONS_FILE = 'sessions.json'
/** Sessions last a working day. */
export const SESSION_TTL_MS = 12 * 3600_000

/** A session as kept: who, until when, and the hash of its token (never the token). */
const StoredSessionSchema = Type.Object(
  {
    tokenHash: Type.String({ minLength: 1 }),
    /** The staff member's role and PIN hash as at sign-in, hashed (`staffStamp`). */
    staffStamp: Type.String({ minLength: 1 }),
    role: literals(ROLES),
    staffId: Nullable(Type.String()),
    name: Type.String(),
    counterId: Nullable(Type.String()),
    deviceId: Nullable(Type.String()),
    expiresAt: Nullable(EpochMsSchema),
  },
  { additionalProperties: false },
)
const SessionsFileSchema = Type.Object(
  { version: Type.Literal(1), sessions: Type.Array(StoredSessionSchema) },
  { additionalProperties: false },
)
/** sessions.json's format: unchanged since it was added. */
const SESSIONS_FORMAT = storedFormat(1, [])
type StoredSession = Static<typeof StoredSessionSchema>
type SessionsFile = Static<typeof SessionsFileSchema>

/** A staff member as the configuration has them now; undefined when there is none of that id. */
export type StaffLookup = (staffId: string) => { readonly role: string; readonly pinHash: string } | undefined
/** Whether the configuration has a counter of that id now. */
export type CounterLookup = (counterId: string) => boolean

/**
 * What a session's staff member was at sign-in: their role and PIN hash, hashed. A session
 * read back whose member is gone, has another role or has had their PIN reset is dropped, as
 * a restart always did before sessions were kept: resetting a PIN still signs that person out.
 */
function staffStamp(member: { readonly role: string; readonly pinHash: string } | undefined): string | null {
  return member === undefined
    ? null
    : createHash('sha256').update(`${member.role}\n${member.pinHash}`).digest('base64url')
}

/** Where the file's troubles are said (the hub's pino logger fits). */
export interface SessionsLog {
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

/**
 * Signed-in tellers and managers. Kept in `sessions.json` in the data folder as well as in
 * memory, so a hub restarted mid-day (a power cut, an update) does not sign every counter screen
 * out in the middle of a customer. The file holds a SHA-256 hash of each token, never the token
 * (tokens are 256 random bits, so a plain hash cannot be walked back; a copied file gives no
 * working token), with who signed in and until when, readable by the hub's user only
 * (`privateFiles`). Sessions last a working day.
 *
 * Memory decides; the file follows, rewritten whole (and flushed) on every sign-in and sign-out
 * before the answer. A write that fails does not refuse the sign-in or undo the sign-out: it is
 * logged (once, until a write works again) and the next write, which holds every session, mends
 * the file. On start expired sessions are dropped, and those whose staff member changed
 * (`staffStamp`) or whose counter was taken out of the configuration, from memory and then from
 * the file (one write); a missing file is the first start, and a damaged one is logged and left
 * aside: everybody signs in again, as after a restart before. A file a newer release wrote is
 * never overwritten (as every stored file): it is logged and left as it is, and the sign-ins of
 * this run are kept in memory only.
 */
export class SessionStore {
  private readonly ended = new Set<(token: string) => void>()
  private writing: Promise<void> = Promise.resolve()
  /** The last write failed: said once, until a write works again. */
  private failing = false

  private constructor(
    /** By token hash. */
    private readonly sessions: Map<string, StoredSession>,
    /** Null when the file is a newer release's: left as it is, the sessions kept in memory only. */
    private readonly file: DurableJsonFile<SessionsFile> | null,
    private readonly log: SessionsLog,
    private readonly staff: StaffLookup,
    private readonly ttlMs: number,
  ) {}

  /**
   * Reads the sessions still valid at `now` from `path`: not expired, their staff member as at
   * sign-in (`staffStamp`), and their counter (a teller's) still in the configuration: a teller
   * kept at a counter taken out would get "unknown counter" for everything, where a restart
   * before sent them to sign in again. Never throws (see the class comment).
   */
  static async open(
    fs: FileSystem,
    path: string,
    now: number,
    log: SessionsLog,
    staff: StaffLookup,
    counters: CounterLookup,
    ttlMs = SESSION_TTL_MS,
  ): Promise<SessionStore> {
    const file = new DurableJsonFile<SessionsFile>(privateFiles(fs), path)
    const sessions = new Map<string, StoredSession>()
    let dropped = 0
    let keptAs: DurableJsonFile<SessionsFile> | null = file
    try {
      const found = await readStoreFile(file, SESSIONS_FORMAT, (value) => check(path, value), log)
      let expiredCount = 0
      let counterGone = 0
      for (const s of found?.sessions ?? []) {
        if (expired(s, now)) expiredCount++
        else if (s.counterId !== null && !counters(s.counterId)) counterGone++
        else if (s.staffId !== null && staffStamp(staff(s.staffId)) === s.staffStamp) sessions.set(s.tokenHash, s)
      }
      if (found !== null) {
        dropped = found.sessions.length - sessions.size
        const changed = dropped - expiredCount - counterGone
        log.info(
          {
            event: 'sessions.restored',
            file: path,
            kept: sessions.size,
            expired: expiredCount,
            staffChanged: changed,
            counterRemoved: counterGone,
          },
          `${sessions.size} sign-in(s) kept from before the start (${expiredCount} expired, ${changed} of staff removed, given another role or a new PIN, ${counterGone} at a counter no longer configured)`,
        )
      }
    } catch (e) {
      if (e instanceof NewerFormatError) {
        keptAs = null
        logWarning(
          log,
          'error',
          'sessions.newerFormat',
          { file: path, err: e },
          `The sign-ins are not kept across a restart while this version runs: ${errorText(e)}`,
        )
      } else {
        logWarning(
          log,
          'warn',
          'sessions.unreadable',
          { file: path, error: errorText(e), err: e },
          `The sign-ins could not be read (${errorText(e)}); tellers and managers sign in again`,
        )
      }
    }
    const store = new SessionStore(sessions, keptAs, log, staff, ttlMs)
    // Dropped from the file too, at once: otherwise a branch.json restored from a backup before
    // the next sign-in would let a removed or re-PINned member's session back in.
    if (dropped > 0) await store.save(now)
    return store
  }

  /** A new session, kept (in the file too, when it can be) before it is answered. */
  async create(p: Omit<Principal, 'token' | 'expiresAt'>, now: number): Promise<Principal> {
    const session: Principal = { ...p, token: newToken(), expiresAt: now + this.ttlMs }
    const { token, ...who } = session
    const tokenHash = hashToken(token)
    const stamp = staffStamp(p.staffId === null ? undefined : this.staff(p.staffId))
    if (stamp === null) throw new Error(`a session is for a staff member of the configuration, not '${p.staffId}'`)
    this.sessions.set(tokenHash, { ...who, tokenHash, staffStamp: stamp })
    await this.save(now)
    return session
  }

  get(token: string, now: number): Principal | undefined {
    const hash = hashToken(token)
    const s = this.sessions.get(hash)
    if (s === undefined) return undefined
    // An expired session leaves memory here and the file at its next write.
    if (expired(s, now)) {
      this.sessions.delete(hash)
      return undefined
    }
    const { tokenHash: _hash, ...who } = s
    return { ...who, token, staffId: s.staffId as StaffId | null, counterId: s.counterId as CounterId | null }
  }

  /** Signs a session out at once (its live channel is closed: `onEnd`), then from the file. */
  async delete(token: string, now: number): Promise<void> {
    if (!this.sessions.delete(hashToken(token))) return
    for (const listener of this.ended) listener(token)
    await this.save(now)
  }

  /** Told of each session signed out. */
  onEnd(listener: (token: string) => void): () => void {
    this.ended.add(listener)
    return () => this.ended.delete(listener)
  }

  /** Waits for the writes under way (the hub stopping). */
  close(): Promise<void> {
    return this.writing
  }

  /** Writes every session still valid; never throws (a failure is logged, the next write mends it). */
  private save(now: number): Promise<void> {
    const file = this.file
    if (file === null) return this.writing
    const data: SessionsFile = { version: 1, sessions: [...this.sessions.values()].filter((s) => !expired(s, now)) }
    // The file writes in order: its outcomes come in order too.
    this.writing = file.write(data).then(
      () => {
        if (!this.failing) return
        this.failing = false
        this.log.info({ event: 'sessions.keptAgain', file: file.path }, 'The sign-ins are kept again')
      },
      (e: unknown) => {
        if (this.failing) return
        this.failing = true
        logWarning(
          this.log,
          'error',
          'sessions.notKept',
          { file: file.path, error: errorText(e), err: e },
          `The sign-ins could not be kept (${errorText(e)}); a restart now would sign out whoever signed in since, or bring back whoever signed out (said once, until they can be kept again)`,
        )
      },
    )
    return this.writing
  }
}

function check(path: string, value: unknown): void {
  const problems = schemaProblems(SessionsFileSchema, value)
  if (problems.length > 0)
    throw new JsonFileError(path, `does not hold sign-ins (${problemLines(problems).slice(0, 5).join('; ')})`)
}

function expired(s: StoredSession, now: number): boolean {
  return s.expiresAt !== null && s.expiresAt <= now
}
