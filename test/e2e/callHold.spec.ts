import { expect, test } from '@playwright/test'
import type { TicketReceipt } from '../../shared/api/views'
import { aheadToMorning } from '../hub/support/morningClock'
import { Lobby } from './support/lobby'

/**
 * "Coming up" only while a counter can call: the only counter open for personal customers goes
 * on a break, then closes, with a customer waiting. The phone says why instead of "soon", and
 * the lobby display stops saying the next call is coming up.
 */
let lobby: Lobby
let kiosk: string
let display: string
let teller: string
test.beforeAll(async () => {
  const ahead = aheadToMorning()
  lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead } })
  kiosk = await lobby.pair('kiosk')
  display = await lobby.pair('display')
  teller = await lobby.signIn('t01', '1111', 'c1')
  await lobby.api('POST', '/api/v1/counters/c1/open', {}, teller)
})
test.afterAll(async () => {
  await lobby.stop()
})

const WORDS = {
  'zh-CN': {
    soon: '即将叫号',
    paused: '1 号窗口暂停服务(工作人员短暂休息),恢复后继续叫号',
    closed: '目前没有办理此业务的窗口开放',
  },
  en: {
    soon: 'soon',
    paused: 'Counter 1 is paused (a short staff break); calls resume when it reopens',
    closed: 'No counter for this service is open right now',
  },
} as const
const LOBBY = { paused: /窗口暂停叫号,恢复后继续/, pausedEn: /Calls are on hold until a counter reopens/ }

test('a break and a close at the only open counter: the phone and the display say why, never "coming up"', async ({
  browser,
}) => {
  const tickets: Record<string, TicketReceipt> = {}
  for (const language of ['zh-CN', 'en'] as const)
    tickets[language] = await lobby.api<TicketReceipt>(
      'POST',
      '/api/v1/tickets',
      {
        serviceId: 'personal',
        priorityClassId: null,
        language,
        appointmentAt: null,
        idempotencyKey: `hold-ticket-${language}`,
      },
      kiosk,
    )
  await lobby.api('POST', '/api/v1/counters/c1/pause', { reason: { code: 'break', note: '' } }, teller)

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  for (const language of ['zh-CN', 'en'] as const) {
    const w = WORDS[language]
    const page = await phone.newPage()
    await page.goto(`${lobby.url}/${tickets[language]!.statusPath}`)
    await expect(page.getByTestId('hold-note')).toHaveText(w.paused)
    await expect(page.locator('.status__facts')).not.toContainText(w.soon)
    await page.screenshot({ path: `test-results/e2e/hold-phone-paused-${language}.png`, fullPage: true })
    await page.close()
  }
  for (const query of ['', '&lang=en']) {
    const page = await tv.newPage()
    await page.goto(`${lobby.url}/#/display?token=${display}${query}`)
    await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false')
    await expect(page.getByTestId('now-idle')).toContainText(LOBBY.paused)
    await expect(page.getByTestId('now-idle')).toContainText(LOBBY.pausedEn)
    await expect(page.getByTestId('now-idle')).not.toContainText('Next call coming up')
    await page.screenshot({ path: `test-results/e2e/hold-display-paused${query === '' ? '-zh' : '-en'}.png` })
    await page.close()
  }

  await lobby.api('POST', '/api/v1/counters/c1/resume', {}, teller)
  await lobby.api('POST', '/api/v1/counters/c1/close', {}, teller)
  for (const language of ['zh-CN', 'en'] as const) {
    const w = WORDS[language]
    const page = await phone.newPage()
    await page.goto(`${lobby.url}/${tickets[language]!.statusPath}`)
    // no personal counter is planned later today in the demo after 10:00 closes; or one opens later
    await expect(page.getByTestId('hold-note')).toBeVisible()
    await expect(page.locator('.status__facts')).not.toContainText(w.soon)
    await page.screenshot({ path: `test-results/e2e/hold-phone-closed-${language}.png`, fullPage: true })
    await page.close()
  }
  for (const query of ['', '&lang=en']) {
    const page = await tv.newPage()
    await page.goto(`${lobby.url}/#/display?token=${display}${query}`)
    await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false')
    await expect(page.getByTestId('now-idle')).not.toContainText('Next call coming up')
    await page.screenshot({ path: `test-results/e2e/hold-display-closed${query === '' ? '-zh' : '-en'}.png` })
    await page.close()
  }
  await phone.close()
  await tv.close()
})
