import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { HubStatusView } from '../../shared/api/health'
import { branchDataDir } from '../hq/support/branchHub'
import { Lobby } from './support/lobby'

/**
 * Warnings that once reached the manager only in the hub log's English, now in the manager's
 * language from the facts logged with them: headquarters out of reach, a ticket the printer did
 * not print, a what-if that ran too long and the simulation thread ended for it. Looked at on
 * the screens branches have (a 1920×1080 office monitor, a 1366×768 laptop): nothing is cut off.
 */

const words = {
  'zh-CN': {
    devicesTab: '设备与终端',
    warnings: '服务器近期警告',
    details: [
      '向总行发送数据未成功(网络中断或总行暂时不可用),服务器会自动重试。',
      /^A\d+ 号票未能打印:[^。A-Za-z]+。取号机已请客户记住号码。/,
      '一次模拟推演超过了 0.001 秒的上限,没有完成。',
      '模拟推演的后台线程出错,这次推演没有完成。',
    ],
    english: /^shipping to HQ: /,
  },
  en: {
    devicesTab: 'Devices and terminals',
    warnings: 'Recent hub warnings',
    details: [
      'Shipping to headquarters failed (the network is down, or headquarters is unavailable for now); the hub keeps retrying.',
      /^Ticket A\d+ was not printed: [A-Z][^.]+\. The kiosk asked the customer to note the number\./,
      'A what-if simulation took longer than its 0.001 s limit and did not finish.',
      'The background thread of the what-if simulation failed, so that run did not finish.',
    ],
    english: /^shipping to HQ: /,
  },
} as const

/** How far the page is wider than the window, and how many warning cells cut their text off. (A string: no DOM types here.) */
const OVERFLOW = `(() => {
  const cut = [...document.querySelectorAll('.warnings td, .warnings th')].filter((el) => el.scrollWidth > el.clientWidth + 1)
  return { page: document.documentElement.scrollWidth - window.innerWidth, cut: cut.length }
})()`

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const

let lobby: Lobby
test.beforeAll(async () => {
  // Linked to an HQ nobody answers for, a printer on a port that is not there, and what-ifs
  // allowed 1 ms: each gives the manager a warning the screen words itself.
  const dir = await branchDataDir('http://127.0.0.1:2', 'branch-token-0123456789abcdef')
  const file = JSON.parse(await readFile(join(dir, 'branch.json'), 'utf8')) as Record<string, unknown>
  const printer = {
    id: 'printer',
    role: 'ticketPrinter',
    connection: { type: 'serial', path: '/dev/ttyBRANCHLOBBY-NONE', baudRate: 9600 },
    protocol: { dialect: 'escpos' },
  }
  await writeFile(join(dir, 'branch.json'), JSON.stringify({ ...file, devices: [printer] }))
  lobby = await Lobby.startIn(dir, { simulator: { limitMs: 1 } })
  const manager = await lobby.manager()
  await lobby.issue(await lobby.pair('kiosk'))
  const scenario = JSON.parse(await readFile('docs/scenarios/lunch-peak.json', 'utf8')) as unknown
  await lobby.api('POST', '/api/v1/simulations', { scenario, seed: 1 }, manager).catch(() => undefined)
  await expect
    .poll(async () => {
      const status = await lobby.api<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)
      return status.warnings.map((w) => w.event)
    })
    .toEqual(expect.arrayContaining(['replication.failing', 'printing.failed', 'whatIf.tooSlow', 'whatIf.thread']))
})
test.afterAll(async () => {
  await lobby.stop()
})

for (const language of ['zh-CN', 'en'] as const) {
  const w = words[language]
  for (const size of SIZES) {
    test(`words hub warnings in ${language} at ${size.width}×${size.height}, nothing cut off`, async ({ page }) => {
      await page.setViewportSize(size)
      await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('tab', { name: w.devicesTab }).click()
      const warnings = page.getByRole('tabpanel').getByRole('region', { name: w.warnings })
      for (const detail of w.details) await expect(warnings.getByText(detail).first()).toBeVisible()
      // The log's English stays behind the toggle, for a technician.
      await expect(warnings.getByText(w.english).first()).toBeHidden()
      // Nothing wider than the page, and no line of a warning cut off inside its cell.
      const overflow = await page.evaluate(OVERFLOW)
      expect(overflow).toEqual({ page: 0, cut: 0 })
      await warnings.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `test-results/e2e/hub-warning-words-${language}-${size.width}.png` })
      await warnings.screenshot({ path: `test-results/e2e/hub-warning-words-${language}-${size.width}-panel.png` })
    })
  }
}
