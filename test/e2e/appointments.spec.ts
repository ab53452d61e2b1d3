import { expect, test, type Page } from '@playwright/test'
import type { BookingView } from '../../shared/api/appointmentRoutes'
import { Lobby } from './support/lobby'
import { nextDemoOpenDay } from './support/openDay'

/**
 * Booking on a phone and checking in at the kiosk, against a real hub whose clock reads 10:00
 * (Beijing) on the next day the demo branch opens (`nextDemoOpenDay`), so that day's 10:30 slot is bookable and open for check-in (30 min early).
 */

const OFFSET = 8 * 3600_000
const openDay = nextDemoOpenDay()
const TEN_AM = Date.parse(`${openDay}T10:00:00Z`) - OFFSET
const ahead = TEN_AM - Date.now()

let lobby: Lobby
let kiosk: string
let manager: string
test.beforeAll(async () => {
  lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead } })
  kiosk = await lobby.pair('kiosk')
  manager = await lobby.manager()
})
test.afterAll(async () => {
  await lobby.stop()
})

const WORDS = {
  zh: {
    lang: '中文',
    service: '业务',
    day: '日期',
    submit: '预约',
    booked: '预约成功',
    move: '改约到所选时段',
    moved: '已改约。',
    open: '我有预约码',
    code: '预约码',
    checkIn: '签到',
    onTime: /签到成功。您的号码:C\d{3},到预约时间将优先叫号。/,
    upcoming: '待签到',
  },
  en: {
    lang: 'English',
    service: 'Service',
    day: 'Day',
    submit: 'Book',
    booked: 'Booked',
    move: 'Move to the chosen time',
    moved: 'Moved.',
    open: 'I have a booking code',
    code: 'Booking code',
    checkIn: 'Check in',
    onTime: /Checked in\. Your number: C\d{3}; you will be called first at your time\./,
    upcoming: 'Not checked in yet',
  },
} as const

async function bookOnPhone(page: Page, lang: 'zh' | 'en', time: string): Promise<string> {
  const w = WORDS[lang]
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${lobby.url}/#/book`)
  await page.getByRole('button', { name: w.lang }).click()
  await page.getByRole('combobox', { name: w.service }).selectOption('wealth')
  await expect(page.getByRole('combobox', { name: w.day })).toHaveValue(openDay)
  await page.getByRole('radio', { name: time }).check()
  await page.getByRole('button', { name: w.submit, exact: true }).click()
  await expect(page.getByRole('heading', { name: w.booked })).toBeVisible()
  await expect(page.getByTestId('booking-status')).toHaveText(w.upcoming)
  const code = (await page.getByTestId('booking-code').textContent())?.trim() ?? ''
  expect(code).toMatch(/^[2-9A-Z]{8}$/)
  await expect(page.getByRole('img', { name: /QR|二维码/ })).toHaveAttribute(
    'data-value',
    new RegExp(`/#/book/${code}$`),
  )
  return code
}

async function checkInAtKiosk(page: Page, lang: 'zh' | 'en', code: string): Promise<void> {
  const w = WORDS[lang]
  await page.setViewportSize({ width: 1080, height: 1920 })
  await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: w.open }).click()
  await page.getByRole('textbox', { name: w.code }).fill(code.toLowerCase())
  await page.getByRole('button', { name: w.checkIn, exact: true }).click()
  await expect(page.getByTestId('checkin-result')).toHaveText(w.onTime)
  await page.screenshot({ path: `test-results/e2e/appointment-kiosk-${lang}.png` })
}

