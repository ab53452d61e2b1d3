import { expect, test, type Page } from '@playwright/test'
import type { QueueSnapshot } from '../../shared/api/views'
import type { Ticket } from '../../shared/queue/ticket'
import { Lobby } from './support/lobby'

/**
 * A teller adds transactions to a customer's visit at the counter screen, against a real hub:
 * one key (Ins) adds one more of the current service; the panel picks another service and a
 * quantity. The customer is never called again. Both languages, each at its own counter.
 */

let lobby: Lobby
let kiosk: string
let manager: string

test.beforeAll(async () => {
  lobby = await Lobby.start()
  kiosk = await lobby.pair('kiosk')
  manager = await lobby.manager()
})
test.afterAll(async () => {
  await lobby.stop()
})

async function ticket(id: string): Promise<Ticket | undefined> {
  const { state } = await lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
  return [...state.open, ...state.done].find((t) => t.id === id)
}

const WORDS = {
  zh: {
    staff: '工号',
    pin: '密码',
    signIn: '登录',
    open: '开启窗口',
    call: '叫号',
    start: '客户到柜',
    add: '再办一笔',
    visit: '本次到柜办理',
    complete: '办结',
    count: '笔数',
    service: '业务',
    badCount: '笔数须为 1 至 99 的整数,请更正后再办理。',
  },
  en: {
    staff: 'Staff ID',
    pin: 'PIN',
    signIn: 'Sign in',
    open: 'Open counter',
    call: 'Call next',
    start: 'Customer arrived',
    add: 'Add a transaction',
    visit: 'This visit',
    complete: 'Complete',
    count: 'How many',
    service: 'Service',
    badCount: 'The count must be a whole number from 1 to 99. Please correct it and try again.',
  },
} as const

async function signIn(page: Page, lang: 'zh' | 'en', counterId: string, staffId: string, pin: string): Promise<void> {
  const w = WORDS[lang]
  await page.goto(`${lobby.url}/#/counter/${counterId}`)
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('textbox', { name: w.staff }).fill(staffId)
  await page.getByRole('textbox', { name: w.pin }).fill(pin)
  await page.getByRole('button', { name: w.signIn }).click()
}

for (const [lang, counter, staff, pin, service] of [
  ['zh', 'c2', 't02', '2222', 'personal'],
  ['en', 'c3', 't03', '3333', 'cards'],
] as const) {
  test(`a teller adds transactions to one visit with one key (${lang})`, async ({ page }) => {
    test.setTimeout(90_000)
    await page.setViewportSize({ width: 1366, height: 768 })
    const w = WORDS[lang]
    const issued = await lobby.issue(kiosk, service)
    await signIn(page, lang, counter, staff, pin)
    await page.getByRole('button', { name: w.open, exact: true }).click()
    await page.getByRole('button', { name: w.call, exact: true }).click()
    await expect(page.getByTestId('current-number')).toHaveText(issued.number)
    await page.getByRole('button', { name: w.start, exact: true }).click()
    const panel = page.getByRole('region', { name: w.visit })
    await expect(panel.getByRole('listitem')).toHaveCount(1)

    // One key: one more of the current service.
    await page.keyboard.press('Insert')
    await expect(panel.getByRole('listitem')).toHaveCount(2)
    // The panel: another service, five of it.
    await panel.getByRole('combobox', { name: w.service }).selectOption('business')
    await panel.getByRole('spinbutton', { name: w.count }).fill('5')
    await panel.getByRole('button', { name: w.add }).click()
    await expect(panel.getByRole('listitem')).toHaveCount(3)
    await expect(panel.getByRole('listitem').nth(2)).toContainText('×5')
    await expect(page.getByTestId('current-number')).toHaveText(issued.number)
    await page.screenshot({ path: `test-results/e2e/visit-counter-${lang}.png` })
    // A count out of range is told at the desk, in the teller's language, and nothing is added.
    await panel.getByRole('spinbutton', { name: w.count }).fill('99999')
    await panel.getByRole('button', { name: w.add }).click()
    await expect(page.getByText(w.badCount)).toBeVisible()
    await expect(panel.getByRole('listitem')).toHaveCount(3)
    await page.screenshot({ path: `test-results/e2e/visit-counter-bad-count-${lang}.png` })

    await page.getByRole('button', { name: w.complete, exact: true }).click()
    await expect.poll(async () => (await ticket(issued.ticketId))?.status).toBe('done')
    const done = await ticket(issued.ticketId)
    expect(done?.visits).toHaveLength(1)
    expect(done?.visits[0]?.recalls).toBe(0)
    expect(done?.visits[0]?.transactions.map((t) => [t.serviceId, t.quantity, t.outcome])).toEqual([
      [service, 1, 'served'],
      [service, 1, 'served'],
      ['business', 5, 'served'],
    ])
  })
}
