import { ref, shallowRef, type Ref } from 'vue'
import type { PairedTerminalView } from '../../../../shared/api/views'
import { useQueueStore } from '../../stores/queue'
import { useSessionStore } from '../../stores/session'
import { useWhileActive } from '../useWhileActive'
import type { ManagerActions, Outcome } from './useManagerActions'

export type TerminalRole = 'kiosk' | 'display'

/** A pairing code just created, with what it is for. */
export interface PairingCode {
  readonly code: string
  readonly expiresAt: number
  readonly role: TerminalRole
  readonly name: string
  /** Hub time when it was made: a terminal of that name paired after it used this code. */
  readonly createdAt: number
}

/** The list is re-read this often while the devices section is open (a code may be used). */
const REFRESH_MS = 5000

/**
 * Pairing kiosks and displays: create a one-time code, list the paired terminals, revoke one.
 * The list is read again every few seconds while `active` (the section is on screen), so the
 * manager sees the new terminal appear once its code is entered.
 */
export function usePairing(actions: ManagerActions, active: Ref<boolean>) {
  const session = useSessionStore()
  const queue = useQueueStore()
  const terminals = shallowRef<readonly PairedTerminalView[]>([])
  const code = shallowRef<PairingCode | null>(null)
  const loadError = ref<string | null>(null)

  async function load(): Promise<void> {
    try {
      const answer = await session.client.call('pairedTerminals', {})
      // Active terminals first, the newest pairing first within each group.
      terminals.value = [...answer.terminals].sort(
        (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.pairedAt - a.pairedAt,
      )
      loadError.value = null
    } catch (e) {
      loadError.value = actions.failureText(e)
    }
  }

  async function create(role: TerminalRole, name: string): Promise<Outcome> {
    const createdAt = queue.hubNow()
    const outcome = await actions.run(() => session.client.call('createPairingCode', { body: { role, name } }), null)
    if (outcome.ok) code.value = { ...outcome.value, role, name, createdAt }
    return outcome
  }

  async function revoke(t: PairedTerminalView, done: string): Promise<Outcome> {
    const outcome = await actions.run(
      () => session.client.call('revokeTerminal', { params: { terminalId: t.id } }),
      done,
    )
    await load()
    return outcome
  }

  /** The terminal that used the current code, once it appears in the list. */
  function pairedWithCode(): PairedTerminalView | undefined {
    const c = code.value
    if (c === null) return undefined
    return terminals.value.find((t) => t.name === c.name && t.role === c.role && t.pairedAt >= c.createdAt - 5000)
  }

  useWhileActive(active, load, REFRESH_MS)

  return { terminals, code, loadError, load, create, revoke, pairedWithCode }
}
