import { rm } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { startHq, type RunningHq } from '../../hq/startHq'
import { addDays } from '../../shared/domain/localTime'
import { freshPgliteDir } from '../hq/support/pgliteTemplate'
import { seedHq } from '../hq/support/seedHq'
import { Lobby } from './support/lobby'
import { sideways } from './support/sideways'

/**
 * Every staff page at a phone's width (390 px): a manager checks the branch on a phone, so the
 * home page, the counter, each manager tab and each HQ tab fit it without the page scrolling
 * sideways, in both languages; and at a tablet's (768 px), between the phone's layout and the
 * PC's. A wide table may scroll inside its own box.
 */
const PHONE = { width: 390, height: 844 }
const TABLET = { width: 768, height: 1024 }
const LANGUAGES = [
  { lang: 'zh-CN', button: '中文' },
  { lang: 'en', button: 'English' },
] as const
const PASSWORD = 'demo password 1'

test.use({ viewport: PHONE })

/**
 * The room (px) beside the text of the counter's transaction count: its box's content width
 * less the width of what it holds, measured in its own font. A string: the Node-side tsconfig
 * has no DOM types.
 */
const SPARE_BESIDE_COUNT = `(() => {
  const el = document.querySelector('[data-testid="add-quantity"]');
  const cs = getComputedStyle(el);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
  return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - ctx.measureText(el.value).width;
})()`

/** The page as it is now fits the tablet's width and the phone's (where it is left). */
async function fits(page: Page, what: string): Promise<void> {
  for (const size of [TABLET, PHONE]) {
    await page.setViewportSize(size)
    await page.waitForTimeout(300)
    const s = await sideways(page)
    expect.soft(s.culprits, `${what} at ${size.width} px: the page is ${s.scrollWidth} px wide`).toEqual([])
    expect.soft(s.scrollWidth, `${what} at ${size.width} px`).toBeLessThanOrEqual(s.innerWidth)
  }
}

test.describe('branch pages', () => {
  let lobby: Lobby
  test.beforeAll(async () => {
    lobby = await Lobby.start()
    const kiosk = await lobby.pair('kiosk')
    for (const s of ['personal', 'personal', 'personal', 'personal', 'business', 'wealth']) await lobby.issue(kiosk, s)
    // Counter 2 serves a customer, so the manager's floor shows a busy counter.
    const token = await lobby.signIn('t02', '2222', 'c2')
    for (const verb of ['open', 'call-next', 'start']) await lobby.api('POST', `/api/v1/counters/c2/${verb}`, {}, token)
  })
  test.afterAll(async () => {
    await lobby.stop()
  })

  for (const { lang, button } of LANGUAGES) {
    test(`the home page fits a phone (${lang})`, async ({ page }) => {
      await page.goto(`${lobby.url}/#/`)
      await page.getByRole('button', { name: button, exact: true }).click()
      await fits(page, `home ${lang}`)
      for (const b of LANGUAGES)
        await expect(page.getByRole('button', { name: b.button, exact: true })).toBeInViewport({ ratio: 1 })
    })

    test(`the counter fits a phone, closed, idle and serving (${lang})`, async ({ page }) => {
      await page.goto(`${lobby.url}/#/counter/c1`)
      await page.getByRole('button', { name: button, exact: true }).click()
      await fits(page, `counter sign-in ${lang}`)
      await page.locator('input').first().fill('t01')
      await page.locator('input[type=password]').fill('1111')
      await page.locator('button[type=submit]').click()
      await expect(page.getByTestId('current-number').or(page.locator('.rest'))).toBeVisible()
      await fits(page, `counter closed ${lang}`)
      const token = await lobby.signIn('t01', '1111', 'c1')
      await lobby.api('POST', '/api/v1/counters/c1/open', {}, token)
      await expect(page.getByTestId('next-up')).toBeVisible()
      await fits(page, `counter idle ${lang}`)
      await lobby.api('POST', '/api/v1/counters/c1/call-next', {}, token)
      await lobby.api('POST', '/api/v1/counters/c1/start', {}, token)
      await expect(page.getByTestId('current-number')).toBeVisible()
      await fits(page, `counter serving ${lang}`)
      // The transaction count shows all it holds beside its spin buttons at each width: 99, and a
      // mistyped 99999 the teller must see to correct.
      const count = page.getByTestId('add-quantity')
      for (const size of [PHONE, TABLET, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(size)
        for (const typed of ['99', '99999']) {
          await count.fill(typed)
          const spare = await page.evaluate<number>(SPARE_BESIDE_COUNT)
          await count.screenshot({ path: `test-results/e2e/narrow-count-${typed}-${size.width}.png` })
          // Chromium's spin buttons take 15 px of the box.
          expect.soft(spare, `room beside ${typed} at ${size.width} px`).toBeGreaterThanOrEqual(15)
        }
      }
      await count.fill('1')
      await page.setViewportSize(PHONE)
      await page.screenshot({ path: `test-results/e2e/narrow-counter-${lang}.png`, fullPage: true })
      await lobby.api('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, token)
      await lobby.api('POST', '/api/v1/counters/c1/close', {}, token)
    })

    test(`every manager tab fits a phone (${lang})`, async ({ page }) => {
      await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      await page.getByRole('button', { name: button, exact: true }).click()
      const tabs = page.getByRole('tab')
      await expect(tabs).toHaveCount(8)
      await fits(page, `manager ${lang}`)
      for (let i = 0; i < 8; i++) {
        await tabs.nth(i).click()
        await page.waitForTimeout(700)
        // The what-if's scenario text sits in a closed section: open it too.
        for (const closed of await page.locator('[role="tabpanel"]:visible details:not([open]) > summary').all())
          await closed.click()
        await fits(page, `manager tab ${(await tabs.nth(i).innerText()).trim()} ${lang}`)
        await page.screenshot({ path: `test-results/e2e/narrow-manager-${lang}-${i}.png`, fullPage: true })
      }
    })
  }
})

test.describe('headquarters', () => {
  let hq: RunningHq
  let dir = ''
  test.beforeAll(async () => {
    test.setTimeout(240_000)
    dir = await freshPgliteDir()
    hq = await startHq({
      db: { kind: 'pglite', dir },
      host: '127.0.0.1',
      port: 0,
      rendererDir: process.env.RENDERER_DIR ?? 'out/renderer',
    })
    await seedHq(hq.context, addDays(new Date().toISOString().slice(0, 10), -1), 2, PASSWORD)
  })
  test.afterAll(async () => {
    await hq?.close()
    await rm(dir, { recursive: true, force: true })
  })

  for (const { lang, button } of LANGUAGES) {
    test(`every HQ tab fits a phone (${lang})`, async ({ page }) => {
      await page.goto(`${hq.url}/#/hq`)
      await page.getByRole('button', { name: button, exact: true }).click()
      await fits(page, `hq sign-in ${lang}`)
      await page.getByLabel(/用户名|User name/).fill('ho')
      await page.getByLabel(/密码|Password/).fill(PASSWORD)
      await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
      await expect(page.locator('table.compare__table tbody tr')).toHaveCount(3)
      const tabs = page.getByRole('tab')
      for (let i = 0; i < 4; i++) {
        await tabs.nth(i).click()
        await page.waitForTimeout(1000)
        await fits(page, `hq tab ${(await tabs.nth(i).innerText()).trim()} ${lang}`)
        await page.screenshot({ path: `test-results/e2e/narrow-hq-${lang}-${i}.png`, fullPage: true })
      }
    })
  }
})
