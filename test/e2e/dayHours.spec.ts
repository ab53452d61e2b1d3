import { expect, test, type Page } from '@playwright/test'
import { Lobby } from './support/lobby'

/**
 * The kiosk, the counter and the manager outside the branch's day: before the doors open
 * (09:00–17:00 on working days at the demo branch) and after the manager closed the day.
 */

/** Monday 2026-12-07 in Beijing at hour:minute, ticking in real time from the test's start. */
const started = Date.now()
const beijing = (hour: number, minute = 0) => {
  const at = Date.UTC(2026, 11, 7, hour - 8, minute)
  return { now: () => at + (Date.now() - started) }
}

const WORDS = {
  'zh-CN': {
    before: '网点尚未开门',
    opensToday: '今天 09:00 开门营业,届时开始取号。',
    ended: '今日营业已结束',
    opensTomorrow: '明天 09:00 开门营业,届时开始取号。',
    dayEnded: '今日营业已结束,不能再叫号。',
  },
  en: {
    before: 'The branch is not open yet',
    opensToday: 'We open today at 09:00. Tickets from then.',
    ended: 'We are closed for today',
    opensTomorrow: 'We open tomorrow at 09:00. Tickets from then.',
    dayEnded: "Today's business day has ended: no more calls.",
  },
} as const

let lobby: Lobby
test.afterEach(async () => {
  await lobby.stop()
})

async function openKiosk(page: Page, token: string, language: 'zh-CN' | 'en'): Promise<void> {
  await page.goto(`${lobby.url}/#/kiosk?token=${token}`)
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
}

let taps = 0
/** A walk-in's tap straight to the hub: the status and the refusal's code. */
async function tap(token: string): Promise<{ status: number; code?: string }> {
  const r = await fetch(`${lobby.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      serviceId: 'personal',
      priorityClassId: null,
      language: 'zh-CN',
      appointmentAt: null,
      idempotencyKey: `day-hours-${++taps}`,
    }),
  })
  return { status: r.status, ...((await r.json()) as { code?: string }) }
}

test.describe('before the doors open', () => {
  test.use({ viewport: { width: 1080, height: 1920 } })

  for (const language of ['zh-CN', 'en'] as const) {
    test(`the kiosk says when the branch opens instead of waits nobody can promise (${language})`, async ({ page }) => {
      const w = WORDS[language]
      lobby = await Lobby.start({ clock: beijing(4) })
      const kiosk = await lobby.pair('kiosk')
      await openKiosk(page, kiosk, language)
      const shut = page.getByTestId('kiosk-shut')
      await expect(shut).toContainText(w.before)
      await expect(shut).toContainText(w.opensToday)
      // no menu of waits, no closing warning: no service button at all
      await expect(page.locator('.kiosk__services')).toHaveCount(0)
      await page.screenshot({ path: test.info().outputPath(`kiosk-before-opening-${language}.png`) })
      // and the hub gives no ticket to a tap that comes all the same
      expect(await tap(kiosk)).toMatchObject({ status: 409, code: 'doorsClosed' })

      // A teller opens a counter early: someone serves, so tickets are issued, waits counted from now.
      const teller = await lobby.signIn('t01', '1111', 'c1')
      await lobby.api('POST', '/api/v1/counters/c1/open', {}, teller)
      await expect(shut).toHaveCount(0)
      await expect(page.locator('.kiosk__services button').first()).toBeEnabled()
      expect((await tap(kiosk)).status).toBe(200)
    })
  }
})

test.describe('after the business day is closed', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    test(`kiosk, counter and manager say the day has ended, once (${language})`, async ({ browser }) => {
      const w = WORDS[language]
      lobby = await Lobby.start({ clock: beijing(15) })
      const kiosk = await lobby.pair('kiosk')
      const teller = await lobby.signIn('t01', '1111', 'c1')
      await lobby.api('POST', '/api/v1/counters/c1/open', {}, teller)
      await lobby.issue(kiosk, 'personal')

      const manager = await browser.newPage({ viewport: { width: 1366, height: 768 } })
      await manager.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      if (language === 'en') await manager.getByRole('button', { name: 'English' }).click()
      const close = language === 'en' ? 'Close the business day…' : '结束今日营业…'
      await manager.getByRole('button', { name: close }).click()
      await manager
        .getByRole('dialog')
        .getByRole('button', { name: language === 'en' ? 'Close the day' : '结束营业' })
        .click()
      await expect(manager.getByRole('button', { name: close })).toHaveCount(0)
      const notice = language === 'en' ? /business day is closed/ : /今日营业已结束/
      await expect(manager.getByText(notice)).toHaveCount(1)
      await manager.screenshot({ path: test.info().outputPath(`manager-day-closed-${language}.png`) })

      const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } })
      await openKiosk(kioskPage, kiosk, language)
      const shut = kioskPage.getByTestId('kiosk-shut')
      await expect(shut).toContainText(w.ended)
      await expect(shut).toContainText(w.opensTomorrow)
      await kioskPage.screenshot({ path: test.info().outputPath(`kiosk-day-ended-${language}.png`) })

      const counter = await browser.newPage({ viewport: { width: 1366, height: 768 } })
      await counter.goto(`${lobby.url}/#/counter/c1`)
      if (language === 'en') await counter.getByRole('button', { name: 'English' }).click()
      await counter.getByRole('textbox', { name: language === 'en' ? 'Staff ID' : '工号' }).fill('t01')
      await counter.getByRole('textbox', { name: language === 'en' ? 'PIN' : '密码' }).fill('1111')
      await counter.getByRole('button', { name: language === 'en' ? 'Sign in' : '登录' }).click()
      await expect(counter.getByTestId('day-shut')).toContainText(w.dayEnded)
      await counter.screenshot({ path: test.info().outputPath(`counter-day-ended-${language}.png`) })
    })
  }
})
