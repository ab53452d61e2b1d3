import { shallowRef, type Ref } from 'vue'
import type { HubStatusView } from '../../../../shared/api/health'
import { useSessionStore } from '../../stores/session'
import { useWhileActive } from '../useWhileActive'

/** How often the manager's screen reads the hub's health again. */
const REFRESH_MS = 15_000

/**
 * The hub's own health for the manager: whether phones can reach it (the QR codes), its
 * encryption, what did not start and stands until a person acts, and its recent warnings. Read while `active` (a manager is signed in), again every 15 s. A failed read
 * keeps the last answer: the connection banner already says when the hub cannot be reached.
 */
export function useHubStatus(active: Ref<boolean>) {
  const session = useSessionStore()
  const status = shallowRef<HubStatusView | null>(null)

  async function load(): Promise<void> {
    try {
      status.value = await session.client.call('hubStatus', {})
    } catch {
      // Kept as it was; see above.
    }
  }

  useWhileActive(active, load, REFRESH_MS)
  return { status, load }
}
