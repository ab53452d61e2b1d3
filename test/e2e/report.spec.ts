import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { dayFigures, durationWords, secondsOfWords, type DayFigures } from './support/dayFigures'
import { COMPLAINT, DAY, SUGGESTION, TICKETS, playReportScene, type ReportScene } from './support/reportScene'

/**
 * The manager's report, feedback and what-if screens against a real hub on which ten business
 * days were played through the API (`support/reportScene.ts`). The full day's figures are worked
 * out here from its events (`support/dayFigures.ts`), independently of `shared/reports`, and the
 * screen and the exports must show the same.
 */

const OFFSET = 480

const WORDS = {
  'zh-CN': {
    tab: '日报与趋势',
    region: `${DAY} 等候时间日报`,
    issued: '取号数',
    served: '已办理',
    meanWait: '平均等候',
    withinTarget: '目标时间内叫号',
    withinStandard: '办理时间达标',
    volume: '客流量',
    noShows: '过号未到',
    cancelled: '已取消',
    transfers: '转移次数',
    range: '时间段',
    last28: '最近 28 天',
    rangeRegion: /趋势/,
    businessDays: '共 10 个营业日',
  },
  en: {
    tab: 'Report and trends',
    region: `Wait-time report for ${DAY}`,
    issued: 'Tickets issued',
    served: 'Served',
    meanWait: 'Mean wait',
    withinTarget: 'Called within target',
    withinStandard: 'Transactions within standard',
    volume: 'Volume',
    noShows: 'No-shows',
    cancelled: 'Cancelled',
    transfers: 'Transfers',
    range: 'Date range',
    last28: 'Last 28 days',
    rangeRegion: /Trends from/,
    businessDays: '10 business days',
  },
} as const

let scene: ReportScene
let day: DayFigures

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(240_000)
  scene = await playReportScene()
  day = dayFigures(scene.days.get(DAY) ?? [], DEMO_BRANCH, OFFSET)
})
test.afterAll(async () => {
  await scene?.lobby.stop()
})

/** The manager screen on a tab, already signed in (the way the desktop shell hands over a token). */
async function open(page: Page, tab: string, language: 'zh-CN' | 'en'): Promise<void> {
  await page.goto(`${scene.lobby.url}/#/manager?token=${await scene.lobby.manager()}`)
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('tab', { name: tab }).click()
}

/** A headline figure: the tile named by its label. */
function tile(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true }).getByRole('strong')
}

/** The figure of a row of a report table, found by its row header. */
function figure(table: Locator, rowHeader: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: rowHeader, exact: true }) })
    .getByRole('cell')
}

async function noSeriousA11yProblems(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
}

/** The few DOM shapes the chart check reads (this file is type-checked without the DOM's types). */
interface Box {
  readonly left: number
  readonly right: number
  readonly width: number
}
interface ChartSvg {
  getBoundingClientRect(): Box
  querySelectorAll(selector: 'text'): ArrayLike<{ readonly textContent: string | null; getBoundingClientRect(): Box }>
}

/** The few DOM shapes the table check reads. */
interface TableElement {
  readonly parentElement: { readonly scrollWidth: number; readonly clientWidth: number } | null
  closest(selector: 'section'): { getBoundingClientRect(): Box } | null
  querySelector(selector: 'caption'): { readonly textContent: string | null } | null
  getBoundingClientRect(): Box
}

/**
 * Every table of a report that does not fit its card: drawn past the card's edge (over the
 * next column) or wider than its own box (so the box would have to scroll to show it).
 */
async function tablesNotFitting(report: Locator): Promise<string[]> {
  // The tables behind the charts too, unfolded.
  const show = report.getByRole('button', { name: /^(Show table|查看数据表)$/u })
  while ((await show.count()) > 0) await show.first().click()
  return report.locator('table').evaluateAll((tables: TableElement[]) =>
    tables.flatMap((table) => {
      const t = table.getBoundingClientRect()
      const card = table.closest('section')?.getBoundingClientRect()
      const box = table.parentElement
      if (card === undefined || box === null || t.width === 0) return []
      const spills = t.left < card.left - 0.5 || t.right > card.right + 0.5
      const scrolls = box.scrollWidth > box.clientWidth + 1
      if (!spills && !scrolls) return []
      const name = table.querySelector('caption')?.textContent?.trim() ?? ''
      return [`${name}: table ${Math.round(t.width)} px, card ${Math.round(card.width)} px`]
    }),
  )
}

