import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { aheadToMorning } from '../hub/support/morningClock'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import { Lobby } from './support/lobby'
import { shownText } from './support/shownText'

/**
 * The manager's what-if form (issue 14) against a real hub with a few of today's customers:
 * the manager changes counters, speed, arrivals by hour and the service mix, runs it, and sees
 * today and the changed day side by side, in both languages; a wrong field is said under it and
 * nothing is run. Hours are on the branch's 24-hour clock whatever the browser's language.
 * Screenshots at 1920×1080 and on a 1366×768 laptop.
 */

const WORDS = {
  'zh-CN': {
    tab: '模拟推演',
    counter1Open: '1 号窗口 开放',
    counter2From: '2 号窗口 开始',
    counter2To: '2 号窗口 结束',
    speed: '个人业务 速度(%)',
    share: '个人业务 占比(%)',
    run: '与今天对比',
    result: /^按今天的安排与调整后对比/,
    kpis: '主要指标对比',
    meanWait: '平均等候',
    today: '按今天的安排',
    changed: '调整后',
    notANumber: '请填写数字',
    notAClock: '请按 24 小时制填写时间,例如 09:30 或 14:00',
    clockPlaceholder: '时:分',
    notRun: '未运行模拟',
    sharesSum: '应为 100%',
    add: '增加一个窗口',
    newCounterOpen: '新增窗口 1 开放',
    noResult: '运行模拟后,这里显示模拟当天的指标和各时段情况。',
    usualArrivals:
      /^本网点还没有往日的营业记录,今日客流也还不能说明全天情况:各项业务先按每小时 6 人、每个窗口全天开放计算/u,
    usualDay: /^今天营业刚开始或尚未开始,今日客流还不能说明全天情况:按本网点通常的一天计算\(近 \d+ 个营业日/u,
  },
  en: {
    tab: 'What if',
    counter1Open: 'Counter 1 open',
    counter2From: 'Counter 2 from',
    counter2To: 'Counter 2 until',
    speed: 'Personal banking: speed (%)',
    share: 'Personal banking: share (%)',
    run: 'Compare with today',
    result: /^Today as planned and with your changes/,
    kpis: 'Headline figures compared',
    meanWait: 'Mean wait',
    today: 'As planned today',
    changed: 'With the changes',
    notANumber: 'Enter a number',
    notAClock: 'Enter a 24-hour time, for example 09:30 or 14:00',
    clockPlaceholder: 'HH:MM',
    notRun: 'nothing was run',
    sharesSum: 'must add up to 100 %',
    add: 'Add a counter',
    newCounterOpen: 'New counter 1 open',
    noResult: "Run a simulation to see the simulated day's figures and hours here.",
    usualArrivals: /^The branch has no past days on record, .* every service starts at 6 customers an hour/u,
    usualDay: /^The branch has only just opened today, or not yet, .* it starts from the branch’s usual day/u,
  },
} as const

let lobby: Lobby
test.beforeAll(async () => {
  lobby = await Lobby.start()
  const kiosk = await lobby.pair('kiosk')
  for (let i = 0; i < 12; i++) await lobby.issue(kiosk, i % 3 === 0 ? 'business' : 'personal')
})
test.afterAll(async () => {
  await lobby.stop()
})

async function openWhatIf(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('tab', { name: WORDS[language].tab }).click()
}

/** Requests the screen sends to the simulator. */
function countSimulations(page: Page): { readonly n: number } {
  const seen = { n: 0 }
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/simulations')) seen.n++
  })
  return seen
}

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  test.describe(`what-if form (${language})`, () => {
    test('a manager changes counters, speed, arrivals and mix, and sees today and the change side by side', async ({
      page,
    }) => {
      test.setTimeout(120_000)
      await page.setViewportSize({ width: 1920, height: 1080 })
      const simulations = countSimulations(page)
      await openWhatIf(page, language)
      const form = page.getByRole('form', { name: language === 'en' ? 'Change today’s plan' : '调整今天的安排' })
      await form.getByRole('checkbox', { name: w.counter1Open }).uncheck()
      await form.getByRole('textbox', { name: w.speed }).fill('-20')
      await form.getByRole('textbox', { name: w.share }).fill('50')
      // The other shares no longer add up to 100: said under the mix, and nothing runs.
      await form.getByRole('button', { name: w.run }).click()
      await expect(form.getByRole('alert').filter({ hasText: w.sharesSum })).toBeVisible()
      await expect(form.getByRole('alert').filter({ hasText: w.notRun })).toBeVisible()
      expect(simulations.n).toBe(0)
      // Business takes the other half; the other two services nothing.
      const shares = form.getByRole('textbox', { name: /(占比|share)/u })
      const n = await shares.count()
      for (let i = 1; i < n; i++) await shares.nth(i).fill(i === 1 ? '50' : '0')
      const surge = form.getByRole('textbox', { name: language === 'en' ? 'From 11:00' : '11:00 起' })
      await surge.fill('2')
      await form.getByRole('button', { name: w.add }).click()
      await expect(form.getByRole('checkbox', { name: w.newCounterOpen })).toBeChecked()
      await form.getByRole('button', { name: w.run }).click()

      const result = page.getByRole('region', { name: w.result })
      const kpis = result.getByRole('table', { name: w.kpis })
      await expect(kpis).toBeVisible({ timeout: 60_000 })
      await expect(kpis.getByRole('columnheader')).toContainText([w.today, w.changed])
      const meanWait = kpis.getByRole('row', { name: new RegExp(`^${w.meanWait}`, 'u') })
      await expect(meanWait.getByRole('cell')).toHaveCount(4)
      // Today and the changed day: one request each, today's the very scenario the form started from.
      expect(simulations.n).toBe(2)
      await page.screenshot({ path: `test-results/e2e/whatif-form-${language}-1920.png`, fullPage: true })

      await page.setViewportSize({ width: 1366, height: 768 })
      await page.screenshot({ path: `test-results/e2e/whatif-form-${language}-1366.png`, fullPage: true })
      // Every control of the form fits the laptop's width.
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number
      expect(overflow).toBeLessThanOrEqual(0)
    })

    test.describe('in a browser set to American English', () => {
      // The browser's language is not the screen's: a native time field shows "09:00 AM" there.
      test.use({ locale: 'en-US' })

      test("hours show and are typed on the branch's 24-hour clock", async ({ page }) => {
        await page.setViewportSize({ width: 1366, height: 768 })
        const simulations = countSimulations(page)
        await openWhatIf(page, language)
        const from = page.getByLabel(w.counter2From)
        const to = page.getByLabel(w.counter2To)
        expect(await shownText(from)).toBe('09:00')
        // Left empty (until the last customer): no "--:-- --", a hint in the screen's words.
        expect(await shownText(to)).not.toMatch(/AM|PM|--/u)
        await expect(to).toHaveAttribute('placeholder', w.clockPlaceholder)
        await page.screenshot({ path: `test-results/e2e/whatif-clock-${language}-1366.png` })
        // Typed the short way, or with a Chinese keyboard's colon: written HH:MM once left.
        await from.fill('930')
        await to.fill('16：30')
        await from.focus()
        expect(await shownText(from)).toBe('09:30')
        await expect(to).toHaveValue('16:30')
        // A 12-hour time is refused under its field, in the screen's language, and nothing runs.
        await to.fill('5:00 PM')
        await page.getByRole('button', { name: w.run }).click()
        await expect(to).toHaveAttribute('aria-invalid', 'true')
        const describedBy = (await to.getAttribute('aria-describedby')) ?? ''
        await expect(page.locator(`[id="${describedBy.split(' ').at(-1)}"]`)).toHaveText(w.notAClock)
        await expect(page.getByRole('alert').filter({ hasText: w.notRun })).toBeVisible()
        expect(simulations.n).toBe(0)
        await page.screenshot({ path: `test-results/e2e/whatif-clock-invalid-${language}-1366.png`, fullPage: true })
      })
    })

    test('an invalid field shows its error under it and nothing runs', async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 })
      const simulations = countSimulations(page)
      await openWhatIf(page, language)
      const surge = page.getByRole('textbox', { name: language === 'en' ? 'From 10:00' : '10:00 起' })
      await surge.fill('lots')
      const to = page.getByLabel(w.counter2To)
      await page.getByLabel(w.counter2From).fill('12:00')
      await to.fill('11:00')
      await page.getByRole('button', { name: w.run }).click()
      await expect(surge).toHaveAttribute('aria-invalid', 'true')
      const describedBy = (await surge.getAttribute('aria-describedby')) ?? ''
      await expect(page.locator(`[id="${describedBy.split(' ').at(-1)}"]`)).toHaveText(w.notANumber)
      await expect(to).toHaveAttribute('aria-invalid', 'true')
      await expect(page.getByRole('alert').filter({ hasText: w.notRun })).toBeVisible()
      await page.screenshot({ path: `test-results/e2e/whatif-form-invalid-${language}-1366.png`, fullPage: true })
      expect(simulations.n).toBe(0)
      // The form with its errors showing has no serious accessibility problem.
      const axe = await new AxeBuilder({ page }).include('form').analyze()
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    })

    test('a run refused after a result leaves no result on screen that would read as the new one', async ({ page }) => {
      test.setTimeout(120_000)
      await page.setViewportSize({ width: 1366, height: 768 })
      await openWhatIf(page, language)
      await page.getByRole('button', { name: w.run }).click()
      const result = page.getByRole('region', { name: w.result })
      await expect(result).toBeVisible({ timeout: 60_000 })
      const surge = page.getByRole('textbox', { name: language === 'en' ? 'From 10:00' : '10:00 起' })
      await surge.fill('lots')
      await page.getByRole('button', { name: w.run }).click()
      await expect(page.getByRole('alert').filter({ hasText: w.notRun })).toBeVisible()
      await expect(result).toHaveCount(0)
      await expect(page.getByText(w.noResult)).toBeVisible()
      await page.screenshot({
        path: `test-results/e2e/whatif-refused-after-result-${language}-1366.png`,
        fullPage: true,
      })
    })

    test('before the doors open with no history, today starts from a placeholder rate and says so', async ({
      page,
    }) => {
      // 04:07 at the branch, with a few tickets taken already: the kiosk issues them before the
      // doors open only with a teller at a counter (a tester at counter 1 and the kiosk).
      const ahead = aheadToMorning() - (5 * 60 + 53) * 60_000
      const early = await Lobby.start({ clock: { now: () => Date.now() + ahead } })
      try {
        const kiosk = await early.pair('kiosk')
        const teller = await early.signIn('t01', '1111', 'c1')
        await early.api('POST', '/api/v1/counters/c1/open', {}, teller)
        for (let i = 0; i < 5; i++) await early.issue(kiosk, 'personal')
        await page.setViewportSize({ width: 1366, height: 768 })
        await page.goto(`${early.url}/#/manager?token=${await early.manager()}`)
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
        await page.getByRole('tab', { name: w.tab }).click()
        await expect(page.getByTestId('whatif-usual-arrivals')).toHaveText(w.usualArrivals)
        // The counters work the doors' hours, not from 04:00.
        expect(await shownText(page.getByLabel(w.counter2From))).toMatch(/^(09|10):00$/u)
        await page.screenshot({ path: `test-results/e2e/whatif-before-opening-${language}-1366.png`, fullPage: true })
      } finally {
        await early.stop()
      }
    })

    test("before the doors open with days on record, today starts from the branch's usual day (audit37 F7)", async ({
      page,
    }) => {
      // 07:52 at the branch; the ten days before it on record: counters 1 and 2 staffed 09:00–17:00,
      // 24 personal-banking customers an hour.
      const ahead = aheadToMorning() - (2 * 60 + 8) * 60_000
      const now = Date.now() + ahead
      const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-e2e-usual-'))
      await writeFile(join(dir, 'branch.json'), JSON.stringify(await demoBranchFile()))
      await mkdir(join(dir, 'journal'))
      const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
      for (let back = 1; back <= 10; back++) {
        const date = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10)
        await writeFile(join(dir, 'journal', `${date}.jsonl`), recordedDay(date))
      }
      const lobby = await Lobby.startIn(dir, { clock: { now: () => Date.now() + ahead } })
      try {
        await page.setViewportSize({ width: 1366, height: 768 })
        await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
        await page.getByRole('tab', { name: w.tab }).click()
        await expect(page.getByTestId('whatif-usual-arrivals')).toHaveText(w.usualDay)
        await page.screenshot({ path: `test-results/e2e/whatif-usual-day-${language}-1366.png`, fullPage: true })
      } finally {
        await lobby.stop()
      }
    })
  })
}

