import { expect, test } from '@playwright/test'
import type { TicketReceipt } from '../../shared/api/views'
import { Lobby } from './support/lobby'

let lobby: Lobby
let kiosk: string
test.beforeAll(async () => {
  lobby = await Lobby.start()
  kiosk = await lobby.pair('kiosk')
})
test.afterAll(async () => {
  await lobby.stop()
})

/** Records what the page asks the phone to vibrate (Chromium on a desktop has no motor). */
const RECORD_VIBRATION = `
  globalThis.__vibrations = []
  navigator.vibrate = (pattern) => { globalThis.__vibrations.push(pattern); return true }
`

for (const language of ['zh-CN', 'en'] as const) {
  const en = language === 'en'
  // A phone set to the other language: the page still speaks the ticket's.
  const phoneLocale = en ? 'zh-CN' : 'en-US'
  const w = en
    ? {
        title: 'Your place in the queue',
        rule: 'If you do not come after 3 calls, your ticket counts as missed. You can then re-join at the kiosk within 30 minutes. Re-joining puts you behind the next 2 people waiting.',
        enable: 'Turn on call alerts (sound and vibration)',
        called: 'Please go to counter 1',
        count:
          /^Call 1 of 3\. If you do not come after 3 calls, your ticket counts as missed\. You can then re-join at the kiosk within 30 minutes\./,
        other: '中文',
        otherTitle: '排队进度',
      }
    : {
        title: '排队进度',
        rule: '叫号 3 次未到视为过号。过号后 30 分钟内可到取号机重新排队。重新排队后排在当时等候的 2 位客户之后。',
        enable: '开启叫号提醒(声音和振动)',
        called: '请到 1 号窗口办理',
        count: /^第 1 次叫号\(共 3 次\)。叫号 3 次未到视为过号/,
        other: 'English',
        otherTitle: 'Your place in the queue',
      }

  test.describe(`the phone status page, ${language} ticket on a ${phoneLocale} phone`, () => {
    test.use({ viewport: { width: 375, height: 812 }, locale: phoneLocale, hasTouch: true, isMobile: true })

    test('speaks the ticket’s language, shows the missed-call rule, and hears a call live with sound and vibration', async ({
      page,
    }) => {
      const receipt = await lobby.api<TicketReceipt>(
        'POST',
        '/api/v1/tickets',
        {
          serviceId: 'personal',
          priorityClassId: null,
          language,
          appointmentAt: null,
          idempotencyKey: `phone-${language}`,
        },
        kiosk,
      )
      await page.addInitScript({ content: RECORD_VIBRATION })
      await page.goto(`${lobby.url}/${receipt.statusPath}`)
      await expect(page.getByRole('heading', { name: w.title })).toBeVisible()
      await expect(page.getByText(receipt.number)).toBeVisible()
      await expect(page.getByTestId('missed-rule')).toHaveText(w.rule)
      await page.getByRole('button', { name: w.enable }).click()
      await expect(page.getByTestId('alerts-on')).toBeVisible()

      const teller = await lobby.signIn('t01', '1111', 'c1')
      // Open once for both languages (the second test finds it open: 409 counterAlreadyOpen).
      await lobby.api('POST', '/api/v1/counters/c1/open', {}, teller).catch((e: unknown) => {
        if (!String(e).includes('counterAlreadyOpen')) throw e
      })
      const calledAt = Date.now()
      await lobby.api('POST', '/api/v1/counters/c1/call-next', {}, teller)
      // Pushed, not polled: the call is on the phone within a second of the teller's tap.
      await expect(page.getByText(w.called)).toBeVisible({ timeout: 1000 })
      test.info().annotations.push({ type: 'call to phone', description: `${Date.now() - calledAt} ms` })
      await expect(page.getByTestId('missed-rule')).toHaveText(w.count)
      const shots = process.env.KIOSK_SHOTS
      if (shots !== undefined) await page.screenshot({ path: `${shots}/phone-${language}-called.png` })
      await expect
        .poll(() => page.evaluate(() => (globalThis as unknown as { __vibrations: unknown[] }).__vibrations))
        .toContainEqual([400, 200, 400])

      // Switchable: the other language on one tap.
      await page.getByRole('button', { name: w.other }).click()
      await expect(page.getByRole('heading', { name: w.otherTitle })).toBeVisible()
      await lobby.api('POST', '/api/v1/counters/c1/start', {}, teller)
      await lobby.api('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, teller)
    })
  })
}

/**
 * The phone status page beyond the call itself: what to have ready, the ticket the link names
 * (also when only the hash changes), and call alerts offered only while a call can still come.
 */
let taps = 0
const issue = (serviceId: string, language: 'zh-CN' | 'en') =>
  lobby.api<TicketReceipt>(
    'POST',
    '/api/v1/tickets',
    { serviceId, priorityClassId: null, language, appointmentAt: null, idempotencyKey: `status-${++taps}` },
    kiosk,
  )

for (const language of ['zh-CN', 'en'] as const) {
  const en = language === 'en'
  const w = en
    ? {
        ready: 'Please have ready',
        business: ['Business licence', "Agent's ID card and letter of authority"],
        wealth: ['Your ID card', 'Risk questionnaire (fill it in while you wait)'],
        enable: 'Turn on call alerts (sound and vibration)',
        done: 'Done. Thank you for your patience',
        cancelled: 'This ticket was cancelled. If you still need the service, please take a new ticket.',
      }
    : {
        ready: '请提前准备',
        business: ['营业执照', '经办人身份证及授权书'],
        wealth: ['本人身份证', '风险评估问卷(可在等候区填写)'],
        enable: '开启叫号提醒(声音和振动)',
        done: '业务已办结,感谢您的耐心等候',
        cancelled: '此号已取消。如仍需办理,请重新取号。',
      }

  test.describe(`the phone status page beyond the call, ${language}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, locale: language, hasTouch: true, isMobile: true })

    test('asks for the whole link when its key is cut off, not only for a ticket of today', async ({ page }) => {
      const receipt = await issue('business', language)
      await page.goto(`${lobby.url}/${receipt.statusPath.replace(/k=[^&]*/, 'k=cut')}`)
      // no ticket, no ticket language: said in both
      await expect(page.getByRole('alert')).toContainText('Open the whole link or QR code from your ticket')
      await expect(page.getByRole('alert')).toContainText('请用号票上的二维码或链接完整打开')
      await page.screenshot({ path: `test-results/e2e/status-not-found-${language}.png` })
    })

    test('lists the documents to have ready for the ticket’s service, as the ticket does', async ({ page }) => {
      const receipt = await issue('business', language)
      await page.goto(`${lobby.url}/${receipt.statusPath}`)
      await expect(page.getByText(receipt.number)).toBeVisible()
      const documents = page.getByTestId('documents')
      await expect(documents.getByRole('heading', { name: w.ready })).toBeVisible()
      await expect(documents.getByRole('listitem')).toHaveText(w.business)
      await page.screenshot({ path: `test-results/e2e/status-documents-${language}.png` })
    })

    test('keeps the people ahead and the expected wait apart on a narrow phone', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      for (let i = 0; i < 4; i++) await issue('wealth', language)
      const receipt = await issue('wealth', language)
      await page.goto(`${lobby.url}/${receipt.statusPath}`)
      const values = page.locator('.status__facts dd')
      await expect(values).toHaveCount(2)
      await page.screenshot({ path: `test-results/e2e/status-facts-${language}-390.png` })
      // The text of each value, and of its column: never one phrase across the columns.
      const boxes = await values.evaluateAll((dds) =>
        dds.map((dd) => {
          const range = dd.ownerDocument.createRange()
          range.selectNodeContents(dd)
          const text = range.getBoundingClientRect()
          const column = (dd.parentElement ?? dd).getBoundingClientRect()
          return { left: text.left, right: text.right, columnLeft: column.left, columnRight: column.right }
        }),
      )
      const [ahead, wait] = boxes
      expect(wait!.left - ahead!.right).toBeGreaterThanOrEqual(24)
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(b.columnLeft)
        expect(b.right).toBeLessThanOrEqual(b.columnRight)
      }
      expect(ahead!.columnRight).toBeLessThanOrEqual(wait!.columnLeft + 0.5)
      // A rule between the two columns.
      await expect(values.nth(1).locator('xpath=..')).not.toHaveCSS('border-left-width', '0px')
    })

    test('follows the link when only its hash changes to another ticket', async ({ page }) => {
      const first = await issue('business', language)
      const second = await issue('wealth', language)
      await page.goto(`${lobby.url}/${first.statusPath}`)
      await expect(page.getByText(first.number)).toBeVisible()
      // The same page, only the hash changed: the page stays loaded, its route changes.
      await page.evaluate((path) => {
        const here = globalThis as unknown as { location: { hash: string } }
        here.location.hash = path.slice(path.indexOf('#'))
      }, second.statusPath)
      await expect(page.getByText(second.number)).toBeVisible()
      await expect(page.getByText(first.number)).toHaveCount(0)
      await expect(page.getByTestId('documents').getByRole('listitem')).toHaveText(w.wealth)
    })

    test('says a ticket the staff cancelled was cancelled, not done', async ({ page }) => {
      const receipt = await issue('business', language)
      await page.goto(`${lobby.url}/${receipt.statusPath}`)
      await expect(page.getByText(receipt.number)).toBeVisible()
      const manager = await lobby.manager()
      await lobby.api('POST', `/api/v1/tickets/${receipt.ticketId}/cancel`, {}, manager)
      await expect(page.getByText(w.cancelled)).toBeVisible()
      await expect(page.getByText(w.done)).toHaveCount(0)
      await page.screenshot({ path: `test-results/e2e/status-cancelled-${language}.png` })
    })

    test('offers call alerts while the ticket can be called, and not once it is done', async ({ page }) => {
      const receipt = await issue('wealth', language)
      await page.goto(`${lobby.url}/${receipt.statusPath}`)
      await expect(page.getByRole('button', { name: w.enable })).toBeVisible()
      // Counter 5 calls this very ticket (other wealth tickets wait before it) and serves it.
      const teller = await lobby.signIn('t05', '5555', 'c5')
      const post = (verb: string, body: object = {}) => lobby.api('POST', `/api/v1/counters/c5/${verb}`, body, teller)
      // Opened once for both languages (the second test finds it open: 409 counterAlreadyOpen).
      await post('open').catch((e: unknown) => {
        if (!String(e).includes('counterAlreadyOpen')) throw e
      })
      await post('call-ticket', { ticketId: receipt.ticketId, reason: 'status page test' })
      await post('start')
      await post('complete', { completedServiceId: null })
      await expect(page.getByText(w.done)).toBeVisible()
      await expect(page.getByRole('button', { name: w.enable })).toHaveCount(0)
      await expect(page.getByTestId('documents')).toHaveCount(0)
      await page.screenshot({ path: `test-results/e2e/status-done-${language}.png` })
    })
  })
}
