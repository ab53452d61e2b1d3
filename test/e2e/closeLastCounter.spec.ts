import { expect, test, type Page } from '@playwright/test'
import type { QueueSnapshot } from '../../shared/api/views'
import { Lobby } from './support/lobby'

/**
 * The last open counter for a service closes while its customers wait. The teller is asked
 * first (how many wait, and that no other open counter serves them); a close another counter
 * covers stays one key. The kiosk then says why nobody calls, as the phone does, never "soon".
 * Counter 1 is planned 09:00–17:00 and counter 2 from 11:00; the hub's clock reads 10:00.
 */
let lobby: Lobby
let kiosk: string
let manager: string
test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  lobby = await Lobby.start({}, [], null, {}, (b) => ({
    ...b,
    counters: b.counters.map((c) =>
      c.id === 'c1' || c.id === 'c2'
        ? { ...c, hours: [{ opens: c.id === 'c1' ? '09:00' : '11:00', closes: '17:00' }] }
        : c,
    ),
  }))
  kiosk = await lobby.pair('kiosk')
  manager = await lobby.manager()
})
test.afterAll(async () => {
  await lobby.stop()
})

const counterStatus = async (id: string): Promise<string | undefined> =>
  (await lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).state.counters[id]?.status

async function signIn(page: Page): Promise<void> {
  await page.goto(`${lobby.url}/#/counter/c1`)
  await page.getByRole('textbox', { name: '工号' }).fill('t01')
  await page.getByRole('textbox', { name: '密码' }).fill('1111')
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '开启窗口', exact: true }).click()
  await expect(page.getByRole('status', { name: '窗口状态: 空闲' })).toBeVisible()
}

test.describe('closing the last open counter for a service', () => {
  test.use({ viewport: { width: 1366, height: 768 } })

  test('asks first, in Chinese and English, and closes at once when another counter serves them', async ({ page }) => {
    const two = await lobby.signIn('t02', '2222', 'c2')
    await lobby.api('POST', '/api/v1/counters/c2/open', {}, two)
    await lobby.issue(kiosk, 'personal')
    await lobby.issue(kiosk, 'personal')
    await signIn(page)

    // counter 2 serves personal customers too: Alt+C closes at once
    await page.keyboard.press('Alt+KeyC')
    await expect(page.getByRole('heading', { name: '窗口已关闭' })).toBeVisible()
    await expect(page.getByTestId('close-confirm')).toHaveCount(0)
    expect(await counterStatus('c1')).toBe('closed')

    // counter 2 closes: counter 1 is the only one left for them
    await page.getByRole('button', { name: '开启窗口', exact: true }).click()
    await expect(page.getByRole('status', { name: '窗口状态: 空闲' })).toBeVisible()
    await lobby.api('POST', '/api/v1/counters/c2/close', {}, two)
    await page.keyboard.press('Alt+KeyC')
    const dialog = page.getByTestId('close-confirm')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('heading')).toHaveText('关闭窗口?')
    await expect(dialog).toContainText('关闭后,以下客户没有其他开放的窗口可以为其办理')
    await expect(dialog.getByTestId('close-stranded')).toHaveText(['个人业务:2 人等候'])
    await page.screenshot({ path: 'test-results/e2e/close-confirm-zh.png' })
    // cancel: nothing changes
    await dialog.getByRole('button', { name: '取消' }).click()
    await expect(dialog).toHaveCount(0)
    expect(await counterStatus('c1')).toBe('idle')

    // the close button asks the same, in English too
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Close counter', exact: true }).click()
    await expect(dialog.getByRole('heading')).toHaveText('Close the counter?')
    await expect(dialog).toContainText('No other open counter serves these customers once this one closes')
    await expect(dialog.getByTestId('close-stranded')).toHaveText(['Personal banking: 2 waiting'])
    await page.screenshot({ path: 'test-results/e2e/close-confirm-en.png' })
    await dialog.getByRole('button', { name: 'Close anyway' }).click()
    await expect(dialog).toHaveCount(0)
    await expect.poll(() => counterStatus('c1')).toBe('closed')
    await page.getByRole('button', { name: '中文' }).click()
  })
})

const KIOSK = {
  'zh-CN': {
    soon: '即将叫号',
    opens: '办理此业务的窗口 11:00 开始服务',
    opensShort: '窗口 11:00 开始服务',
    noneShort: '暂无窗口开放',
    after: '预计等候:11:00 后叫号',
    afterTicket: '11:00 后叫号',
  },
  en: {
    soon: 'soon',
    opens: 'Counters for this service open at 11:00',
    opensShort: 'Counters open at 11:00',
    noneShort: 'No counter open',
    after: 'Expected wait: after 11:00',
    afterTicket: 'after 11:00',
  },
} as const

test.describe('the kiosk once no counter for a service is open', () => {
  test.use({ viewport: { width: 1080, height: 1920 } })

  test('says why on the buttons and the ticket, as the phone does, never "soon"', async ({ page }) => {
    expect(await counterStatus('c1')).toBe('closed')
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    for (const language of ['zh-CN', 'en'] as const) {
      const w = KIOSK[language]
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      const button = (zh: string, en: string) => page.getByRole('button', { name: language === 'en' ? en : zh })
      // personal: counter 2 opens at 11:00 (counters 3 and 4 have no plan); business: none planned
      const personal = button('个人业务', 'Personal banking')
      const business = button('对公业务', 'Business accounts')
      const cards = button('开户与挂失', 'New accounts and lost cards')
      // a range stays a range (the ticket and the phone say why beside it)
      await expect(personal.getByTestId('service-wait')).not.toContainText(w.soon)
      await expect(personal.getByTestId('service-wait')).not.toContainText(w.soon)
      // no wait to give at all: the reason is the value
      await expect(business.getByTestId('service-wait')).toHaveText(w.noneShort)
      // nobody waits for cards at first: what was "soon" is when calls can start (then one is ahead)
      await expect(cards.getByTestId('service-wait')).not.toContainText(w.soon)
      if (language === 'zh-CN') await expect(cards.getByTestId('service-wait')).toHaveText(w.after)
      await page.screenshot({ path: `test-results/e2e/kiosk-held-${language}.png` })
      await cards.click()
      await expect(page.getByTestId('ticket-number')).toHaveText(/^D\d{3}$/)
      await expect(page.getByTestId('ticket-hold')).toHaveText(w.opens)
      await expect(page.getByTestId('ticket-wait')).not.toContainText(w.soon)
      if (language === 'zh-CN') await expect(page.getByTestId('ticket-wait')).toHaveText(w.afterTicket)
      await page.screenshot({ path: `test-results/e2e/kiosk-held-ticket-${language}.png` })
      await page.getByRole('button', { name: language === 'en' ? 'Done' : '完成' }).click()
    }
  })
})