test('a customer books on a phone and checks in at the kiosk (zh)', async ({ page }) => {
  const code = await bookOnPhone(page, 'zh', '10:30')
  await page.screenshot({ path: 'test-results/e2e/appointment-phone-zh.png', fullPage: true })
  await checkInAtKiosk(page, 'zh', code)
  const booking = await lobby.api<BookingView>('GET', `/api/v1/appointments/${code}`)
  expect(booking).toMatchObject({ status: 'checkedIn', outcome: 'onTime' })

  // The teller sees that the customer is booked.
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${lobby.url}/#/counter/c5`)
  await page.getByRole('textbox', { name: '工号' }).fill('t05')
  await page.getByRole('textbox', { name: '密码' }).fill('5555')
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '开启窗口', exact: true }).click()
  await page.getByRole('button', { name: '叫号', exact: true }).click()
  await expect(page.getByTestId('booked')).toHaveText('已预约 10:30')
  await page.screenshot({ path: 'test-results/e2e/appointment-counter-zh.png' })
})

test('a customer books on a phone, moves the booking, and checks in at the kiosk (en)', async ({ page }) => {
  const code = await bookOnPhone(page, 'en', '11:30')
  // Opened again from its link (the QR code), and moved to 10:30.
  await page.goto(`${lobby.url}/#/book/${code}`)
  await expect(page.getByTestId('booking-code')).toHaveText(code)
  await page.getByRole('radio', { name: '10:30' }).check()
  await page.getByRole('button', { name: WORDS.en.move }).click()
  await expect(page.getByRole('status')).toHaveText(WORDS.en.moved)
  await expect(page.getByText(`${openDay} 10:30`)).toBeVisible()
  await page.screenshot({ path: 'test-results/e2e/appointment-phone-en.png', fullPage: true })
  await checkInAtKiosk(page, 'en', code)
  const day = await lobby.api<{ counts: Record<string, number> }>(
    'GET',
    `/api/v1/appointments?day=${openDay}`,
    undefined,
    manager,
  )
  expect(day.counts.onTime).toBe(2)
})

test('a mistyped or unknown code is told to the customer in their language, with what to do', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 })
  await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
  const tell = async (code: string) => {
    await page.getByRole('textbox', { name: /预约码|Booking code/ }).fill(code)
    await page.getByRole('button', { name: /^(签到|Check in)$/ }).click()
    return page.getByTestId('checkin-result')
  }
  await page.getByRole('button', { name: WORDS.zh.open }).click()
  await expect(await tell('123456')).toHaveText('预约码为 8 位字母和数字(不含 0、1、I、L、O)。请核对后重新输入。')
  await expect(await tell('ABCDEFGH')).toHaveText('没有找到这个预约码。请核对预约页面上的预约码,或咨询工作人员。')
  await page.screenshot({ path: 'test-results/e2e/appointment-kiosk-unknown-zh.png' })
  await page.getByRole('button', { name: 'English' }).click()
  await expect(await tell('123456')).toHaveText(/^A booking code is 8 letters and digits/)
  await expect(await tell('ABCDEFGH')).toHaveText(/^No booking has this code\. Please check the code/)
  await page.screenshot({ path: 'test-results/e2e/appointment-kiosk-unknown-en.png' })
})

test('the booking and a too-early check-in name the time check-in opens, in both languages (audit37 F6)', async ({
  page,
}) => {
  for (const [lang, time, window, tooEarly] of [
    ['zh', '12:00', '11:30 起可到取号机签到;迟到超过 10 分钟将按普通客户排队。', '现在签到还太早,11:30 起可以签到。'],
    [
      'en',
      '12:30',
      'Check in at the kiosk from 12:00; more than 10 min late, you join the queue as a walk-in.',
      'It is too early to check in. You can check in from 12:00.',
    ],
  ] as const) {
    const code = await bookOnPhone(page, lang, time)
    await expect(page.getByText(window)).toBeVisible()
    await page.screenshot({ path: `test-results/e2e/appointment-window-phone-${lang}.png`, fullPage: true })
    await page.setViewportSize({ width: 1080, height: 1920 })
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: WORDS[lang].open }).click()
    await page.getByRole('textbox', { name: WORDS[lang].code }).fill(code)
    await page.getByRole('button', { name: WORDS[lang].checkIn, exact: true }).click()
    await expect(page.getByTestId('checkin-result')).toHaveText(tooEarly)
    await page.screenshot({ path: `test-results/e2e/appointment-window-kiosk-${lang}.png` })
  }
})