/** A CSV as rows of cells (a quoted cell may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = (): void => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (!quoted && c === ',') {
      endCell()
    } else if (!quoted && c === '\n') {
      cell = cell.replace(/\r$/u, '')
      endCell()
      rows.push(row)
      row = []
    } else {
      cell += c
    }
  }
  endCell()
  rows.push(row)
  return rows
}

test('the scene played what it claims', () => {
  // Guards the scene itself: a change to it that loses the no-show, the give-up or the transfer
  // would otherwise leave the tests below checking less than they say.
  expect(day.issued).toBe(TICKETS)
  expect(day.noShows).toBe(1)
  expect(day.cancelled).toBe(1)
  expect(day.transfers).toBe(1)
  expect(day.served).toBe(TICKETS - 2)
  // Waits both sides of the target, transactions both sides of the standard.
  expect(day.meanWaitSec).toBeGreaterThan(60)
  expect(day.withinTarget).toBeLessThan(1)
  expect(day.withinStandard).toBeGreaterThan(0.2)
  expect(day.withinStandard).toBeLessThan(0.95)
})

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  test.describe(`report (${language})`, () => {
    test.use({ viewport: { width: 1920, height: 1080 } })

    test("shows the full day's figures as worked out from its events", async ({ page }) => {
      await open(page, w.tab, language)
      const report = page.getByRole('region', { name: w.region, exact: true })
      await expect(tile(report, w.issued)).toHaveText(String(day.issued))
      await expect(tile(report, w.served)).toHaveText(String(day.served))
      await expect(tile(report, w.meanWait)).toHaveText(durationWords(day.meanWaitSec, language))
      await expect(tile(report, w.withinTarget)).toHaveText(`${Math.round(day.withinTarget * 100)}%`)
      await expect(tile(report, w.withinStandard)).toHaveText(`${Math.round(day.withinStandard * 100)}%`)
      const volume = report.getByRole('table', { name: w.volume, exact: true })
      await expect(figure(volume, w.noShows)).toHaveText(String(day.noShows))
      await expect(figure(volume, w.cancelled)).toHaveText(String(day.cancelled))
      await expect(figure(volume, w.transfers)).toHaveText(String(day.transfers))
      await expect(report.locator('.report-chart svg')).toHaveCount(4)
      // Every word of every chart within its chart's width: a 100 % bar's label (100% (9/9)) included.
      const outside = await report.locator('.report-chart svg').evaluateAll((svgs: ChartSvg[]) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect()
          return Array.from(svg.querySelectorAll('text'))
            .filter((text) => {
              const r = text.getBoundingClientRect()
              return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)
            })
            .map((text) => text.textContent)
        }),
      )
      expect(outside).toEqual([])
      await noSeriousA11yProblems(page)
      // For a person to look at (test-results/…/report-<language>.png).
      await page.screenshot({ path: test.info().outputPath(`report-${language}.png`), fullPage: true })
    })

    test('writes the chosen dates out in the page’s language beside the pickers', async ({ page }) => {
      // Chromium draws the picker itself in its own UI language (12/06/2026 on a Chinese screen).
      await open(page, w.tab, language)
      const controls = page.getByRole('group', { name: language === 'en' ? 'Choose a report' : '选择报表' })
      const date = controls.getByLabel(language === 'en' ? 'Date' : '日期', { exact: true })
      await date.fill('2026-03-02')
      const described = await date.getAttribute('aria-describedby')
      const words = controls.locator(`[id="${described}"]`)
      await expect(words).toHaveText(language === 'en' ? 'Monday, March 2, 2026' : '2026年3月2日星期一')
      await controls.getByRole('radio', { name: language === 'en' ? 'Date range' : '时间段' }).check()
      await controls.getByLabel(language === 'en' ? 'From' : '从', { exact: true }).fill('2026-02-28')
      await expect(controls.getByTestId('date-text').first()).toHaveText(
        language === 'en' ? 'Saturday, February 28, 2026' : '2026年2月28日星期六',
      )
    })

    test('shows the trend of the closed days and this week against last', async ({ page }) => {
      await open(page, w.tab, language)
      await page.getByRole('radio', { name: w.range }).check()
      await page.getByRole('button', { name: w.last28 }).click()
      const region = page.getByRole('region', { name: w.rangeRegion })
      await expect(region.getByText(w.businessDays)).toBeVisible()
      const events = [...scene.days.values()].flat()
      const issued = events.filter((e) => e.type === 'ticketIssued').length
      const served = new Set(events.flatMap((e) => (e.type === 'serviceCompleted' ? [e.ticketId] : []))).size
      await expect(tile(region, w.issued)).toHaveText(issued.toLocaleString('en'))
      await expect(tile(region, w.served)).toHaveText(served.toLocaleString('en'))
      await expect(region.locator('.report-chart svg')).toHaveCount(3)
      await noSeriousA11yProblems(page)
    })
  })
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  for (const language of ['zh-CN', 'en'] as const) {
    const w = WORDS[language]
    test.describe(`report tables at ${size.width}×${size.height} (${language})`, () => {
      test.use({ viewport: size })

      test('fit their cards, in the day report and the trends', async ({ page }) => {
        await open(page, w.tab, language)
        const report = page.getByRole('region', { name: w.region, exact: true })
        await expect(tile(report, w.issued)).toHaveText(String(day.issued))
        expect.soft(await tablesNotFitting(report)).toEqual([])
        const shot = (name: string) => test.info().outputPath(`${name}-${language}-${size.width}.png`)
        await page.screenshot({ path: shot('report-tables'), fullPage: true })
        await page.getByRole('radio', { name: w.range }).check()
        await page.getByRole('button', { name: w.last28 }).click()
        const range = page.getByRole('region', { name: w.rangeRegion })
        await expect(range.getByText(w.businessDays)).toBeVisible()
        expect.soft(await tablesNotFitting(range)).toEqual([])
        await page.screenshot({ path: shot('range-tables'), fullPage: true })
      })
    })
  }
}

test.describe('report exports and print', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test("downloads the day's CSVs: every ticket with its wait, and the KPIs", async ({ page }) => {
    await open(page, WORDS['zh-CN'].tab, 'zh-CN')
    const [tickets] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出逐号明细 CSV' }).click(),
    ])
    expect(tickets.suggestedFilename()).toBe(`branch-lobby-${DAY}-tickets-zh-CN.csv`)
    const bytes = await readFile(await tickets.path())
    // A byte-order mark, so Excel reads the Chinese headers.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header = [], ...rows] = parseCsv(bytes.subarray(3).toString('utf8').trimEnd())
    expect(rows).toHaveLength(TICKETS)
    const number = header.indexOf('号码')
    const wait = header.indexOf('等候时间(秒)')
    expect(number).toBeGreaterThanOrEqual(0)
    expect(wait).toBeGreaterThan(number)
    // Each ticket's wait, to the tenth of a second the file gives, is the one in the events.
    const waits = new Map(rows.map((r) => [r[number] as string, r[wait] as string]))
    expect(waits.size).toBe(TICKETS)
    for (const [n, sec] of day.waitByNumber) {
      expect(Math.abs(Number(waits.get(n)) - sec), n).toBeLessThanOrEqual(0.05 + 1e-9)
    }
    expect([...waits.values()].filter((v) => v === '')).toHaveLength(TICKETS - day.waitByNumber.size)

    const [kpis] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出指标 CSV' }).click(),
    ])
    const kpiRows = parseCsv(
      (await readFile(await kpis.path()))
        .toString('utf8')
        .replace(/^\uFEFF/u, '')
        .trimEnd(),
    )
    expect(kpiRows).toContainEqual(['取号数', String(TICKETS)])
    expect(kpiRows).toContainEqual(['已办理', String(day.served)])
  })

  test('prints the report alone, with every table under its chart', async ({ page }) => {
    await open(page, WORDS['zh-CN'].tab, 'zh-CN')
    await expect(tile(page, WORDS['zh-CN'].issued)).toHaveText(String(TICKETS))
    await page.setViewportSize({ width: 794, height: 1123 })
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('tablist')).toBeHidden()
    await expect(page.getByRole('button', { name: '导出逐号明细 CSV' })).toBeHidden()
    await expect(page.getByRole('heading', { name: WORDS['zh-CN'].region })).toBeVisible()
    // The tables behind the charts are printed though folded away on screen.
    await expect(page.getByRole('table', { name: '各时段到达客户与窗口' })).toBeVisible()
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(pdf.byteLength).toBeGreaterThan(10_000)
  })
})

/** The end of the third working day after a Friday: the next Wednesday (docs/reports.md). */
const REPLY_BY = '2026-12-02 23:59'

