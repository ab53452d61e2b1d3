import type { Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Language } from '../../../shared/domain/text'
import { say } from '../../../shared/i18n/catalogue'
import { i18n } from '../../../renderer/src/i18n'
import { useCounterDesk } from '../../../renderer/src/composables/counter/useCounterDesk'
import { useCallAnnouncer } from '../../../renderer/src/composables/display/useCallAnnouncer'
import type { Chime, SpeechEngine } from '../../../renderer/src/logic/display/soundEngines'
import { useQueueStore } from '../../../renderer/src/stores/queue'
import type { HubFixture } from '../../hub/support/hubFixture'
import { leavePage, mountComposable, until } from './support/page'
import { tellerPage } from './support/tellerPage'

/** The lobby's voice as the display runs it, against a real hub: what it says for a call. */
describe('useCallAnnouncer', () => {
  let f: HubFixture
  let pinia: Pinia
  let kiosk: string
  const spoken: { text: string; lang: Language }[] = []
  const speech: SpeechEngine = {
    speak: async (text, lang) => {
      spoken.push({ text, lang })
      return 'spoken'
    },
    cancel: () => {},
  }
  const chime: Chime = { play: async () => 'played', unlock: async () => true, close: () => {} }
  const unmounts: (() => void)[] = []

  beforeEach(async () => {
    spoken.length = 0
    ;({ f, kiosk, pinia } = await tellerPage())
  })
  afterEach(async () => {
    for (const u of unmounts.splice(0)) u()
    useQueueStore().disconnect()
    leavePage()
    await f.stop()
  })

  it('says each call in the shared catalogue’s words, Chinese then English', async () => {
    const desk = mountComposable(() => useCounterDesk('c1'), [pinia])
    unmounts.push(desk.unmount)
    const voice = mountComposable(() => useCallAnnouncer({ speech, chime }), [pinia, i18n])
    unmounts.push(voice.unmount)
    expect(await desk.result.open()).not.toBeNull()
    await f.issue(kiosk, 'voice-tap-1')
    await until('the ticket in the call order', () => desk.result.order.value.length === 1)
    await desk.result.callNext()
    await until('both sentences said', () => spoken.length === 2)
    const params = { number: 'A001', counter: 1 }
    expect(spoken).toEqual([
      { text: say('zh-CN', { key: 'call.announce', params }), lang: 'zh-CN' },
      { text: say('en', { key: 'call.announce', params }), lang: 'en' },
    ])
    expect(spoken.map((s) => s.text)).toEqual(['请 A001 号到 1 号窗口', 'Ticket A001, please go to counter 1'])
  })
})
