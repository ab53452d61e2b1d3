import { expect, test } from '@playwright/test'
import type { BookingView, CheckInReceipt } from '../../shared/api/appointmentRoutes'
import { Lobby } from './support/lobby'
import { nextDemoOpenDay } from './support/openDay'

/**
 * The manager's day of bookings and the lobby display's booked tag, against a real hub whose
 * clock reads 10:00 (Beijing) on the next day the branch opens: a customer booked for 10:30 checks in at the kiosk and is
 * called at counter 6; another, booked for 11:30, has not come yet.
 */

const OFFSET = 8 * 3600_000
const openDay = nextDemoOpenDay()
const TEN_AM = Date.parse(`${openDay}T10:00:00Z`) - OFFSET
const ahead = TEN_AM - Date.now()

const WORDS = {
  'zh-CN': {
    tab: '今日预约',
    onTime: '已按时签到',
    upcoming: '待签到',
    service: '理财与证券',
    countsLabel: '预约统计',
    booked: '预约客户',
    bookedSub: 'Booked',
  },
  en: {
    tab: 'Bookings',
    onTime: 'Checked in on time',
    upcoming: 'Not checked in yet',
    service: 'Wealth and securities',
    countsLabel: 'Bookings by outcome',
    booked: 'Booked',
    bookedSub: '预约客户',
  },
} as const

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]

  test.describe(`bookings of the day (${language})`, () => {
    let lobby: Lobby
    test.beforeEach(async () => {
      lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead } })
    })
    test.afterEach(async () => {
      await lobby.stop()
    })

    test('the display tags the booked customer’s call, and the manager sees the day’s bookings and punctuality', async ({
      browser,
    }) => {
      const kiosk = await lobby.pair('kiosk')
      const display = await lobby.pair('display')
      const book = (time: string) =>
        lobby.api<BookingView>('POST', '/api/v1/appointments', {
          serviceId: 'wealth',
          day: openDay,
          time,
          language: language,
        })
      const onTime = await book('10:30')
      const later = await book('11:30')
      const checkIn = await lobby.api<CheckInReceipt>(
        'POST',
        `/api/v1/appointments/${onTime.code}/check-in`,
        { language },
        kiosk,
      )
      expect(checkIn.late).toBe(false)

      // The lobby display, in the test's language first.
      const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
      await screen.goto(`${lobby.url}/#/display?token=${display}${language === 'en' ? '&lang=en' : ''}`)
      await expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false')
      const teller = await lobby.signIn('t06', '6666', 'c6')
      await lobby.api('POST', '/api/v1/counters/c6/open', {}, teller)
      await lobby.api('POST', '/api/v1/counters/c6/call-next', {}, teller)
      await expect(screen.getByTestId('now-number')).toHaveText(checkIn.ticket.number)
      const tag = screen.getByTestId('now-booked')
      await expect(tag).toBeVisible()
      await expect(tag).toContainText(w.booked)
      await expect(tag).toContainText(w.bookedSub)
      await screen.screenshot({ path: `test-results/e2e/booked-call-display-${language}.png` })
      await screen.close()

      // The manager's Bookings tab: both bookings, the checked-in one with its number and call.
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
      await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('tab', { name: w.tab }).click()
      const rows = page.getByRole('row')
      const first = rows.filter({ hasText: onTime.code })
      await expect(first).toContainText('10:30')
      await expect(first).toContainText(w.service)
      await expect(first).toContainText(checkIn.ticket.number)
      await expect(first).toContainText(w.onTime)
      await expect(first.getByRole('cell').nth(5)).toHaveText(/^\d{2}:\d{2}$/)
      const second = rows.filter({ hasText: later.code })
      await expect(second).toContainText('11:30')
      await expect(second).toContainText(w.upcoming)
      await expect(second.getByRole('cell').nth(3)).toHaveText('—')
      const counts = page.getByRole('list', { name: w.countsLabel })
      await expect(counts.getByRole('listitem').filter({ hasText: w.onTime })).toContainText('1')
      await expect(counts.getByRole('listitem').filter({ hasText: w.upcoming })).toContainText('1')
      await page.screenshot({ path: `test-results/e2e/bookings-manager-${language}.png` })
      await page.close()
    })
  })
}

test.describe('the booking page over the limit', () => {
  let lobby: Lobby
  test.beforeEach(async () => {
    lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead } }, [], null, {}, undefined, {
      limits: { requestsPerAddressPerMinute: 1000, bookingsPerAddressPerHour: 1, bookingsPerHour: 100 },
    })
  })
  test.afterEach(async () => {
    await lobby.stop()
  })

  for (const [language, words] of [
    [
      'zh-CN',
      {
        lang: '中文',
        service: '业务',
        submit: '预约',
        another: '再预约一次',
        refused: '此网络一小时内的预约次数已达上限,请稍后再试,或到网点咨询。',
      },
    ],
    [
      'en',
      {
        lang: 'English',
        service: 'Service',
        submit: 'Book',
        another: 'Book another',
        refused:
          'This network has made as many bookings as the branch takes in an hour; please try again later, or ask at the branch.',
      },
    ],
  ] as const) {
    test(`says in the customer’s language that the hour’s bookings are used up, and books nothing (${language})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      const bookAt = async (time: string) => {
        await page.goto(`${lobby.url}/#/book`)
        await page.reload()
        await page.getByRole('button', { name: words.lang }).click()
        await page.getByRole('combobox', { name: words.service }).selectOption('wealth')
        await page.getByRole('radio', { name: time }).check()
        await page.getByRole('button', { name: words.submit, exact: true }).click()
      }
      await bookAt('10:30')
      await expect(page.getByTestId('booking-code')).toBeVisible()
      await bookAt('11:00')
      await expect(page.getByTestId('book-error')).toHaveText(words.refused)
      const slots = await lobby.api<{ slots: { time: string; taken: number }[] }>(
        'GET',
        `/api/v1/appointments/slots?serviceId=wealth&day=${openDay}`,
      )
      expect(slots.slots.reduce((n, s) => n + s.taken, 0)).toBe(1)
      await page.screenshot({ path: `test-results/e2e/booking-limited-${language}.png` })
    })
  }
})
