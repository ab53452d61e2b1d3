import { expect, test } from '@playwright/test'
import { DEMO_STAFF } from '../../hub/config/demoBranchFile'
import { Lobby } from './support/lobby'

/** 2026-12-14 (a Monday) in Beijing, hour:minute. */
const beijing = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour - 8, minute)

const WORDS = {
  'zh-CN': {
    tab: '日报与趋势',
    controls: '选择报表',
    date: '日期',
    note: /断电或停机后自动结束.*10:02.*仍有 8 位客户未办理.*日终自动结束\(未办理\)/,
    row: '日终自动结束(未办理)',
  },
  en: {
    tab: 'Report and trends',
    controls: 'Choose a report',
    date: 'Date',
    note: /after an outage.*10:02.*8 customers were still unserved .*not as served nor as no-shows/,
    row: 'Unserved, day ended by the hub',
  },
} as const

let lobby: Lobby
let t = beijing(14, 10)
const clock = { now: () => t }

test.beforeAll(async () => {
  // Two counters open and eight tickets by 10:02; the power goes; the hub starts the next morning.
  const first = await Lobby.start({ clock })
  const kiosk = await first.pair('kiosk')
  for (const n of [1, 2]) {
    const s = DEMO_STAFF[n - 1] as (typeof DEMO_STAFF)[number]
    await first.api('POST', `/api/v1/counters/c${n}/open`, {}, await first.signIn(s.id, s.pin, `c${n}`))
  }
  for (let i = 0; i < 8; i++) {
    t += 15_000
    await first.issue(kiosk, i % 2 === 0 ? 'personal' : 'cards')
  }
  await first.hub.close()
  t = beijing(15, 9)
  lobby = await Lobby.startIn(first.dir, { clock })
})
test.afterAll(async () => {
  await lobby?.stop()
})

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  test(`says a day was closed after an outage, and where its figures end (${language})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('tab', { name: w.tab }).click()
    const controls = page.getByRole('group', { name: w.controls })
    await controls.getByLabel(w.date, { exact: true }).fill('2026-12-14')
    const note = page.getByTestId('report-auto-closed')
    await expect(note).toHaveText(w.note)
    // The volume table counts them apart, under their own outcome.
    await expect(page.getByRole('row', { name: new RegExp(`^${w.row.replace(/[()]/g, '\\$&')}\\s*8$`) })).toBeVisible()
    await page.screenshot({ path: test.info().outputPath(`day-close-note-${language}.png`) })
  })
}
