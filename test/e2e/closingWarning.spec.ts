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

/** Text in the lobby's queues set smaller than 36 px, and whether the board scrolls or spills. */
const DISPLAY_FIT = `(() => {
  const small = [];
  const walker = document.createTreeWalker(document.querySelector('.services'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const text = n.textContent.trim();
    const el = n.parentElement;
    if (text === '' || el.closest('.visually-hidden') !== null) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 36) small.push(size.toFixed(1) + ' px: ' + text);
  }
  const strip = document.querySelector('.counters').getBoundingClientRect().top;
  const spilled = Array.from(document.querySelectorAll('main section, main li, main tr, main p'))
    .filter((e) => e.getBoundingClientRect().bottom > strip + 1)
    .map((e) => e.className);
  const root = document.documentElement;
  return { small, spilled, scrolls: root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth };
})()`

test.describe('the closing warning on the lobby display', () => {
  let display: string
  test.beforeAll(async () => {
    display = await lobby.pair('display')
  })

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    test.describe(`at ${viewport.width}×${viewport.height}`, () => {
      test.use({ viewport })

      test('says once which services may not be served before the planned end, in both languages, and still fits', async ({
        page,
      }) => {
        for (const [query, main, sub] of [
          ['', 'zh-CN', 'en'],
          ['&lang=en', 'en', 'zh-CN'],
        ] as const) {
          await page.goto(`${lobby.url}/#/display?token=${display}${query}`)
          await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false')
          // business "may not", the others "unlikely": one note, in the words true of all four
          const note = page.getByTestId('closing-note')
          await expect(note).toHaveCount(1)
          await expect(note).toHaveAttribute('data-kind', 'mayNot')
          const words = {
            'zh-CN': /^[A-D](、[A-D]){3}:计划 17:00 停办,现在取号可能轮不到您$/,
            en: /^[A-D](, [A-D]){3}: planned close 17:00, a ticket now may not be served$/,
          }
          const lines = await note.locator('.bi__main, .bi__sub').allInnerTexts()
          expect(lines).toHaveLength(2)
          expect(lines[0]).toMatch(words[main])
          expect(lines[1]).toMatch(words[sub])
          await page.waitForTimeout(150)
          await look(page, `display-${viewport.height}-${main}`)
          const fit = (await page.evaluate(DISPLAY_FIT)) as { small: string[]; spilled: string[]; scrolls: boolean }
          expect(fit.scrolls).toBe(false)
          expect(fit.spilled).toEqual([])
          if (viewport.height === 1080) expect(fit.small).toEqual([])
        }
      })
    })
  }
})
