import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../../../renderer/src/api/apiClient'
import { customerErrorText } from '../../../renderer/src/format/customerErrorText'
import { i18n } from '../../../renderer/src/i18n'
import { isBookingCode, normaliseCode } from '../../../shared/appointments/booking'
import { counterId, serviceId } from '../../../shared/domain/ids'
import { HubFixture } from '../../hub/support/hubFixture'

/** What the hub threw at a customer's request, as the kiosk's client hands it on. */
async function thrown(call: Promise<unknown>): Promise<unknown> {
  try {
    await call
  } catch (e) {
    return e
  }
  throw new Error('the call did not fail')
}

/** The words a customer reads, in both languages. */
function words(e: unknown): { zh: string; en: string } {
  const say = (language: 'zh-CN' | 'en') => {
    i18n.global.locale.value = language
    return customerErrorText(i18n.global.t, e)
  }
  return { zh: say('zh-CN'), en: say('en') }
}

describe('customerErrorText against a real hub', () => {
  let f: HubFixture
  let kiosk: ApiClient
  beforeAll(async () => {
    f = await HubFixture.start()
    const token = await f.pair('kiosk', await f.manager())
    kiosk = new ApiClient(f.url, () => token)
  })
  afterAll(async () => {
    i18n.global.locale.value = 'zh-CN'
    await f.stop()
  })

  it('words an unknown booking code in the customer’s language, never the hub’s English', async () => {
    const e = await thrown(kiosk.call('checkIn', { params: { code: 'ABCDEFGH' }, body: { language: 'zh-CN' } }))
    const { zh, en } = words(e)
    expect(zh).toBe('没有找到这个预约码。请核对预约页面上的预约码,或咨询工作人员。')
    expect(en).toMatch(/^No booking has this code\. Please check/)
    expect(zh).not.toMatch(/appointment/i)
  })

  it('words a request the hub found malformed without its schema text', async () => {
    const e = await thrown(kiosk.call('checkIn', { params: { code: '123456' }, body: { language: 'zh-CN' } }))
    const { zh, en } = words(e)
    expect(zh).toBe('输入的内容有误,请核对后再试。')
    expect(en).not.toMatch(/pattern|params/)
  })

  it('says the branch server cannot be reached, and what to do, when the hub is down', async () => {
    const gone = new ApiClient('http://127.0.0.1:9', () => null, 2000)
    const { zh, en } = words(await thrown(gone.call('appointmentInfo', {})))
    expect(zh).toBe('暂时无法连接网点服务器。请稍后再试,或咨询工作人员。')
    expect(en).not.toMatch(/hub|fetch/i)
  })

  it('says a missed call is too long ago to re-join, and to ask staff', async () => {
    const issued = await kiosk.call('issueTicket', {
      body: {
        serviceId: serviceId('wealth'),
        priorityClassId: null,
        language: 'zh-CN',
        appointmentAt: null,
        idempotencyKey: 'grace-words-1',
      },
    })
    const token = await f.teller(5)
    const teller = new ApiClient(f.url, () => token)
    await teller.call('openCounter', { params: { counterId: counterId('c5') }, body: {} })
    await f.missCall('c5', token)
    f.clock.advance(31 * 60)
    const e = await thrown(kiosk.call('rejoinTicket', { params: { ticketId: issued.ticketId }, body: {} }))
    const { zh, en } = words(e)
    expect(zh).toBe('您的号码过号已久,无法重新排队。请咨询工作人员。')
    expect(en).toMatch(/too long ago to re-join/)
  })

  it('asks the customer to see staff for a refusal it has no words for', () => {
    expect(words(new Error('boom')).zh).toBe('未能办理。请咨询工作人员。')
  })
})

describe('isBookingCode', () => {
  it('takes a code of the booking alphabet and length, as typed or read aloud', () => {
    expect(isBookingCode(normaliseCode(' k7m2-9qxa '))).toBe(true)
  })

  describe('edge cases', () => {
    it('refuses a short code, a long one, and characters left out of the alphabet', () => {
      expect(isBookingCode('123456')).toBe(false)
      expect(isBookingCode('K7M29QXAB')).toBe(false)
      expect(isBookingCode('K7M29QX0')).toBe(false)
      expect(isBookingCode('')).toBe(false)
    })
  })
})
