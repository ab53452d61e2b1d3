import { readFile } from 'node:fs/promises'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useWhatIf } from '../../../renderer/src/composables/manager/report/useWhatIf'
import { i18n } from '../../../renderer/src/i18n'
import { useSessionStore } from '../../../renderer/src/stores/session'
import { DEMO_MANAGER } from '../../../hub/config/demoBranchFile'
import { HubFixture } from '../../hub/support/hubFixture'
import { asPage, leavePage, mountComposable } from './support/page'

/** The manager's what-if editor against a hub whose simulator may take 1 ms: any real day is too slow. */
describe('useWhatIf on a scenario over the time limit', () => {
  let f: HubFixture
  let unmount: () => void = () => undefined
  beforeEach(async () => {
    f = await HubFixture.start({ simulator: { limitMs: 1 } })
    asPage(f.url)
    const pinia = createPinia()
    setActivePinia(pinia)
    const session = useSessionStore()
    session.load('manager')
    await session.signIn(DEMO_MANAGER.id, DEMO_MANAGER.pin, null)
  })
  afterEach(async () => {
    unmount()
    i18n.global.locale.value = 'zh-CN'
    leavePage()
    await f.stop()
  })

  it.each([
    ['zh-CN', '模拟超时:这一天的客户太多,本机在限定时间内算不完。请缩短营业时间或减少每小时到达的客户,再试一次。'],
    [
      'en',
      'The simulation took too long: this day has more customers than this PC can simulate in the time allowed. Shorten the opening hours or reduce the customers arriving per hour, and run it again.',
    ],
  ] as const)('says in %s what to change, not a list of the scenario’s problems', async (language, words) => {
    i18n.global.locale.value = language
    const mounted = mountComposable(() => useWhatIf(), [i18n])
    unmount = mounted.unmount
    const editor = mounted.result
    editor.text.value = await readFile('docs/scenarios/lunch-peak.json', 'utf8')
    await editor.run()
    expect(editor.problems.value).toEqual([])
    expect(editor.failure.value).toBe(words)
  })
})
