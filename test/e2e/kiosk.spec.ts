import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
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

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 } })

  test('a customer takes a ticket and sees number, people ahead, wait, documents and a QR code', async ({ page }) => {
    await lobby.issue(kiosk, 'business')
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    await expect(page).not.toHaveURL(/token=/)
    const business = page.getByRole('button', { name: /对公业务/ })
    await expect(business).toContainText('等候 1 人')
    await business.click()
    await expect(page.getByTestId('ticket-number')).toHaveText('B002')
    await expect(page.getByTestId('ticket-ahead')).toHaveText('1 人')
    await expect(page.getByTestId('ticket-wait')).toHaveText(/约 \d+–\d+ 分钟|即将叫号/)
    await expect(page.getByText('营业执照')).toBeVisible()
    await expect(page.getByRole('img', { name: '扫码查看实时排队进度' })).toBeVisible()
    await page.getByRole('button', { name: '完成' }).click()
    await expect(page.getByRole('heading', { name: '欢迎光临,请选择您要办理的业务' })).toBeVisible()
  })

  test('in English, suggests self-service first without blocking the ticket', async ({ page }) => {
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: /Personal banking/ }).click()
    await expect(page.getByRole('dialog', { name: 'This can be done at a self-service machine' })).toBeVisible()
    await page.getByRole('button', { name: 'Take a ticket anyway' }).click()
    await expect(page.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/)
    await expect(page.getByText('Your ID card')).toBeVisible()
  })

  test('a double tap gives one ticket', async ({ page }) => {
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    const before = await lobby.api<{ seq: number }>('GET', '/api/v1/health')
    await page.getByRole('button', { name: /理财与证券/ }).dblclick()
    await expect(page.getByTestId('ticket-number')).toHaveText(/^C\d{3}$/)
    const after = await lobby.api<{ seq: number }>('GET', '/api/v1/health')
    expect(after.seq - before.seq).toBe(1)
  })

  test('a priority customer sees what the priority means for others', async ({ page }) => {
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    await expect(page.getByText('任何客户等候满 40 分钟后,不会再被后来的客户超过。')).toBeVisible()
    await page.getByRole('button', { name: '贵宾客户' }).click()
    await expect(page.getByRole('heading', { name: '贵宾客户:请选择业务' })).toBeVisible()
    await page.getByRole('button', { name: /开户与挂失/ }).click()
    await expect(page.getByTestId('ticket-number')).toHaveText(/^D\d{3}$/)
  })

  test('has no serious accessibility violations', async ({ page }) => {
    await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
    await expect(page.getByRole('button', { name: /个人业务/ })).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  })
})