test.describe('feedback', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('lists feedback with its deadline, records a complaint and its reply', async ({ page }) => {
    await open(page, '意见与投诉', 'zh-CN')
    const table = page.getByRole('table')
    const suggestion = table.getByRole('row', { name: new RegExp(SUGGESTION) })
    await expect(suggestion).toContainText('待回复')
    await expect(suggestion).toContainText(REPLY_BY)
    await expect(table.getByRole('row', { name: new RegExp(COMPLAINT.slice(0, 8)) })).toContainText('按时回复')

    await page.getByRole('radio', { name: '投诉' }).check()
    await page.getByRole('textbox', { name: '内容' }).fill('柜员态度很好,但是等了四十分钟。')
    await page.getByRole('textbox', { name: '客户的号码(可不填)' }).fill('a12')
    await page.getByRole('button', { name: '记录', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: '意见已记录' })).toBeVisible()
    const row = table.getByRole('row', { name: /等了四十分钟/ })
    await expect(row).toContainText('A012')
    await expect(row).toContainText('待回复')
    await expect(row).toContainText(REPLY_BY)
    // Recorded at the hub, not only on screen.
    const stored = await scene.lobby.api<{ records: { text: string; ticketId: string | null }[] }>(
      'GET',
      '/api/v1/feedback',
      undefined,
      await scene.lobby.manager(),
    )
    expect(stored.records.find((r) => r.text.includes('四十分钟'))?.ticketId).toBe(`${DAY.replaceAll('-', '')}-A012`)

    await row.getByRole('button', { name: /记录答复/ }).click()
    const dialog = page.getByRole('dialog', { name: '记录给客户的答复' })
    await dialog.getByRole('textbox', { name: '答复内容或处理结果' }).fill('已致电客户致歉。')
    await dialog.getByRole('button', { name: '保存答复' }).click()
    await expect(row).toContainText('按时回复')
    await expect(row).toContainText('已致电客户致歉。')
    // Who recorded the reply, kept in the record: the manager signed in, by name.
    await expect(row).toContainText('记录人:赵主任 (m01)')
    await noSeriousA11yProblems(page)
    await page.getByRole('button', { name: 'English' }).click()
    await expect(row).toContainText('Recorded by 赵主任 (m01)')
  })
})

