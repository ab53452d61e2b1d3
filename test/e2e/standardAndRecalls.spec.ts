import { expect, test, type Page } from '@playwright/test'
import { aheadToMorning } from '../hub/support/morningClock'
import { Lobby } from './support/lobby'

/**
 * audit37 F12–F14 at a 1366×768 counter PC and manager screen, in Chinese and English, against a
 * real hub whose clock the test moves:
 * - F13: the teller's "my day" shows the share within standard the manager reads (one
 *   transaction over its standard, one within it that ended in a transfer: 50 % on both);
 * - F14: every figure of the manager's strip fits its tile, "9 min 53 s" too, at a readable size;
 * - F12: after the declared recalls the recall button is disabled and says to mark a no-show.
 * Each test has its own hub, so the other language's customers are not in its figures.
 */

/** The hub's clock runs this far from the PC's; it only ever moves forward. */
let ahead = aheadToMorning()
let lobby: Lobby
let kiosk: string
let manager: string

test.beforeEach(async () => {
  ahead = aheadToMorning()
  lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead }, liveHeartbeatMs: 200 })
  kiosk = await lobby.pair('kiosk')
  manager = await lobby.manager()
})
test.afterEach(async () => {
  await lobby.stop()
})

const WORDS = {
  'zh-CN': {
    staffId: '工号',
    pin: '密码',
    signIn: '登录',
    open: '开启窗口',
    callNext: '叫号',
    recall: '重呼',
    start: '客户到柜',
    complete: '办结',
    within: '50%',
    withinOf: '2 笔中 1 笔',
    managerWithin: '标准时间内办结',
    longest: /^9 分 5\d 秒$/,
    recalled: '已重呼 2 / 2 次',
    recallWhy: '已重呼 2 次,不能再重呼;请标记过号 (F5)',
  },
  en: {
    staffId: 'Staff ID',
    pin: 'PIN',
    signIn: 'Sign in',
    open: 'Open counter',
    callNext: 'Call next',
    recall: 'Recall',
    start: 'Customer arrived',
    complete: 'Complete',
    within: '50%',
    withinOf: '1 of 2 transactions',
    managerWithin: 'Done within standard',
    longest: /^9 min 5\d s$/,
    recalled: 'Recalled 2 of 2',
    recallWhy: 'Recalled 2 times: mark a no-show (F5)',
  },
} as const

/** Moves the hub's clock on and lets the screens learn it (a heartbeat is 0.2 s). */
async function advance(page: Page, seconds: number): Promise<void> {
  ahead += seconds * 1000
  await page.waitForTimeout(600)
}

async function signIn(page: Page, n: number, language: 'zh-CN' | 'en'): Promise<void> {
  const w = WORDS[language]
  await page.goto(`${lobby.url}/#/counter/c${n}`)
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('textbox', { name: w.staffId }).fill(`t0${n}`)
  await page.getByRole('textbox', { name: w.pin }).fill(String(n).repeat(4))
  await page.getByRole('button', { name: w.signIn }).click()
  await page.getByRole('button', { name: w.open, exact: true }).click()
}

for (const language of ['zh-CN', 'en'] as const) {
  const n = 1
  const w = WORDS[language]
  test.describe(`the one-minute standard and the recalls (${language})`, () => {
    test.use({ viewport: { width: 1366, height: 768 } })

    test('one share within standard on the counter and the manager, a strip that fits, recalls bounded', async ({
      page,
      browser,
    }) => {
      const button = (name: string) => page.getByRole('button', { name, exact: true })
      await signIn(page, n, language)
      // A001 waits 9 min 5x s (among the widest figure under ten minutes), then takes 80 s (standard 60 s)
      await lobby.issue(kiosk, 'personal', null, language)
      await advance(page, 592)
      await button(w.callNext).click()
      await button(w.start).click()
      await advance(page, 80)
      await button(w.complete).click()
      // A002 is called at once and, after 45 s, transferred on by the manager: within its standard
      const second = await lobby.issue(kiosk, 'personal', null, language)
      await button(w.callNext).click()
      await button(w.start).click()
      await advance(page, 45)
      await lobby.api(
        'POST',
        `/api/v1/tickets/${encodeURIComponent(second.ticketId)}/transfer`,
        { toServiceId: 'business', toCounterId: null },
        manager,
      )
      await expect(page.getByTestId('day-served')).toHaveText('1')
      await expect(page.getByTestId('day-within')).toHaveText(w.within)
      await expect(page.getByTestId('day-within-of')).toHaveText(w.withinOf)
      await page.screenshot({ path: `test-results/standard-counter-${language}.png` })

      const mgr = await browser.newPage({ viewport: { width: 1366, height: 768 } })
      await mgr.goto(`${lobby.url}/#/manager?token=${manager}`)
      if (language === 'en') await mgr.getByRole('button', { name: 'English' }).click()
      const within = mgr.getByRole('group', { name: w.managerWithin, exact: true }).getByRole('strong')
      await expect(within).toHaveText(w.within)
      const tiles = mgr.locator('.today__tile')
      await expect(tiles).toHaveCount(9)
      await expect(tiles.locator('strong').filter({ hasText: w.longest })).toHaveCount(1)
      for (const tile of await tiles.all()) {
        const fit = await tile.evaluate((el) => {
          const value = el.querySelector('strong')
          if (value === null) return { text: null, inside: false, size: 0 }
          const box = el.getBoundingClientRect()
          // the text's own box: the element is stretched to the tile whatever its text's width
          const range = el.ownerDocument.createRange()
          range.selectNodeContents(value)
          const v = range.getBoundingClientRect()
          return {
            text: value.textContent,
            inside: v.left >= box.left && v.right <= box.right - 4,
            size: parseFloat(el.ownerDocument.defaultView?.getComputedStyle(value).fontSize ?? '0'),
          }
        })
        expect(fit, `${fit.text}`).toMatchObject({ inside: true })
        expect(fit.size).toBeGreaterThanOrEqual(20)
      }
      expect(await mgr.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth)).toBe(true)
      await mgr.screenshot({ path: `test-results/standard-manager-${language}.png` })
      await mgr.close()

      // F12: A003 is called and recalled twice, 20 s apart: then the recall is spent
      await lobby.issue(kiosk, 'personal', null, language)
      await button(w.callNext).click()
      for (let i = 0; i < 2; i++) {
        await advance(page, 20)
        await expect(button(w.recall)).toBeEnabled()
        await button(w.recall).click()
      }
      await expect(page.getByTestId('current-recalls')).toHaveText(w.recalled)
      await advance(page, 20)
      await expect(button(w.recall)).toBeDisabled()
      await expect(button(w.recall)).toHaveAccessibleDescription(w.recallWhy)
      await page.screenshot({ path: `test-results/standard-recalls-${language}.png` })
    })
  })
}
