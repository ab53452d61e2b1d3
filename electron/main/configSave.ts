import type { SaveConfigResult, WindowRoleKind } from '../../shared/desktop/bridge'
import { parseTerminalConfig, parseTerminalConfigDraft } from '../../shared/desktop/parseTerminalConfig'
import type { TerminalConfig } from '../../shared/desktop/terminalConfig'
import { TERMINAL_CONFIG_FORMAT } from '../../shared/desktop/terminalConfigSchema'
import { checkManagerPin } from './managerPin'
import { hashPin } from './pinHash'
import type { PinAttempts } from './pinLockout'

export interface SaveRequest {
  readonly draft: unknown
  readonly managerPin: unknown
  /** The configuration saved now (null on first run or when the file is broken). */
  readonly current: TerminalConfig | null
  /** The format of the file on disk when a newer release wrote it (`newerTerminalFormat`), else null. */
  readonly newerOnDisk: number | null
  readonly senderRole: WindowRoleKind
  readonly attempts: PinAttempts
  readonly now: number
}

export interface SaveDecision {
  readonly result: SaveConfigResult
  readonly attempts: PinAttempts
  /** The configuration to write, when the save is accepted. */
  readonly config?: TerminalConfig
}

/** How long after a save the shell restarts, so the setup screen can say so first. */
export const RESTART_AFTER_SAVE_MS = 1500

/**
 * Decides a save from the setup screen. Only the setup and manager windows may save; a file on
 * disk written by a newer release is never saved over (it keeps what this release cannot read:
 * the person is told to start that release again or move the file aside); once an
 * exit PIN exists, saving needs it (so a customer at a kiosk cannot reconfigure the PC even if
 * they reached the setup route); the draft must be valid; a new exit PIN is hashed here, and an
 * existing one is kept unless replaced.
 *
 * @example
 * (await decideConfigSave({ draft, managerPin: undefined, current: null, newerOnDisk: null,
 *   senderRole: 'setup', attempts: NO_ATTEMPTS, now })).result //=> { ok: true, restartInMs: 1500 }
 */
export async function decideConfigSave(request: SaveRequest): Promise<SaveDecision> {
  const { attempts } = request
  if (request.senderRole !== 'setup' && request.senderRole !== 'manager') {
    return { result: { ok: false, reason: 'notAllowed' }, attempts }
  }
  if (request.newerOnDisk !== null) {
    const readsUpTo = TERMINAL_CONFIG_FORMAT.version
    return { result: { ok: false, reason: 'newerFile', format: request.newerOnDisk, readsUpTo }, attempts }
  }
  const storedPin = request.current?.exitPinHash
  let after = attempts
  if (storedPin !== undefined) {
    if (request.managerPin === undefined) return { result: { ok: false, reason: 'pinRequired' }, attempts }
    const { check, attempts: next } = await checkManagerPin(request.managerPin, storedPin, attempts, request.now)
    if (check.outcome === 'lockedOut') {
      return { result: { ok: false, reason: 'lockedOut', retryInSec: check.retryInSec }, attempts: next }
    }
    if (check.outcome !== 'correct') return { result: { ok: false, reason: 'wrongPin' }, attempts: next }
    after = next
  }
  const draft = parseTerminalConfigDraft(request.draft, storedPin !== undefined)
  if (!draft.ok) return { result: { ok: false, reason: 'invalid', problems: draft.error }, attempts: after }
  const { newExitPin, ...rest } = draft.value
  const exitPinHash = newExitPin === undefined ? storedPin : await hashPin(newExitPin)
  const candidate = {
    version: TERMINAL_CONFIG_FORMAT.version,
    ...rest,
    ...(exitPinHash === undefined ? {} : { exitPinHash }),
  }
  // The draft rules and the file rules are the same rules; checking the result as a file is what
  // guarantees the shell can start from what it is about to write.
  const config = parseTerminalConfig(candidate)
  if (!config.ok) return { result: { ok: false, reason: 'invalid', problems: config.error }, attempts: after }
  return { result: { ok: true, restartInMs: RESTART_AFTER_SAVE_MS }, attempts: after, config: config.value }
}