/**
 * Each header of the feedback table with the number of lines its words take (the lines of a
 * header's text, not of its cell, which is as tall as the row). A string: the browser's types.
 */
function headerLines(page: Page): Promise<[string, number][]> {
  return page.evaluate(`[...document.querySelectorAll('.fb-list__table thead th')].map((th) => {
    const range = document.createRange()
    range.selectNodeContents(th)
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
    return [th.textContent.trim(), tops.size]
  })`)
}

test.describe('a reply a colleague recorded first', () => {
  test.use({ viewport: { width: 1366, height: 768 } })

  // The hub's 409 feedbackResolved, in the manager's words (not the hub's English).
  test('says the feedback already has a reply, in the screen’s language', async ({ page }) => {
    for (const language of ['zh-CN', 'en'] as const) {
      const zh = language === 'zh-CN'
      const manager = await scene.lobby.manager()
      const text = `${language} 空调太冷,希望调高温度。`
      const record = await scene.lobby.api<{ id: string }>(
        'POST',
        '/api/v1/feedback',
        { ticketId: null, kind: 'suggestion', text },
        manager,
      )
      await open(page, zh ? '意见与投诉' : 'Feedback', language)
      const row = page.getByRole('table').getByRole('row', { name: new RegExp(text) })
      await row.getByRole('button', { name: new RegExp(text) }).click()
      const dialog = page.getByRole('dialog', { name: zh ? '记录给客户的答复' : 'Record the reply to the customer' })
      await dialog
        .getByRole('textbox', { name: zh ? '答复内容或处理结果' : 'What was replied or done' })
        .fill('已调高。')
      // A colleague records the reply while this dialog is open.
      await scene.lobby.api(
        'POST',
        `/api/v1/feedback/${record.id}/resolve`,
        { resolution: 'Turned the heating up.' },
        manager,
      )
      await dialog.getByRole('button', { name: zh ? '保存答复' : 'Save reply' }).click()
      await expect(dialog.getByRole('alert')).toHaveText(
        zh
          ? '这条意见已有答复,答复只能记录一次。请刷新页面查看。'
          : 'That feedback already has a reply, and a reply is recorded once. Reload the page to see it.',
      )
      await page.screenshot({ path: test.info().outputPath(`feedback-resolved-${language}.png`) })
      // The next language opens the screen afresh (a hash-only link would keep this dialog).
      await page.goto('about:blank')
    }
  })
})

