import { writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { branchDataDir } from '../hq/support/branchHub'
import { Lobby } from './support/lobby'

/**
 * What of the hub did not start stands on the manager's screen, on every section, for as long
 * as it stands (the log says it once, and a warning scrolls out of the last 100): a
 * `replication.json` from a newer release (nothing is shipped to headquarters) and a log
 * folder that cannot be written; and, found while running, headquarters refusing the branch (its
 * token revoked, or HQ older than the branch) or out of reach. In the manager's language; the
 * log's own words behind a toggle.
 */

const words = {
  'zh-CN': {
    notShipping: '未向总行发送数据',
    // when it was found: the hub's start, with its date (a hub runs for days)
    found: /服务器于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 启动时发现/,
    noLogFile: '服务器日志无法写入文件',
    reportTab: '日报与趋势',
    showDetail: '系统详情',
    hideDetail: '隐藏详情',
    refused: /自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起,总行拒收本网点的数据/,
    diverged: /自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起,未向总行发送数据:总行保存的本网点记录多于本网点日志现有的记录/,
    unreachable: /自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起,无法连接总行/,
    hqOutdated: /自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起,总行运行的版本比本网点旧/,
  },
  en: {
    notShipping: 'not shipping to headquarters',
    found: /Found when the hub started at \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    noLogFile: 'the hub log cannot be written to files',
    reportTab: 'Report and trends',
    showDetail: 'System detail',
    hideDetail: 'Hide detail',
    refused: /Since \d{4}-\d{2}-\d{2} \d{2}:\d{2}, headquarters refuses this branch’s data/,
    diverged:
      /Since \d{4}-\d{2}-\d{2} \d{2}:\d{2}, nothing is shipped to headquarters: headquarters holds events this branch’s journal no longer has/,
    unreachable: /Since \d{4}-\d{2}-\d{2} \d{2}:\d{2}, headquarters cannot be reached/,
    hqOutdated: /Since \d{4}-\d{2}-\d{2} \d{2}:\d{2}, headquarters runs an older release than this branch/,
  },
} as const

let lobby: Lobby
test.afterEach(async () => {
  await lobby.stop()
})

/**
 * A stand-in headquarters on loopback answering every request with `answer(url)`, and the lobby
 * of a branch shipping to it; closed by the returned function.
 */
async function branchOfFakeHq(
  answer: (url: string) => { readonly status: number; readonly body: string },
): Promise<() => Promise<void>> {
  const hq: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const { status, body } = answer(req.url ?? '')
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => hq.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(hq.address() as AddressInfo).port}`
  lobby = await Lobby.startIn(await branchDataDir(url, 'branch-token-0123456789abcdef'))
  return () => new Promise<void>((resolve) => hq.close(() => resolve()))
}

/** The manager's screen of the lobby, in `language`. */
async function openManager(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  const manager = await lobby.manager()
  await page.goto(`${lobby.url}/#/manager?token=${manager}`)
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
}

