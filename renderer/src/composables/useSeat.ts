import { onBeforeUnmount, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ApiFailure } from '../api/apiClient'
import { useBranchStore } from '../stores/branch'
import { useQueueStore } from '../stores/queue'
import { useSessionStore, type Seat } from '../stores/session'
import { useStaffStore } from '../stores/staff'
import { errorText } from '../../../shared/util/errorText'

/**
 * Makes this screen a terminal of the hub: loads its saved session (or a device token from the
 * Electron shell or a demo link), checks it with the hub, loads the branch, and opens the live
 * channel. `ready` turns true once the screen can render; `needsAuth` asks for pairing/sign-in.
 */
export function useSeat(seat: Seat) {
  const session = useSessionStore()
  const branch = useBranchStore()
  const queue = useQueueStore()
  const staff = useStaffStore()
  const route = useRoute()
  const router = useRouter()
  const ready = ref(false)
  const needsAuth = ref(false)
  const loadError = ref<string | null>(null)

  async function start(): Promise<void> {
    session.load(seat)
    try {
      const fromLink = typeof route.query.token === 'string' ? route.query.token : null
      const fromShell = fromLink === null ? ((await window.branchLobby?.getTerminalInfo())?.deviceToken ?? null) : null
      const handed = fromLink ?? fromShell
      if (handed !== null && handed !== session.token) await session.adoptToken(handed)
      if (fromLink !== null) {
        // Keep the token out of the address bar (and out of screenshots) once it is saved.
        const { token: _dropped, ...rest } = route.query
        await router.replace({ query: rest })
      }
      await branch.load()
      if (session.token !== null) {
        try {
          await session.client.call('currentSession', {})
        } catch (e) {
          if (e instanceof ApiFailure && e.error.statusCode === 401) session.forget()
          else throw e
        }
      }
      loadError.value = null
    } catch (e) {
      loadError.value = errorText(e)
    }
    needsAuth.value = session.token === null
    if (!needsAuth.value) connect()
    ready.value = branch.info !== null
  }

  function connect(): void {
    queue.connect(() => session.token)
    const role = session.session?.role
    // Names for the ids in the queue; a screen without them still works, showing ids.
    if (role === 'teller' || role === 'manager') void staff.load(session.client).catch(() => undefined)
  }

  /** After pairing or sign-in. */
  function authenticated(): void {
    needsAuth.value = false
    connect()
  }

  async function signOut(): Promise<void> {
    queue.disconnect()
    await session.signOut()
    needsAuth.value = true
  }

  // The hub forgot this session (a restart ends staff sessions) or revoked the terminal: ask
  // for sign-in or pairing again instead of retrying a dead token forever.
  watch(
    () => queue.refused,
    (code) => {
      if (code !== 'unauthenticated') return
      queue.disconnect()
      session.forget()
      needsAuth.value = true
    },
  )
  // Back online after a break: the hub may have restarted with an edited configuration.
  watch(
    () => queue.status,
    (s, before) => {
      if (s === 'online' && before === 'offline') void branch.load().catch(() => undefined)
    },
  )

  onBeforeUnmount(() => queue.disconnect())
  void start()
  return { ready, needsAuth, loadError, authenticated, signOut, retry: start }
}
