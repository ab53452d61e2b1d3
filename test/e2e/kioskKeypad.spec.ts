import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { BookingView } from '../../shared/api/appointmentRoutes'
import { tapKeys } from './support/kioskScreens'
import { Lobby } from './support/lobby'

/**
 * The kiosk's keypad: a public kiosk has no keyboard within reach, so a booking code and a
 * ticket number are tapped on the screen; a scanner or keyboard still types into the field. The
 * hub's clock reads 10:00 (Beijing) tomorrow, so today's 10:30 slot is open for check-in.
 */
const OFFSET = 8 * 3600_000
const tomorrowLocal = new Date(Date.now() + OFFSET + 86_400_000).toISOString().slice(0, 10)
const ahead = Date.parse(`${tomorrowLocal}T10:00:00Z`) - OFFSET - Date.now()

let lobby: Lobby
let kiosk: string
test.beforeAll(async () => {
  lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead } })
  kiosk = await lobby.pair('kiosk')
})
test.afterAll(async () => {
  await lobby.stop()
})

const book = (language: 'zh-CN' | 'en') =>
  lobby.api<BookingView>('POST', '/api/v1/appointments', {
    serviceId: 'wealth',
    day: tomorrowLocal,
    time: '10:30',
    language,
  })

/** The kiosk's check-in form, open, in the language asked for. */
async function openCheckIn(page: Page, en: boolean): Promise<Locator> {
  await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
  await expect(page.getByRole('button', { name: /个人业务/ })).toBeEnabled()
  if (en) await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: en ? 'I have a booking code' : '我有预约码' }).click()
  return page.getByRole('dialog')
}

for (const language of ['zh-CN', 'en'] as const) {
  const en = language === 'en'
  const w = en
    ? {
        code: 'Booking code',
        submit: 'Check in',
        onTime: /^Checked in\. Your number: C\d{3}; you will be called first at your time\.$/,
        backspace: 'Delete the last character',
        clear: 'Clear',
      }
    : {
        code: '预约码',
        submit: '签到',
        onTime: /^签到成功。您的号码:C\d{3},到预约时间将优先叫号。$/,
        backspace: '删除最后一个字符',
        clear: '清空',
      }

  test.describe(`the kiosk keypad, ${language}`, () => {
    test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true })

    test('a booking code is checked in with taps alone, on keys of its own alphabet', async ({ page }) => {
      const { code } = await book(language)
      const dialog = await openCheckIn(page, en)
      const field = dialog.getByRole('textbox', { name: w.code })
      const keys = dialog.getByTestId('keypad').getByRole('button')
      // The alphabet's 31 keys, then backspace, clear and confirm; none of 0, O, 1, I, L.
      await expect(keys).toHaveCount(31 + 3)
      for (const lookAlike of ['0', 'O', '1', 'I', 'L'])
        await expect(dialog.getByRole('button', { name: lookAlike, exact: true })).toHaveCount(0)
      // A wrong key is taken back; clear starts again.
      await tapKeys(dialog, [...code.slice(0, 3), code[3] === 'Z' ? 'Y' : 'Z'])
      await dialog.getByRole('button', { name: w.backspace }).tap()
      await expect(field).toHaveValue(code.slice(0, 3))
      await dialog.getByRole('button', { name: w.clear }).tap()
      await expect(field).toHaveValue('')
      await tapKeys(dialog, [...code])
      await expect(field).toHaveValue(code)
      await page.screenshot({ path: `test-results/e2e/kiosk-keypad-code-${language}.png` })
      await dialog.getByRole('button', { name: w.submit, exact: true }).tap()
      await expect(page.getByTestId('checkin-result')).toHaveText(w.onTime)
      await page.screenshot({ path: `test-results/e2e/kiosk-keypad-checked-in-${language}.png` })
    })

    test('a scanner or keyboard still types into the field, and a tap leaves the focus there', async ({ page }) => {
      const { code } = await book(language)
      const dialog = await openCheckIn(page, en)
      const field = dialog.getByRole('textbox', { name: w.code })
      await expect(field).toBeFocused()
      // Half tapped, half typed (in small letters), then the scanner's Enter.
      await tapKeys(dialog, [...code.slice(0, 4)])
      await expect(field).toBeFocused()
      await page.keyboard.type(code.slice(4).toLowerCase())
      await expect(field).toHaveValue(code.slice(0, 4) + code.slice(4).toLowerCase())
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('checkin-result')).toHaveText(w.onTime)
    })

    test('a keyboard user sees where the focus is on the keys, and the keys are named', async ({ page }) => {
      const dialog = await openCheckIn(page, en)
      const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
      await page.keyboard.press('Tab')
      const first = dialog.getByTestId('keypad').getByRole('button').first()
      await expect(first).toBeFocused()
      await expect(first).toHaveCSS('outline-style', 'solid')
      await page.keyboard.press('Enter')
      await expect(dialog.getByRole('textbox', { name: w.code })).toHaveValue('2')
    })
  })
}