/** No serious or critical accessibility problem on the page as it stands. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
}

test.describe('what did not start', () => {
  test.beforeEach(async () => {
    // A branch linked to HQ (nobody answers there: shipping never gets that far), whose shipper's
    // cursor a newer release wrote, and a file where the log folder should be.
    const dir = await branchDataDir('http://127.0.0.1:2', 'branch-token-0123456789abcdef')
    await writeFile(
      join(dir, 'replication.json'),
      `${JSON.stringify({ version: 2, hqUrl: 'http://127.0.0.1:2', day: '2026-12-01', offset: 120 })}\n`,
    )
    await writeFile(join(dir, 'logs'), 'not a folder\n')
    lobby = await Lobby.startIn(dir)
  })

  for (const language of ['zh-CN', 'en'] as const) {
    const w = words[language]
    test(`shows what of the hub did not start until it is fixed (${language})`, async ({ page }, info) => {
      await openManager(page, language)
      const replication = page.getByTestId('hub-standing-replicationNotStarted')
      await expect(replication).toContainText(w.notShipping)
      await expect(page.getByTestId('hub-standing-logNoFile')).toContainText(w.noLogFile)
      await expect(replication).toContainText(w.found)
      await page.screenshot({ path: info.outputPath(`hub-standing-${language}.png`), fullPage: true })

      // The log's words, for a technician, one tap away: the file and the format.
      await expect(replication.getByText('replication.json: was written by a newer version')).toHaveCount(0)
      await replication.getByRole('button', { name: w.showDetail }).click()
      await expect(replication.getByText(/replication\.json: was written by a newer version .*format 2/)).toBeVisible()
      await page.screenshot({ path: info.outputPath(`hub-standing-${language}-detail.png`), fullPage: true })
      await replication.getByRole('button', { name: w.hideDetail }).click()
      await expect(replication.getByText(/format 2/)).toHaveCount(0)

      // On every section, not only the devices'.
      await page.getByRole('tab', { name: w.reportTab }).click()
      await expect(replication).toBeVisible()

      await expectAccessible(page)
    })
  }
})

test.describe('headquarters refusing the branch', () => {
  let closeHq: () => Promise<void>
  test.beforeEach(async () => {
    // HQ answers every message of this branch: its token was revoked.
    closeHq = await branchOfFakeHq(() => ({
      status: 401,
      body: '{"code":"unauthenticated","message":"this branch token was revoked"}',
    }))
  })
  test.afterEach(async () => {
    await closeHq()
  })

  for (const language of ['zh-CN', 'en'] as const) {
    const w = words[language]
    test(`shows since when headquarters refuses, with its words behind the toggle (${language})`, async ({
      page,
    }, info) => {
      await openManager(page, language)
      const refused = page.getByTestId('hub-standing-replicationRefused')
      await expect(refused).toContainText(w.refused)
      await refused.getByRole('button', { name: w.showDetail }).click()
      await expect(refused.getByText(/401 unauthenticated.*this branch token was revoked/)).toBeVisible()
      await page.screenshot({ path: info.outputPath(`hub-refused-${language}.png`), fullPage: true })
      await expectAccessible(page)
    })
  }
})

test.describe('headquarters holding events the branch lost', () => {
  let closeHq: () => Promise<void>
  test.beforeEach(async () => {
    // HQ holds this branch's events up to seq 40; the branch's journal (a fresh one here, as after
    // a data folder put back from an old backup) has none of them.
    closeHq = await branchOfFakeHq(() => ({ status: 200, body: '{"stored":0,"lastSeq":40,"expectedSeq":41}' }))
  })
  test.afterEach(async () => {
    await closeHq()
  })

  for (const language of ['zh-CN', 'en'] as const) {
    const w = words[language]
    test(`shows that nothing is shipped until HQ's copy is repaired, with the figures behind the toggle (${language})`, async ({
      page,
    }, info) => {
      await openManager(page, language)
      const diverged = page.getByTestId('hub-standing-replicationDiverged')
      await expect(diverged).toContainText(w.diverged)
      await diverged.getByRole('button', { name: w.showDetail }).click()
      await expect(
        diverged.getByText(/HQ holds this branch's events up to seq 40, but this hub run replayed/),
      ).toBeVisible()
      await page.screenshot({ path: info.outputPath(`hub-diverged-${language}.png`), fullPage: true })
      await page.setViewportSize({ width: 1366, height: 768 })
      await page.screenshot({ path: info.outputPath(`hub-diverged-${language}-1366.png`) })
      await expectAccessible(page)
    })
  }
})

test.describe('headquarters out of reach', () => {
  test.beforeEach(async () => {
    // Nobody listens at HQ's address (HQ down when the hub starts): the shipper keeps trying.
    lobby = await Lobby.startIn(await branchDataDir('http://127.0.0.1:2', 'branch-token-0123456789abcdef'))
  })

  for (const language of ['zh-CN', 'en'] as const) {
    const w = words[language]
    test(`shows since when headquarters cannot be reached, and that nothing is lost (${language})`, async ({
      page,
    }, info) => {
      await openManager(page, language)
      const away = page.getByTestId('hub-standing-replicationUnreachable')
      await expect(away).toContainText(w.unreachable)
      await away.getByRole('button', { name: w.showDetail }).click()
      await expect(
        away.getByText(/HQ at http:\/\/127\.0\.0\.1:2 cannot be reached \(.*wait in its journal/),
      ).toBeVisible()
      await page.screenshot({ path: info.outputPath(`hub-unreachable-${language}.png`), fullPage: true })
      await page.setViewportSize({ width: 1366, height: 768 })
      await page.screenshot({ path: info.outputPath(`hub-unreachable-${language}-1366.png`) })
      await expectAccessible(page)
    })
  }
})

test.describe('headquarters older than the branch', () => {
  let closeHq: () => Promise<void>
  test.beforeEach(async () => {
    // HQ of an older release: it takes the heartbeat and refuses what the branch ships.
    closeHq = await branchOfFakeHq((url) =>
      url.endsWith('/heartbeat')
        ? { status: 200, body: '{"stored":0,"lastSeq":null,"expectedSeq":null}' }
        : {
            status: 409,
            body: '{"code":"hqOutdated","message":"This HQ speaks replication protocol 1, the branch 2","protocol":{"hq":1,"branch":2}}',
          },
    )
  })
  test.afterEach(async () => {
    await closeHq()
  })

  for (const language of ['zh-CN', 'en'] as const) {
    const w = words[language]
    test(`says headquarters must be upgraded first, with both versions behind the toggle (${language})`, async ({
      page,
    }, info) => {
      await openManager(page, language)
      const outdated = page.getByTestId('hub-standing-replicationHqOutdated')
      await expect(outdated).toContainText(w.hqOutdated)
      await outdated.getByRole('button', { name: w.showDetail }).click()
      await expect(outdated.getByText(/409 hqOutdated.*replication protocol 1, the branch 2/)).toBeVisible()
      await page.screenshot({ path: info.outputPath(`hub-hq-outdated-${language}.png`), fullPage: true })
      await expectAccessible(page)
    })
  }
})