test.describe('a long complaint', () => {
  test.use({ viewport: { width: 1366, height: 768 } })

  test('shows its first lines with a button to read it all, under headers on one line', async ({ page }) => {
    // The longest the hub takes: 2,000 characters, once shown whole in a column a few words wide.
    const long = '很长的投诉'.repeat(400)
    await scene.lobby.api(
      'POST',
      '/api/v1/feedback',
      { ticketId: null, kind: 'complaint', text: long },
      await scene.lobby.manager(),
    )
    for (const language of ['zh-CN', 'en'] as const) {
      const zh = language === 'zh-CN'
      await open(page, zh ? '意见与投诉' : 'Feedback', language)
      const table = page.getByRole('table')
      const row = table.getByRole('row').filter({ hasText: long.slice(0, 40) })
      const more = row.getByRole('button', { name: zh ? '显示全文(2000 字)' : 'Show all (2000 characters)' })
      await expect(more).toHaveAttribute('aria-expanded', 'false')
      expect((await row.boundingBox())?.height).toBeLessThan(200)
      // A header of one word (类型, 渠道, Status) takes one line, not one character a line.
      expect(await headerLines(page)).toEqual(
        (await table.getByRole('columnheader').allTextContents())
          .map((h) => h.trim())
          .map((h) => [h, h.includes(' ') ? expect.any(Number) : 1]),
      )
      expect(await page.evaluate('document.documentElement.scrollHeight')).toBeLessThan(1200)
      await page.screenshot({ path: test.info().outputPath(`feedback-long-${language}.png`), fullPage: true })

      await more.click()
      const less = row.getByRole('button', { name: zh ? '收起' : 'Show less' })
      await expect(less).toHaveAttribute('aria-expanded', 'true')
      // The whole text, in a box that scrolls (from the keyboard too) rather than a page 2,600 px tall.
      const text = row.locator(`[id="${await less.getAttribute('aria-controls')}"]`)
      await expect(text).toHaveText(long)
      await expect(text).toHaveAttribute('tabindex', '0')
      const [shown, whole] = await text.evaluate((el: { clientHeight: number; scrollHeight: number }) => [
        el.clientHeight,
        el.scrollHeight,
      ])
      expect(whole).toBeGreaterThan(shown)
      expect(shown).toBeGreaterThan(200)
      await noSeriousA11yProblems(page)
      await page.screenshot({ path: test.info().outputPath(`feedback-long-open-${language}.png`), fullPage: true })
      await less.click()
      await expect(more).toHaveAttribute('aria-expanded', 'false')
    }
  })
})

