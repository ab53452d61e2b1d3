import { expect, test, type Page } from '@playwright/test'
import { tapKeys } from './support/kioskScreens'
import { Lobby } from './support/lobby'

/** Records every wording of the re-join dialog's place line in `window.rejoinPlaces`. (A string: no DOM types here.) */
const RECORD_PLACES = `
  window.rejoinPlaces = [];
  new MutationObserver(() => {
    const text = document.querySelector('[data-testid="rejoin-place"]')?.textContent?.trim();
    if (text !== undefined && text !== window.rejoinPlaces.at(-1)) window.rejoinPlaces.push(text);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
`

let lobby: Lobby
let kiosk: string
test.beforeAll(async () => {
  // VIPs are confirmed by staff on this branch.
  lobby = await Lobby.start({}, [], null, {}, (branch) => ({
    ...branch,
    priorityClasses: branch.priorityClasses.map((c) => (c.id === 'vip' ? { ...c, establishedBy: 'staff' } : c)),
  }))
  kiosk = await lobby.pair('kiosk')
})
test.afterAll(async () => {
  await lobby.stop()
})

for (const language of ['zh-CN', 'en'] as const) {
  const en = language === 'en'
  const w = en
    ? {
        business: /Business accounts/,
        countdown: /^Back to the start in \d+ seconds?$/,
        welcome: 'Welcome. Please choose your service',
        vip: 'Premier customers',
        care: 'Elderly, disabled, pregnant',
        awaiting:
          'Priority service: Premier customers (requested: it applies once confirmed, and until then you wait in the ordinary order)',
        how: 'Please show proof to a member of staff.',
        confirmed: 'Priority service: Premier customers (confirmed)',
        declared: 'Priority service: Elderly, disabled, pregnant (self-declared; the teller will check)',
        rejoin: 'Missed your call? Re-join',
        submit: 'Re-join',
        rejoined:
          /^A001 is back in the queue\. Ahead of you: 2 people\. Expected wait: (about \d+–\d+ min|soon)\. Please listen for your number\.$/,
        again:
          /^A001 is already in the queue; there is no need to re-join\. Ahead of you: 2 people\. Expected wait: (about \d+–\d+ min|soon)\. Please listen for your number\.$/,
        done: 'Done',
        called: 'Ticket A001 has been called. Please go to the counter shown on the lobby screen.',
      }
    : {
        business: /对公业务/,
        countdown: /^\d+ 秒后返回首页$/,
        welcome: '欢迎光临,请选择您要办理的业务',
        vip: '贵宾客户',
        care: '老年人、残障人士、孕妇',
        awaiting: '优先服务:贵宾客户(已申请,确认后生效;确认前按普通顺序排队)',
        how: '请向工作人员出示证明。',
        confirmed: '优先服务:贵宾客户(已确认)',
        declared: '优先服务:老年人、残障人士、孕妇(客户自行申报,柜员会核对)',
        rejoin: '过号重新排队',
        submit: '重新排队',
        rejoined: /^A001 已重新排队。您前面还有 2 人,预计等候:(约 \d+–\d+ 分钟|即将叫号)。请留意叫号。$/,
        again: /^A001 已在排队中,无需再次排队。您前面还有 2 人,预计等候:(约 \d+–\d+ 分钟|即将叫号)。请留意叫号。$/,
        done: '完成',
        called: 'A001 已被叫号,请按大厅屏幕提示前往窗口。',
      }

  test.describe(`the kiosk customer, ${language}`, () => {
    test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true })

    async function open(page: Page): Promise<void> {
      await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
      await expect(page.getByRole('button', { name: /个人业务/ })).toBeEnabled()
      if (en) await page.getByRole('button', { name: 'English' }).click()
    }

    test('an unprinted ticket counts down and gives the screen back, never keeping it for the next customer', async ({
      page,
    }) => {
      await page.clock.install()
      await open(page)
      await page.getByRole('button', { name: w.business }).click()
      await expect(page.getByTestId('ticket-number')).toBeVisible()
      const countdown = page.getByTestId('ticket-countdown')
      await expect(countdown).toHaveText(w.countdown)
      const first = Number((await countdown.textContent())?.match(/\d+/)?.[0])
      expect(first).toBeGreaterThan(30)
      expect(first).toBeLessThanOrEqual(40)
      await page.clock.runFor(10_000)
      const later = Number((await countdown.textContent())?.match(/\d+/)?.[0])
      expect(later).toBeLessThanOrEqual(first - 9)
      await page.clock.runFor(31_000)
      await expect(page.getByTestId('ticket-number')).toHaveCount(0)
      await expect(page.getByRole('heading', { name: '欢迎光临,请选择您要办理的业务' })).toBeVisible()
    })

    test('a staff-confirmed class is a claim on the ticket until a teller confirms it, live', async ({ page }) => {
      await open(page)
      await page.getByRole('button', { name: w.vip }).click()
      await page.getByRole('button', { name: w.business }).click()
      const standing = page.getByTestId('ticket-priority')
      await expect(standing).toHaveText(w.awaiting)
      await expect(page.getByTestId('ticket-priority-how')).toHaveText(w.how)
      await expect(page.locator('[data-standing]')).toHaveAttribute('data-standing', 'awaitingStaff')
      const number = await page.getByTestId('ticket-number').textContent()
      const snap = await lobby.api<{ state: { open: { id: string; number: string; priorityClaim: string | null }[] } }>(
        'GET',
        '/api/v1/queue',
        undefined,
        await lobby.manager(),
      )
      const ticket = snap.state.open.find((t) => t.number === number)
      expect(ticket?.priorityClaim).toBe('vip')
      await lobby.api(
        'POST',
        `/api/v1/tickets/${encodeURIComponent(ticket!.id)}/priority`,
        { priorityClassId: 'vip', reason: 'Premier card seen' },
        await lobby.manager(),
      )
      await expect(standing).toHaveText(w.confirmed)
      await expect(page.getByTestId('ticket-priority-how')).toHaveCount(0)
    })

    test('the menu and the ticket word the expected wait as label and value read together', async ({ page }) => {
      await open(page)
      // "Expected wait: about 4–12 min", never "Expected wait About 4–12 min".
      const menu = en
        ? /^(No counter open|Expected wait: (no estimate yet|soon|about \d+–\d+ min|within about \d+ min))$/
        : /^(暂无窗口开放|预计等候:(暂无法估计|即将叫号|约 \d+–\d+ 分钟|约 \d+ 分钟内))$/
      const waits = page.getByTestId('service-wait')
      expect(await waits.count()).toBeGreaterThan(1)
      for (const wait of await waits.all()) await expect(wait).toHaveText(menu)
      await page.getByRole('button', { name: w.business }).click()
      await expect(page.getByTestId('ticket-wait')).toHaveText(
        en
          ? /^(no estimate yet|soon|about \d+–\d+ min|within about \d+ min)$/
          : /^(暂无法估计|即将叫号|约 \d+–\d+ 分钟|约 \d+ 分钟内)$/,
      )
    })

    test('a self-declared class is on the ticket at once', async ({ page }) => {
      await open(page)
      await page.getByRole('button', { name: w.care }).click()
      await page.getByRole('button', { name: w.business }).click()
      await expect(page.getByTestId('ticket-priority')).toHaveText(w.declared)
    })

    test('re-joining after a missed call shows the new place and estimate', async ({ page }) => {
      // No interval between calls here: the recalls and the no-show follow each other at once.
      const own = await Lobby.start({}, [], null, {}, (branch) => ({
        ...branch,
        policy: { ...branch.policy, recallIntervalSec: 0 },
      }))
      try {
        const token = await own.pair('kiosk')
        for (let i = 0; i < 3; i++) await own.issue(token, 'personal')
        const teller = await own.signIn('t01', '1111', 'c1')
        const post = (verb: string) => own.api('POST', `/api/v1/counters/c1/${verb}`, {}, teller)
        await post('open')
        await post('call-next')
        await post('recall')
        await post('recall')
        await post('no-show')
        await page.goto(`${own.url}/#/kiosk?token=${token}`)
        await expect(page.getByRole('button', { name: /个人业务/ })).toBeEnabled()
        if (en) await page.getByRole('button', { name: 'English' }).click()
        await page.getByRole('button', { name: w.rejoin }).click()
        // Tapped on the kiosk's keypad (no keyboard within reach): the service prefixes, then the
        // digits; a wrong letter is put right by tapping the right one.
        const dialog = page.getByRole('dialog')
        const keys = await dialog.getByTestId('keypad').getByRole('button').allTextContents()
        expect(keys.slice(0, 14).map((k) => k.trim())).toEqual(['A', 'B', 'C', 'D', ...'1234567890'])
        await tapKeys(dialog, ['B', '0', 'A', '0', '0', '1'])
        await expect(dialog.getByRole('textbox')).toHaveValue('A001')
        // Every wording the line takes from the tap on: a figure from the first, never "no estimate
        // yet" while the live estimates catch up (the re-join's answer carries the range).
        await page.evaluate(RECORD_PLACES)
        await dialog.getByRole('button', { name: w.submit, exact: true }).tap()
        await expect(page.getByTestId('rejoin-place')).toHaveText(w.rejoined)
        const places = (await page.evaluate('window.rejoinPlaces')) as string[]
        expect(places.length).toBeGreaterThan(0)
        for (const place of places) expect(place).toMatch(w.rejoined)
        // Done: no second tap of Re-join that could turn the success into an error, and a way out.
        await expect(dialog.getByRole('button', { name: w.submit, exact: true })).toBeDisabled()
        await expect(dialog.getByRole('button', { name: w.done, exact: true })).toBeVisible()
        await page.keyboard.press('Enter')
        await expect(page.getByTestId('rejoin-place')).toHaveText(w.rejoined)
        await expect(dialog.locator('.kiosk-form__error')).toHaveCount(0)
        await page.screenshot({ path: `test-results/e2e/kiosk-rejoin-done-${language}.png` })
        // The same number typed again: already waiting, and where; not "not found".
        const field = dialog.getByRole('textbox')
        await field.fill('')
        await field.fill('A001')
        await dialog.getByRole('button', { name: w.submit, exact: true }).click()
        await expect(page.getByTestId('rejoin-place')).toHaveText(w.again)
        await page.screenshot({ path: `test-results/e2e/kiosk-rejoin-again-${language}.png` })
        // Called since: where to go, not "not found".
        for (const n of [2, 3]) {
          const other = await own.signIn(`t0${n}`, String(n).repeat(4), `c${n}`)
          await own.api('POST', `/api/v1/counters/c${n}/open`, {}, other)
          await own.api('POST', `/api/v1/counters/c${n}/call-next`, {}, other)
        }
        await post('call-next')
        await field.fill('')
        await field.fill('A001')
        await dialog.getByRole('button', { name: w.submit, exact: true }).click()
        await expect(page.getByTestId('rejoin-called')).toHaveText(w.called)
        await expect(dialog.locator('.kiosk-form__error')).toHaveCount(0)
        await page.screenshot({ path: `test-results/e2e/kiosk-rejoin-called-${language}.png` })
      } finally {
        await own.stop()
      }
    })
  })
}
