import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import type { ServiceConfig } from '../../../shared/domain/branch'
import type { QueueSnapshot } from '../../../shared/api/views'
import { TICKET_UNPRINTED_MS, useKioskFlow } from '../../../renderer/src/composables/useKioskFlow'
import { customerErrorText } from '../../../renderer/src/format/customerErrorText'
import { i18n } from '../../../renderer/src/i18n'
import { useBranchStore } from '../../../renderer/src/stores/branch'
import { useSessionStore } from '../../../renderer/src/stores/session'
import { HubFixture } from '../../hub/support/hubFixture'
import { asPage, garbageServer, leavePage, mountComposable, until } from './support/page'

/** The kiosk's flow as the kiosk screen runs it, against a real hub on loopback. */
describe('useKioskFlow', () => {
  let f: HubFixture
  let pinia: Pinia
  let manager: string
  let services: readonly ServiceConfig[]
  let flow: ReturnType<typeof useKioskFlow>
  let unmount: () => void
  let language = 'en'
  /** The live channel's state, as the kiosk screen passes it. */
  const online = ref(true)

  beforeEach(async () => {
    f = await HubFixture.start()
    manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    asPage(f.url)
    pinia = createPinia()
    setActivePinia(pinia)
    await useSessionStore().adoptToken(kiosk)
    services = (await useBranchStore().load()).branch.services
    language = 'en'
    online.value = true
    ;({ result: flow, unmount } = mountComposable(
      () =>
        useKioskFlow(
          () => language,
          () => online.value,
        ),
      [pinia],
    ))
  })
  afterEach(async () => {
    unmount()
    leavePage()
    await f.stop()
  })

  const service = (selfService: boolean) => services.find((s) => s.selfServiceCapable === selfService) as ServiceConfig
  const openTickets = async () =>
    (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state.open.map((t) => t.number)

  it('issues one ticket for a tap and shows its receipt until the screen resets itself', async () => {
    const s = service(false)
    const before = Date.now()
    flow.choose(s)
    expect(flow.step.value.kind).toBe('issuing')
    await until('the receipt', () => flow.step.value.kind === 'ticket')
    const step = flow.step.value
    if (step.kind !== 'ticket') throw new Error('no receipt')
    expect(step.receipt).toMatchObject({ serviceId: s.id, language: 'en', print: { kind: 'noPrinter' } })
    expect(await openTickets()).toEqual([step.receipt.number])
    // No printer: the ticket stays longer, so the customer can note the number.
    expect(flow.resetsAt.value).toBeGreaterThanOrEqual(before + TICKET_UNPRINTED_MS)
    expect(flow.error.value).toBeNull()
  })

  it('ignores a second tap while the first ticket is being issued', async () => {
    const s = service(false)
    flow.choose(s)
    flow.choose(s)
    await until('the receipt', () => flow.step.value.kind === 'ticket')
    expect(await openTickets()).toHaveLength(1)
  })

  it('suggests self-service first, and issues a ticket when the customer still wants one', async () => {
    const s = service(true)
    flow.choose(s)
    expect(flow.step.value).toEqual({ kind: 'selfService', service: s })
    expect(flow.resetsAt.value).not.toBeNull()
    expect(await openTickets()).toEqual([])
    flow.choose(s, true)
    await until('the receipt', () => flow.step.value.kind === 'ticket')
    expect(await openTickets()).toHaveLength(1)
  })

  it('takes the customer’s language and declared priority to the hub', async () => {
    language = 'zh-CN'
    flow.priorityClassId.value = 'care'
    flow.choose(service(true))
    // A priority customer is not sent to the self-service machines.
    await until('the receipt', () => flow.step.value.kind === 'ticket')
    const step = flow.step.value
    if (step.kind !== 'ticket') throw new Error('no receipt')
    expect(step.receipt.language).toBe('zh-CN')
    expect(step.receipt.priorityClassId ?? step.receipt.priorityClaim).toBe('care')
  })

  it('goes back to the menu in Chinese, forgetting the customer’s choices', async () => {
    flow.priorityClassId.value = 'care'
    flow.choose(service(true))
    flow.reset()
    expect(flow.step.value).toEqual({ kind: 'menu' })
    expect(flow.priorityClassId.value).toBeNull()
    expect(flow.resetsAt.value).toBeNull()
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  describe('error paths', () => {
    it('shows the hub’s refusal and returns to the menu, with no ticket issued', async () => {
      flow.choose({ ...service(false), id: 'mortgages' as ServiceConfig['id'] })
      await until('the refusal', () => flow.step.value.kind === 'menu')
      expect(flow.error.value).toMatch(/mortgages/)
      expect(flow.step.value).toEqual({ kind: 'menu' })
      expect(await openTickets()).toEqual([])
    })

    it('says the hub cannot be reached when it is down, after one retry', async () => {
      await f.hub.close()
      flow.choose(service(false))
      await until('the error', () => flow.error.value !== null)
      expect(flow.error.value).toMatch(/^The hub cannot be reached/)
      // The customer reads it in their language, with what to do; never the hub's English.
      i18n.global.locale.value = 'zh-CN'
      expect(customerErrorText(i18n.global.t, flow.failure.value)).toBe(
        '暂时无法连接网点服务器。请稍后再试,或咨询工作人员。',
      )
      expect(flow.step.value).toEqual({ kind: 'menu' })
      await f.restart()
    })

    it('takes "cannot be reached" off the screen once the kiosk is back online, and nothing else', async () => {
      // A refusal is the hub's answer: the kiosk going offline and back does not make it untrue.
      flow.choose({ ...service(false), id: 'mortgages' as ServiceConfig['id'] })
      await until('the refusal', () => flow.error.value !== null)
      online.value = false
      await nextTick()
      online.value = true
      await nextTick()
      expect(flow.error.value).toMatch(/mortgages/)

      await f.hub.close()
      online.value = false
      flow.choose(service(false))
      await until('the error', () => flow.error.value?.startsWith('The hub cannot be reached') === true)
      // The live channel is back (the screen's banner says so): the tap's error no longer holds.
      online.value = true
      await until('the error gone', () => flow.error.value === null)
      expect(flow.failure.value).toBeNull()
      await f.restart()
    })
  })
})

describe('useKioskFlow against a server that answers garbage', () => {
  /** A tap at a kiosk whose hub answers `body` with `status`; what the flow shows, and how often it asked. */
  async function tapAgainst(body: unknown, status: number): Promise<{ error: string | null; requests: number }> {
    const server = await garbageServer(JSON.stringify(body), status)
    asPage(server.url)
    const pinia = createPinia()
    setActivePinia(pinia)
    const { result: flow, unmount } = mountComposable(() => useKioskFlow(() => 'en'), [pinia])
    try {
      flow.choose({ id: 'personal', selfServiceCapable: false } as ServiceConfig)
      await until('the menu again', () => flow.step.value.kind === 'menu')
      return { error: flow.error.value, requests: server.requests() }
    } finally {
      unmount()
      leavePage()
      await server.close()
    }
  }

  it('shows that the answer was not a ticket, never a receipt, and does not tap again', async () => {
    const { error, requests } = await tapAgainst({ number: 'A001' }, 200)
    expect(error).toMatch(/^The hub's answer to issueTicket is not what this screen expects: /)
    expect(requests).toBe(1)
  })

  it('does not send a refused tap again', async () => {
    const refusal = { statusCode: 409, error: 'Conflict', code: 'dayClosed', message: 'The branch is closed for today' }
    expect(await tapAgainst(refusal, 409)).toEqual({ error: 'The branch is closed for today', requests: 1 })
  })
})
