import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { DEMO_STAFF } from '../../../../hub/config/demoBranchFile'
import { useBranchStore } from '../../../../renderer/src/stores/branch'
import { useQueueStore } from '../../../../renderer/src/stores/queue'
import { useSessionStore } from '../../../../renderer/src/stores/session'
import { HubFixture } from '../../../hub/support/hubFixture'
import { asPage, until } from './page'

/**
 * A real hub with a paired kiosk, and this page as counter `c1`'s screen: the first demo teller
 * signed in, the branch loaded and the live queue folded.
 */
export async function tellerPage(): Promise<{ f: HubFixture; kiosk: string; pinia: Pinia }> {
  const f = await HubFixture.start()
  const kiosk = await f.pair('kiosk', await f.manager())
  asPage(f.url)
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.load('counter')
  const teller = DEMO_STAFF[0]
  await session.signIn(teller.id, teller.pin, 'c1')
  await useBranchStore().load()
  const queue = useQueueStore()
  queue.connect(() => session.token)
  await until('the live queue', () => queue.state !== null)
  return { f, kiosk, pinia }
}