/** A past day's journal at the demo branch: counters 1 and 2 open 09:00–17:00, 24 personal-banking customers an hour. */
function recordedDay(date: string): string {
  const at = (minute: number): number => Date.parse(`${date}T00:00:00Z`) - 8 * 3600_000 + minute * 60_000
  const events: Record<string, unknown>[] = [{ type: 'dayOpened', date, at: at(9 * 60) }]
  for (const [i, c] of ['c1', 'c2'].entries())
    events.push({ type: 'counterOpened', counterId: c, staffId: `t0${i + 1}`, at: at(9 * 60 + 1) })
  for (let n = 1; n <= 8 * 24; n++) {
    const number = `A${String(n).padStart(3, '0')}`
    events.push({
      type: 'ticketIssued',
      ticketId: `${date.replaceAll('-', '')}-${number}`,
      number,
      issueSeq: n,
      serviceId: 'personal',
      priorityClassId: null,
      language: 'zh-CN',
      appointmentAt: null,
      estimate: null,
      at: at(9 * 60 + Math.floor((n - 1) * 2.5)),
    })
  }
  for (const c of ['c1', 'c2']) events.push({ type: 'counterClosed', counterId: c, at: at(17 * 60) })
  events.push({ type: 'dayClosed', at: at(17 * 60 + 1) })
  return events
    .map((e, i) => `${JSON.stringify({ e: { ...e, seq: i + 1 }, m: { actor: { kind: 'system', reason: 'test' } } })}\n`)
    .join('')
}
