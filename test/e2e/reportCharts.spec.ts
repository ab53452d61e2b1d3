import { expect, test } from '@playwright/test'
import { Lobby } from './support/lobby'

/**
 * The day report's charts on a day with a teller at 100 %: the label at the end of a bar that
 * reaches the axis's end ("100% (1/1)") must stay inside the chart, not be cut at its edge.
 */
let lobby: Lobby
test.beforeAll(async () => {
  lobby = await Lobby.start()
  const kiosk = await lobby.pair('kiosk')
  await lobby.issue(kiosk, 'personal')
  const teller = await lobby.signIn('t01', '1111', 'c1')
  const at = (verb: string, body: unknown = {}) => lobby.api('POST', `/api/v1/counters/c1/${verb}`, body, teller)
  await at('open')
  await at('call-next')
  await at('start')
  // Done at once: well within the standard time, so the teller's bar is 100 %.
  await at('complete', { completedServiceId: null })
})
test.afterAll(async () => {
  await lobby.stop()
})

for (const [language, tab, title] of [
  ['zh-CN', '日报与趋势', '各柜员标准时间内办结比例'],
  ['en', 'Report and trends', 'Transactions within standard, by teller'],
] as const) {
  test(`keeps a 100 % bar's label inside the teller chart (${language})`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('tab', { name: tab }).click()
    const chart = page.locator('.chart-card').filter({ hasText: title }).locator('.report-chart svg')
    const label = chart.locator('text', { hasText: '100% (1/1)' })
    await expect(label).toHaveCount(1)
    await chart.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `test-results/e2e/report-teller-100-${language}.png` })
    const [box, text] = await Promise.all([chart.boundingBox(), label.boundingBox()])
    expect(box).not.toBeNull()
    expect(text).not.toBeNull()
    expect(text!.x).toBeGreaterThanOrEqual(box!.x)
    expect(text!.x + text!.width).toBeLessThanOrEqual(box!.x + box!.width)
  })
}