test.describe('what if', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test("simulates today's customers with fewer counters, and lists a broken scenario's problems", async ({ page }) => {
    test.setTimeout(120_000)
    await open(page, 'What if', 'en')
    // The form is the manager's way in (whatIfForm.spec.ts); the JSON editor is the advanced one.
    await page.getByText('Advanced: edit the scenario as JSON').click()
    const editor = page.getByRole('textbox', { name: 'Scenario (JSON)' })
    await expect(editor).toHaveValue(/"counters"/)
    type Scenario = { hours: { open: string }; counters: { id: string }[]; arrivals: { perHour: number[] }[] }
    const scenario = JSON.parse(await editor.inputValue()) as Scenario
    // Today's scenario carries today's arrivals, hour by hour, as the events had them.
    expect(scenario.counters).toHaveLength(DEMO_BRANCH.counters.length)
    const open9 = Number(scenario.hours.open.slice(0, 2))
    const perHour = scenario.arrivals.reduce<number[]>((sum, a) => a.perHour.map((n, i) => n + (sum[i] ?? 0)), [])
    expect(Object.fromEntries(perHour.map((n, i) => [open9 + i, n]).filter(([, n]) => n !== 0))).toEqual(
      Object.fromEntries(day.issuedByHour),
    )

    const run = page.getByRole('button', { name: 'Run simulation' })
    const result = page.getByRole('region', { name: /Simulated:/ })
    await run.click()
    await expect(tile(result, 'Mean wait')).toBeVisible({ timeout: 60_000 })
    await expect(result.getByRole('table', { name: 'Hour by hour' })).toBeVisible()
    const issued = Number(await tile(result, 'Tickets issued').innerText())
    // Poisson arrivals at today's rates: within four standard deviations of today's count.
    expect(Math.abs(issued - TICKETS)).toBeLessThan(4 * Math.sqrt(TICKETS))
    const wait = secondsOfWords(await tile(result, 'Mean wait').innerText())
    // The result speaks the screen's language: today's scenario by its name, services by theirs.
    await expect(result.getByRole('heading', { level: 2 })).toHaveText(
      `Simulated: ${DEMO_BRANCH.name.en} today (seed 1)`,
    )
    await page.getByRole('button', { name: '中文' }).click()
    const zh = page.getByRole('region', { name: /^模拟结果/ })
    await expect(zh.getByRole('heading', { level: 2 })).toHaveText(`模拟结果:${DEMO_BRANCH.name['zh-CN']} 今天(种子 1)`)
    await expect(zh.getByRole('table', { name: '各业务' })).toContainText('个人业务')
    await expect(zh.getByRole('table', { name: '各业务' })).not.toContainText('personal')
    await page.getByRole('button', { name: 'English' }).click()

    // The same seed with two counters fewer: the very same customers, and they wait longer.
    const fewer = { ...scenario, counters: scenario.counters.filter((c) => c.id !== 'c1' && c.id !== 'c2') }
    await editor.fill(JSON.stringify(fewer, null, 2))
    await run.click()
    await expect
      .poll(async () => secondsOfWords(await tile(result, 'Mean wait').innerText()), { timeout: 60_000 })
      .not.toBe(wait)
    expect(secondsOfWords(await tile(result, 'Mean wait').innerText())).toBeGreaterThan(wait)
    await expect(tile(result, 'Tickets issued')).toHaveText(String(issued))

    await editor.fill(JSON.stringify({ ...scenario, counters: 'three', extra: 1 }))
    await run.click()
    const problems = page.getByRole('alert').filter({ hasText: 'The scenario has' })
    await expect(problems.getByRole('listitem')).toHaveCount(2)
    await expect(problems).toContainText('counters')
    await expect(problems).toContainText('extra')
  })
})
