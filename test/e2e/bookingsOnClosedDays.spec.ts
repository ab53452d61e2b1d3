import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { BookingView } from '../../shared/api/appointmentRoutes'
import type { BranchFile } from '../../hub/config/branchFile'
import { Lobby } from './support/lobby'
import { nextDemoOpenDay } from './support/openDay'

/**
 * Bookings stranded by a holiday entered in branch.json after they were made (audit F15), against
 * a real hub restarted on the edited file: the customer's booking page says the booking cannot be
 * kept and offers to move it, the kiosk refuses its code, and the manager's screen lists the
 * bookings to call about. The hub's clock reads 10:00 (Beijing) today; the bookings are for the
 * next day the demo opens, which then becomes a holiday.
 */

const day = nextDemoOpenDay()

const WORDS = {
  'zh-CN': {
    lang: '中文',
    booked: '预约成功',
    yours: '您的预约',
    closed: '网点这一天不营业,此预约无法办理',
    hint: /调整了营业安排.*改约到其他时间/,
    notOpenError: '网点这一天不营业,请选择其他日期。',
    move: '改约到所选时段',
    standing: `有 2 个预约落在网点现已不营业的日期或时段(${day})`,
    why: '当天不营业',
    wealth: '理财与证券',
    kioskOpen: '我有预约码',
    kioskSubmit: '签到',
    refused: /网点调整了营业安排.*此预约无法签到/,
  },
  en: {
    lang: 'English',
    booked: 'Booked',
    yours: 'Your appointment',
    closed: 'Cannot be kept: the branch is closed that day',
    hint: /changed its opening.*Move it to another time/,
    notOpenError: 'The branch is closed that day. Please choose another day.',
    move: 'Move to the chosen time',
    standing: `2 booking(s) fall on days or at times the branch no longer opens (${day})`,
    why: 'Closed that day',
    wealth: 'Wealth and securities',
    kioskOpen: 'I have a booking code',
    kioskSubmit: 'Check in',
    refused: /changed its opening.*cannot be checked in/,
  },
} as const

let lobby: Lobby
let codes: string[]
test.beforeEach(async () => {
  lobby = await Lobby.start()
  const book = (serviceId: string, time: string) =>
    lobby.api<BookingView>('POST', '/api/v1/appointments', { serviceId, day, time, language: 'zh-CN' })
  codes = [(await book('wealth', '10:30')).code, (await book('personal', '14:00')).code]
  // The holiday entered the documented way, and the hub restarted on the same folder and clock.
  const path = join(lobby.dir, 'branch.json')
  const file = JSON.parse(await readFile(path, 'utf8')) as BranchFile
  await writeFile(
    path,
    JSON.stringify({ ...file, calendar: { ...file.calendar, holidays: [...file.calendar.holidays, day] } }),
  )
  await lobby.hub.close()
  lobby = await Lobby.startIn(lobby.dir, { clock: lobby.clock })
})
test.afterEach(async () => {
  await lobby.stop()
})

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
}

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  const tag = language === 'en' ? 'en' : 'zh'

  test(`the booking page says a booking on the new holiday cannot be kept, and offers another time (${language})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${lobby.url}/#/book/${codes[0] ?? ''}`)
    await page.getByRole('button', { name: w.lang }).click()
    await expect(page.getByTestId('booking-code')).toHaveText(codes[0] ?? '')
    await expect(page.getByTestId('booking-status')).toHaveText(w.closed)
    await expect(page.getByTestId('booking-closed')).toHaveText(w.hint)
    // Not "booked, pending check-in", no QR code to check in with, no refusal of the day above it.
    await expect(page.getByRole('heading', { name: w.yours })).toBeVisible()
    await expect(page.getByRole('heading', { name: w.booked, exact: true })).toHaveCount(0)
    await expect(page.getByRole('img', { name: /QR|二维码/ })).toHaveCount(0)
    await expect(page.getByTestId('book-error')).toHaveCount(0)
    await expect(page.getByText(w.notOpenError)).toHaveCount(0)
    // The form offers the days still open, not the holiday.
    const days = page.getByRole('combobox').nth(1)
    await expect(days).not.toHaveValue(day)
    await expect(days.locator(`option[value="${day}"]`)).toHaveCount(0)
    await expect(page.getByRole('button', { name: w.move })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: `test-results/e2e/closed-day-booking-${tag}.png`, fullPage: true })

    // Moved to a time the branch opens, it is an ordinary booking again.
    await page.getByRole('radio').first().check()
    await page.getByRole('button', { name: w.move }).click()
    await expect(page.getByTestId('booking-closed')).toHaveCount(0)
    await expect(page.getByRole('img', { name: /QR|二维码/ })).toBeVisible()
  })

  test(`the manager's screen lists the bookings to call about, and the kiosk refuses the code (${language})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
    const notice = page.getByTestId('hub-standing-bookingsOnClosedDays')
    await expect(notice).toContainText(w.standing)
    const rows = notice.getByTestId('standing-bookings').locator('tbody tr')
    await expect(rows).toHaveCount(2)
    await expect(rows.first()).toHaveText(new RegExp(`${codes[0] ?? ''}\\s*${w.wealth}\\s*${day}\\s*10:30\\s*${w.why}`))
    await expect(rows.nth(1)).toContainText(`${codes[1] ?? ''}`)
    await expect(rows.nth(1)).toContainText('14:00')
    await expectAccessible(page)
    await page.screenshot({ path: `test-results/e2e/closed-day-manager-${tag}.png` })

    const kiosk = await lobby.pair('kiosk')
    await page.setViewportSize({ width: 1080, height: 1920 })
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: w.kioskOpen }).click()
    await page.getByRole('textbox').fill(codes[0] ?? '')
    await page.getByRole('button', { name: w.kioskSubmit, exact: true }).click()
    await expect(page.getByTestId('checkin-result')).toHaveText(w.refused)
    await page.screenshot({ path: `test-results/e2e/closed-day-kiosk-${tag}.png` })
  })
}
