import { expect, test } from '@playwright/test'
import type { BookingView } from '../../shared/api/appointmentRoutes'
import type { TicketReceipt } from '../../shared/api/views'
import { Lobby } from './support/lobby'

/**
 * The manager closes the business day at 07:53, before the demo branch's doors open at 09:00
 * (a teller had opened counter 1 early, as the README invites): what the kiosk, a customer the
 * close left unserved, and a customer booked for later that day are told (audit37 F8–F10).
 */

/** Monday 2026-12-07 in Beijing at hour:minute, ticking in real time from the test's start. */
const started = Date.now()
const beijing = (hour: number, minute = 0) => {
  const at = Date.UTC(2026, 11, 7, hour - 8, minute)
  return { now: () => at + (Date.now() - started) }
}

const WORDS = {
  'zh-CN': {
    ended: '今日营业已结束',
    opensToday: '今天 09:00',
    opensTomorrow: '明天 09:00 开门营业',
    headline: '今日营业已结束,您的业务未能办理',
    done: '业务已办结',
    advice: '请在下次营业时重新取号,或预约到店时间。',
    booking: '网点已结束当天营业,此预约未能办理',
    another: '再预约一次',
  },
  en: {
    ended: 'We are closed for today',
    opensToday: 'today at 09:00',
    opensTomorrow: 'We open tomorrow at 09:00',
    headline: 'Not served: the branch has closed for the day',
    done: 'Done. Thank you',
    advice: 'Please take a new ticket when we open, or book a time to come in.',
    booking: 'Not served: the branch closed for the day',
    another: 'Book another',
  },
} as const

let lobby: Lobby
test.afterEach(async () => {
  await lobby.stop()
})

for (const language of ['zh-CN', 'en'] as const) {
  test(`says plainly what an early close means to the kiosk, a dropped ticket and today's bookings (${language})`, async ({
    browser,
  }) => {
    const w = WORDS[language]
    lobby = await Lobby.start({ clock: beijing(7, 53) })
    const kiosk = await lobby.pair('kiosk')
    const teller = await lobby.signIn('t01', '1111', 'c1')
    await lobby.api('POST', '/api/v1/counters/c1/open', {}, teller)
    const ticket = await lobby.api<TicketReceipt>(
      'POST',
      '/api/v1/tickets',
      { serviceId: 'personal', priorityClassId: null, language, appointmentAt: null, idempotencyKey: 'early-close' },
      kiosk,
    )
    const booking = await lobby.api<BookingView>('POST', '/api/v1/appointments', {
      serviceId: 'personal',
      day: '2026-12-07',
      time: '10:00',
      language,
    })
    await lobby.api('POST', '/api/v1/day/close', {}, await lobby.manager())

    // F9: the kiosk names the next business day's opening, never "today at 09:00".
    const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } })
    await kioskPage.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    if (language === 'en') await kioskPage.getByRole('button', { name: 'English' }).click()
    const shut = kioskPage.getByTestId('kiosk-shut')
    await expect(shut).toContainText(w.ended)
    await expect(shut).toContainText(w.opensTomorrow)
    await expect(shut).not.toContainText(w.opensToday)
    await kioskPage.screenshot({ path: test.info().outputPath(`kiosk-closed-early-${language}.png`) })

    const locale = language === 'en' ? 'en-US' : 'zh-CN'
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale,
      isMobile: true,
      hasTouch: true,
    })
    // F8: the dropped customer is told the branch closed, when it opens, and what to do.
    await phone.goto(`${lobby.url}${ticket.statusPath}`)
    await expect(phone.getByTestId('status-headline')).toHaveText(w.headline)
    await expect(phone.getByTestId('status-headline')).not.toContainText(w.done)
    const closed = phone.getByTestId('closed-unserved')
    await expect(closed).toContainText(w.opensTomorrow)
    await expect(closed).toContainText(w.advice)
    await phone.screenshot({ path: test.info().outputPath(`status-closed-early-${language}.png`) })

    // F10: the booking for later today says what happened, and booking again offers no slot today.
    await phone.goto(`${lobby.url}/#/book/${booking.code}`)
    await expect(phone.getByTestId('booking-status')).toHaveText(w.booking)
    await expect(phone.getByTestId('booking-day-closed')).toBeVisible()
    await phone.screenshot({ path: test.info().outputPath(`booking-closed-early-${language}.png`) })
    await phone.getByRole('link', { name: w.another }).click()
    const days = phone.locator('select').nth(1).locator('option')
    await expect(days.first()).toHaveText('2026-12-08')
    await expect(phone.locator('option', { hasText: '2026-12-07' })).toHaveCount(0)
    await phone.screenshot({ path: test.info().outputPath(`book-after-close-${language}.png`) })
  })
}
