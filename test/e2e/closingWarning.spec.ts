import { expect, test, type Page } from '@playwright/test'
import { aheadToMorning } from '../hub/support/morningClock'
import { Lobby } from './support/lobby'
import { badlyWrapped, controlsThatDoNotFit, KIOSK_SCREENS } from './support/kioskScreens'

/**
 * Late in the day with long queues: the kiosk's buttons say before the tap that the wait may run
 * past the counters' planned end, and so do the ticket on screen and the phone's status page.
 * The hub's clock reads 16:40 on the latest working day at the branch (never ahead of the PC) and
 * stays there; the demo branch's doors close at 17:00 then, and its counters have no hours of their own. The test hub
 * estimates one minute per person ahead (median), 1.5 at p90: 13 waiting reach past 17:00 at
 * p90 only ("may not"), 21 with the median too ("unlikely").
 */
const DAY_MS = 86_400_000
/** How far to move the PC's clock back to the latest 16:40 of a working day at the branch (UTC+8). */
function backToWorkingFourForty(): number {
  let at = Date.now() + aheadToMorning() + (6 * 60 + 40) * 60_000
  if (at > Date.now()) at -= DAY_MS
  const weekday = (t: number) => new Date(t + 8 * 3600_000).getUTCDay()
  while (weekday(at) === 0 || weekday(at) === 6) at -= DAY_MS
  return at - Date.now()
}

const WORDS = {
  'zh-CN': {
    business: /对公业务/,
    personal: /个人业务/,
    cards: /开户与挂失/,
    mayNot: '窗口计划 17:00 停止办理,届时可能仍未轮到您',
    unlikely: '窗口计划 17:00 停止办理,届时很可能仍未轮到您',
    buttonMayNot: '窗口计划 17:00 停办,可能轮不到您',
    buttonUnlikely: '窗口计划 17:00 停办,很可能轮不到您',
  },
  en: {
    business: /Business accounts/,
    personal: /Personal banking/,
    cards: /New accounts and lost cards/,
    mayNot: 'Counters planned to close at 17:00: you may not be served by then',
    unlikely: 'Counters planned to close at 17:00: you are unlikely to be served by then',
    buttonMayNot: 'Planned close 17:00: may not be served',
    buttonUnlikely: 'Planned close 17:00: unlikely to be served',
  },
} as const

const SHOTS = process.env.KIOSK_SHOTS
async function look(page: Page, what: string): Promise<void> {
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/closing-${what}.png`, fullPage: true })
}

let lobby: Lobby
let kiosk: string
test.beforeAll(async () => {
  // held at 16:40: a ticking clock would turn "may not" into "unlikely" on a slow run
  const fourForty = Date.now() + backToWorkingFourForty()
  lobby = await Lobby.start({ clock: { now: () => fourForty } })
  kiosk = await lobby.pair('kiosk')
  for (let i = 0; i < 13; i++) await lobby.issue(kiosk, 'business')
  for (const service of ['personal', 'cards', 'wealth']) for (let i = 0; i < 21; i++) await lobby.issue(kiosk, service)
})
test.afterAll(async () => {
  await lobby.stop()
})

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  test.describe(`the closing warning, ${language}`, () => {
    test.describe('on the kiosk', () => {
      test.use({ viewport: { width: 1080, height: 1920 } })

      test('is on the button before the tap, and on the ticket after it', async ({ page }) => {
        await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
        const business = page.getByRole('button', { name: w.business })
        await expect(business.getByTestId('closing-note')).toHaveText(w.buttonMayNot)
        await expect(page.getByRole('button', { name: w.personal }).getByTestId('closing-note')).toHaveText(
          w.buttonUnlikely,
        )
        await look(page, `kiosk-menu-${language}`)
        await business.click()
        await expect(page.getByTestId('ticket-number')).toHaveText(/^B\d{3}$/)
        await expect(page.getByTestId('closing-note')).toHaveText(w.mayNot)
        await look(page, `kiosk-ticket-${language}`)
      })
    })

    for (const screen of KIOSK_SCREENS) {
      test.describe(`on a ${screen.name} kiosk (${screen.width}×${screen.height})`, () => {
        test.use({ viewport: { width: screen.width, height: screen.height } })

        test('fits every button with its warning, and the ticket with it', async ({ page }) => {
          await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
          if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
          await expect(page.getByTestId('closing-note')).toHaveCount(4)
          await page.waitForTimeout(150)
          await look(page, `kiosk-${screen.name.replace(' ', '-')}-${language}`)
          expect(await controlsThatDoNotFit(page)).toEqual([])
          expect(await badlyWrapped(page, '.kiosk *')).toEqual([])
          await page.getByRole('button', { name: w.cards }).click()
          await expect(page.getByTestId('closing-note')).toHaveText(w.unlikely)
          await page.waitForTimeout(150)
          await look(page, `kiosk-ticket-${screen.name.replace(' ', '-')}-${language}`)
          expect(await controlsThatDoNotFit(page)).toEqual([])
          expect(await badlyWrapped(page, '.kiosk *')).toEqual([])
        })
      })
    }

    test.describe('on the phone', () => {
      test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

      test('is on the status page, and the page is no wider than the phone', async ({ page }) => {
        const receipt = await lobby.issue(kiosk, 'personal', null, language)
        expect(receipt.closing?.kind).toBe('unlikely')
        await page.goto(`${lobby.url}/${receipt.statusPath}`)
        await expect(page.getByTestId('closing-note')).toHaveText(w.unlikely)
        expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390)
        expect(await badlyWrapped(page, '.phone-page *')).toEqual([])
        await look(page, `phone-${language}`)
      })
    })
  })
}
