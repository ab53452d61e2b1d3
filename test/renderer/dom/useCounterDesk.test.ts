import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useCounterDesk } from '../../../renderer/src/composables/counter/useCounterDesk'
import { deskErrorText } from '../../../renderer/src/format/deskErrorText'
import { i18n } from '../../../renderer/src/i18n'
import { useQueueStore } from '../../../renderer/src/stores/queue'
import type { HubFixture } from '../../hub/support/hubFixture'
import { asPage, garbageServer, leavePage, mountComposable, until } from './support/page'
import { tellerPage } from './support/tellerPage'

/** Counter 1 as its teller works it, against a real hub on loopback and its live channel. */
describe('useCounterDesk', () => {
  let f: HubFixture
  let pinia: Pinia
  let kiosk: string
  let desk: ReturnType<typeof useCounterDesk>
  let unmount: () => void

  beforeEach(async () => {
    ;({ f, kiosk, pinia } = await tellerPage())
    ;({ result: desk, unmount } = mountComposable(() => useCounterDesk('c1'), [pinia]))
  })
  afterEach(async () => {
    unmount()
    useQueueStore().disconnect()
    leavePage()
    await f.stop()
  })

  it('opens the counter, calls, serves and completes a customer, then records the rating', async () => {
    expect(desk.live.value).toBe(true)
    expect(await desk.open()).not.toBeNull()
    expect(desk.counter.value?.status).toBe('idle')
    await f.issue(kiosk, 'desk-tap-1')
    await f.issue(kiosk, 'desk-tap-2')
    await until('both tickets in the call order', () => desk.order.value.length === 2)
    expect(desk.waitingPerService.value).toEqual([{ serviceId: 'personal', n: 2 }])

    const called = await desk.callNext()
    // The screen shows what the live channel folded, never the command's answer alone.
    expect(called?.event.type).toBe('ticketCalled')
    expect(desk.counter.value?.status).toBe('calling')
    expect(desk.ticket.value?.number).toBe('A001')
    expect(desk.order.value.map((t) => t.number)).toEqual(['A002'])

    await desk.start()
    expect(desk.counter.value?.status).toBe('serving')
    expect(desk.clock.value).not.toBeNull()

    await desk.complete()
    expect(desk.toRate.value).toEqual({
      ticketId: called?.event.type === 'ticketCalled' ? called.event.ticketId : '',
      number: 'A001',
    })
    expect(desk.day.value.served).toBe(1)
    await desk.rate(5)
    expect(desk.toRate.value).toBeNull()
    expect(desk.lastRating.value).toEqual({ number: 'A001', score: 5 })
    expect(desk.error.value).toBeNull()
  })

  it('posts the complex-business notice to the lobby and withdraws it', async () => {
    await desk.open()
    await f.issue(kiosk, 'desk-tap-3')
    await until('the ticket', () => desk.order.value.length === 1)
    await desk.callNext()
    await desk.start()
    await desk.toggleExplain()
    expect(desk.explained.value).toBe(true)
    await desk.toggleExplain()
    expect(desk.explained.value).toBe(false)
  })

  describe('error paths', () => {
    it('shows the hub’s refusal by its code and words, and changes nothing', async () => {
      await desk.open()
      const seq = useQueueStore().state?.lastSeq
      expect(await desk.start()).toBeNull()
      expect(desk.error.value).toMatchObject({ kind: 'hub', code: expect.any(String), message: expect.any(String) })
      expect(desk.counter.value?.status).toBe('idle')
      expect(useQueueStore().state?.lastSeq).toBe(seq)
      desk.dismissError()
      expect(desk.error.value).toBeNull()
    })

    it('keeps the desk busy during a command: a second key press does nothing', async () => {
      await desk.open()
      await f.issue(kiosk, 'desk-tap-4')
      await f.issue(kiosk, 'desk-tap-5')
      await until('both tickets', () => desk.order.value.length === 2)
      const [first, second] = await Promise.all([desk.callNext(), desk.callNext()])
      expect(first).not.toBeNull()
      expect(second).toBeNull()
      expect(desk.order.value.map((t) => t.number)).toEqual(['A002'])
    })

    it('says the hub is out of reach when it is down', async () => {
      await desk.open()
      await f.hub.close()
      expect(await desk.pause({ code: 'break', note: '' })).toBeNull()
      expect(desk.error.value).toEqual({ kind: 'unreachable' })
      expect(desk.busy.value).toBe(false)
      await f.restart()
    })

    it('tells a count that is not a whole number from 1 to 99 in the teller’s language, and sends nothing', async () => {
      await desk.open()
      await f.issue(kiosk, 'desk-tap-6')
      await until('the ticket', () => desk.order.value.length === 1)
      await desk.callNext()
      await desk.start()
      const seq = useQueueStore().state?.lastSeq
      i18n.global.locale.value = 'zh-CN'
      // An emptied number field gives '' to v-model.number.
      for (const typed of [99999, 0, -1, 1.5, '' as unknown as number]) {
        desk.addQuantity.value = typed
        expect(await desk.addTransaction()).toBeNull()
        expect(desk.error.value).toEqual({ kind: 'quantity' })
        expect(deskErrorText(i18n.global.t, desk.error.value)).toBe('笔数须为 1 至 99 的整数,请更正后再办理。')
      }
      expect(useQueueStore().state?.lastSeq).toBe(seq)
      desk.addQuantity.value = 2
      expect(await desk.addTransaction()).not.toBeNull()
      expect(desk.error.value).toBeNull()
    })

    it('does nothing for keys that need a customer when there is none', async () => {
      await desk.open()
      expect(await desk.complete()).toBeNull()
      expect(await desk.transfer(null, null)).toBeNull()
      expect(await desk.rate(5)).toBeNull()
      expect(desk.error.value).toBeNull()
    })
  })
})

describe('useCounterDesk against a server that answers garbage', () => {
  it('tells a malformed answer apart from a hub out of reach (the command may have been done)', async () => {
    const server = await garbageServer(JSON.stringify({ event: { type: 'counterOpened' } }))
    asPage(server.url)
    const pinia = createPinia()
    setActivePinia(pinia)
    const { result: desk, unmount } = mountComposable(() => useCounterDesk('c1'), [pinia])
    try {
      expect(await desk.open()).toBeNull()
      expect(desk.error.value).toMatchObject({ kind: 'hub', code: 'malformedAnswer' })
      expect(desk.error.value?.kind === 'hub' && desk.error.value.message).toMatch(/answer to openCounter/)
    } finally {
      unmount()
      leavePage()
      await server.close()
    }
  })
})
