import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionView } from '../../../shared/api/views'
import { storedSession } from '../api/parseOutside'
import { makeClient } from '../api/hub'

/** Which screen a token belongs to: one browser can be a kiosk in one tab and a counter in another. */
export type Seat = 'kiosk' | 'display' | 'counter' | 'manager'

const key = (seat: Seat) => `branch-lobby:session:${seat}`

/**
 * Who this screen is to the hub: a paired terminal (kiosk, display) or a signed-in teller or
 * manager. Kept in localStorage per seat, so a reload or a hub restart does not unpair a kiosk.
 */
export const useSessionStore = defineStore('session', () => {
  const seat = ref<Seat>('kiosk')
  const session = ref<SessionView | null>(null)
  const token = computed(() => session.value?.token ?? null)
  const client = makeClient(() => token.value)

  function load(s: Seat): void {
    seat.value = s
    session.value = storedSession(localStorage.getItem(key(s)))
    // A stored session that is not one (damaged, or from another version) is forgotten: the
    // screen asks to pair or sign in again rather than sending the hub a broken token.
    if (session.value === null) localStorage.removeItem(key(s))
  }

  function keep(s: SessionView | null): void {
    session.value = s
    if (s === null) localStorage.removeItem(key(seat.value))
    else localStorage.setItem(key(seat.value), JSON.stringify(s))
  }

  /** A device token handed over directly (by the Electron shell or a demo link). */
  async function adoptToken(deviceToken: string): Promise<void> {
    const probe = makeClient(() => deviceToken)
    keep(await probe.call('currentSession', {}))
  }

  async function pair(code: string): Promise<void> {
    keep(await client.call('pair', { body: { code } }))
  }

  async function signIn(staffId: string, pin: string, counterId: string | null): Promise<void> {
    keep(await client.call('signIn', { body: { staffId: staffId as never, pin, counterId: counterId as never } }))
  }

  async function signOut(): Promise<void> {
    try {
      await client.call('signOut', {})
    } finally {
      keep(null)
    }
  }

  /** The hub refused the token (revoked, expired, hub data reset): forget it. */
  function forget(): void {
    keep(null)
  }

  return { seat, session, token, client, load, adoptToken, pair, signIn, signOut, forget }
})
