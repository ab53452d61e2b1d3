import { readFile, rm } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { startHq, type RunningHq } from '../../hq/startHq'
import { addDays } from '../../shared/domain/localTime'
import { freshPgliteDir } from '../hq/support/pgliteTemplate'
import { seedHq } from '../hq/support/seedHq'
import { RENDERER_DIR } from './support/lobby'

/**
 * The headquarters screens (`/#/hq`) served by a real HQ on PGlite, filled with seven simulated
 * days of three branches in two regions: sign-in, the side-by-side table (sorting, the worst
 * marked, CSV), a regional manager's narrower view, the drill-down into a branch's day, trends
 * and the replication status, in both languages and at two screen sizes.
 */
const PASSWORD = 'demo password 1'
const yesterday = addDays(new Date().toISOString().slice(0, 10), -1)
let hq: RunningHq
let dir = ''

test.beforeAll(async () => {
  test.setTimeout(240_000)
  dir = await freshPgliteDir()
  hq = await startHq({ db: { kind: 'pglite', dir }, host: '127.0.0.1', port: 0, rendererDir: RENDERER_DIR })
  await seedHq(hq.context, yesterday, 7, PASSWORD)
  // Haidian's first day keeps a summary under the report rules before versions, and HQ holds no
  // whole copy of its events to compute it again: the comparison names it.
  const haidian = `(select id from branches where code = 'haidian')`
  // A first comparison makes HQ summarise every day; then one of them is put back as of old.
  const session = (await (
    await fetch(`${hq.url}/api/hq/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'ho', password: PASSWORD }),
    })
  ).json()) as { token: string }
  const range = `from=${addDays(yesterday, -6)}&to=${yesterday}`
  await fetch(`${hq.url}/api/hq/v1/compare?${range}`, { headers: { authorization: `Bearer ${session.token}` } })
  await hq.context.db.query(
    `update day_summaries set summary = summary - 'rulesVersion', source = 'branch' where day = $1::date and branch_id = ${haidian}`,
    [addDays(yesterday, -6)],
  )
  await hq.context.db.query(`delete from branch_days where day = $1::date and branch_id = ${haidian}`, [
    addDays(yesterday, -6),
  ])
})
test.afterAll(async () => {
  await hq?.close()
  await rm(dir, { recursive: true, force: true })
})

async function signIn(page: Page, user: string): Promise<void> {
  await page.goto(`${hq.url}/#/hq`)
  await page.getByLabel(/用户名|User name/).fill(user)
  await page.getByLabel(/密码|Password/).fill(PASSWORD)
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
}

const rows = (page: Page) => page.locator('table.compare__table tbody tr')

test('a wrong password is refused in the screen’s language', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const [language, said] of [
    ['zh-CN', '用户名或密码不正确。'],
    ['en', 'Unknown user or wrong password.'],
  ] as const) {
    await page.goto(`${hq.url}/#/hq`)
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
    await page.getByLabel(/用户名|User name/).fill('ho')
    await page.getByLabel(/密码|Password/).fill('not the password')
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
    await expect(page.getByRole('alert')).toHaveText(said)
    await page.screenshot({ path: `test-results/e2e/hq-sign-in-refused-${language}.png` })
    await page.goto('about:blank')
  }
})

test('head office compares every branch, sorts, sees the worst marked and exports the table', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await signIn(page, 'ho')
  await expect(page.getByText('总行 王总(总行)')).toBeVisible()
  await expect(rows(page)).toHaveCount(3)
  await expect(page.locator('td.compare__worst').first()).toBeVisible()
  const worstWait = page.locator('tr', { has: page.locator('td.compare__worst') }).first()
  await expect(worstWait).toBeVisible()
  await page.getByRole('button', { name: '平均等候' }).click()
  const first = await rows(page).first().getAttribute('data-branch')
  await page.getByRole('button', { name: '平均等候' }).click()
  expect(await rows(page).first().getAttribute('data-branch')).not.toBe(first)
  // Jing'an's hub closed one of the days itself: said beside its days, with which day on hover.
  const jingan = page.locator('tr[data-branch="jingan"]')
  await expect(jingan.locator('.compare__auto')).toHaveText('其中 1 天系统自动结束')
  await expect(jingan.locator('.compare__auto')).toHaveAttribute('title', /: 未由主管结束营业,系统在日终自动结束$/)
  await expect(page.locator('tr[data-branch="pudong"] .compare__auto')).toHaveCount(0)
  const haidian = page.locator('tr[data-branch="haidian"] .compare__rules')
  await expect(haidian).toHaveText('其中 1 天按旧版规则')
  await expect(haidian).toHaveAttribute('title', new RegExp(`无法按现行规则重算.*\\n${addDays(yesterday, -6)}$`, 's'))
  await expect(page.locator('tr[data-branch="jingan"] .compare__rules')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/e2e/hq-compare-zh-1920.png', fullPage: true })
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出对比 CSV' }).click()
  const csv = await readFile((await (await download).path()) as string, 'utf8')
  expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(4)
  expect(csv).toContain('浦东支行')
  expect(csv).toMatch(/静安支行.*,\d{4}-\d{2}-\d{2} endOfDay,\r\n/)
  expect(csv).toContain(`,${addDays(yesterday, -6)}\r\n`)
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('tab', { name: 'Compare' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Mean wait' })).toBeVisible()
  await expect(jingan.locator('.compare__auto')).toHaveText('1 closed by the hub')
  await expect(haidian).toHaveText('1 under older report rules')
  await page.screenshot({ path: 'test-results/e2e/hq-compare-en-1920.png', fullPage: true })
})

test("a regional manager sees only the region's branches and opens one's day report", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, 'rm-east')
  await expect(rows(page)).toHaveCount(2)
  await expect(page.locator('table.compare__table')).not.toContainText('海淀')
  await page.getByRole('button', { name: '静安支行' }).click()
  await expect(page.getByRole('tab', { name: '网点日报' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('list', { name: '主要指标' })).toBeVisible()
  await expect(page.getByRole('group', { name: '取号数' })).toBeVisible()
  await page.screenshot({ path: 'test-results/e2e/hq-branch-zh-1366.png', fullPage: true })
  await page.getByRole('tab', { name: '趋势' }).click()
  await page.getByLabel('选择网点').selectOption('jingan')
  await expect(page.getByRole('list', { name: '时间段主要指标' })).toBeVisible()
  await page.screenshot({ path: 'test-results/e2e/hq-trends-zh-1366.png', fullPage: true })
})

test('the replication tab lists each branch with how far it is behind', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, 'ho')
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('tab', { name: /Replication/ }).click()
  const table = page.getByRole('table', { name: 'Replication from each branch' })
  await expect(table.locator('tbody tr')).toHaveCount(3)
  await expect(table).toContainText('Pudong')
  await page.screenshot({ path: 'test-results/e2e/hq-status-en-1366.png', fullPage: true })
})
