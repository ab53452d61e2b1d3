import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import type { HubStatusView } from '../../shared/api/health'
import { Lobby } from './support/lobby'

/**
 * What the manager must act on is shown, not only logged: a printer port that cannot be opened
 * (in the manager's language, the operating system's words behind a toggle), a lobby display
 * with no voice installed, phones that cannot reach the hub, and the hub's recent warnings.
 */

/** A display whose browser has speech synthesis but no voice installed (a bare Linux PC). (A string: no DOM types here.) */
const NO_VOICES = `
  speechSynthesis.getVoices = () => [];
  speechSynthesis.speak = (u) => setTimeout(() => u.dispatchEvent(new Event('end')), 50);
  speechSynthesis.cancel = () => {};
`
const MISSING_PORT = '/dev/ttyBRANCHLOBBY-NONE'

const words = {
  'zh-CN': {
    devicesTab: '设备与终端',
    devices: '大厅设备',
    address: '顾客的手机无法访问本服务器',
    cannotOpen: '无法打开端口(设备未接上、被占用或无权限)',
    noVoice: '未安装所需语言的语音',
    voiceRole: '大厅屏语音',
    showDetail: '系统详情',
    hideDetail: '隐藏详情',
    warnings: '服务器近期警告',
    unreachable: '顾客手机无法访问服务器',
    lacksVoice: '大厅屏缺少语音',
    // The detail in the manager's language too, worded from the facts the hub logged.
    voiceDetail: '大厅屏“e2e display”无法正常播报叫号:未安装中文、英文语音。',
    addressDetail: '取号小票上不印二维码。服务器只在本机(127.0.0.1)上监听',
    printerDetail: '设备 printer:未连接,无法打开端口(设备未接上、被占用或无权限)。',
  },
  en: {
    devicesTab: 'Devices and terminals',
    devices: 'Lobby devices',
    address: 'Customers’ phones cannot reach this hub',
    cannotOpen: 'Cannot open the port (not plugged in, in use, or no permission)',
    noVoice: 'A voice for a language is not installed',
    voiceRole: 'Lobby display voice',
    showDetail: 'System detail',
    hideDetail: 'Hide detail',
    warnings: 'Recent hub warnings',
    unreachable: 'Phones cannot reach the hub',
    lacksVoice: 'A lobby display lacks a voice',
    voiceDetail:
      'Lobby display “e2e display” cannot announce calls properly: no voice is installed for Chinese or English.',
    addressDetail: 'Tickets get no QR code. The hub listens on this PC only (127.0.0.1)',
    printerDetail: 'Device printer: Not connected. Cannot open the port (not plugged in, in use, or no permission).',
  },
} as const

let lobby: Lobby
test.beforeEach(async () => {
  lobby = await Lobby.start({}, [
    {
      id: 'printer',
      role: 'ticketPrinter',
      connection: { type: 'serial', path: MISSING_PORT, baudRate: 9600 },
      protocol: { dialect: 'escpos' },
    },
  ])
})
test.afterEach(async () => {
  await lobby.stop()
})

for (const language of ['zh-CN', 'en'] as const) {
  const w = words[language]
  test(`shows the manager what needs acting on (${language})`, async ({ page, context }) => {
    // The lobby display opens, finds it has no voice, and says so to the hub.
    const displayPage = await context.newPage()
    await displayPage.addInitScript({ content: NO_VOICES })
    await displayPage.goto(`${lobby.url}/#/display?token=${await lobby.pair('display')}`)
    const manager = await lobby.manager()
    await expect
      .poll(async () => {
        const status = await lobby.api<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)
        return status.warnings.map((x) => x.event)
      })
      .toContain('speech.noVoice')

    await page.goto(`${lobby.url}/#/manager?token=${manager}`)
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByTestId('hub-address-problem')).toContainText(w.address)

    await page.getByRole('tab', { name: w.devicesTab }).click()
    const panel = page.getByRole('tabpanel')
    const devices = panel.getByRole('region', { name: w.devices })
    const printer = devices.getByRole('row', { name: /printer/ })
    await expect(printer).toContainText(w.cannotOpen)
    // The operating system's words are there for a technician, one tap away.
    await expect(devices.getByText(MISSING_PORT)).toHaveCount(0)
    await printer.getByRole('button', { name: w.showDetail }).click()
    await expect(printer.getByText(MISSING_PORT)).toBeVisible()
    await printer.getByRole('button', { name: w.hideDetail }).click()
    await expect(devices.getByText(MISSING_PORT)).toHaveCount(0)

    const voice = devices.getByRole('row', { name: /e2e display/ })
    await expect(voice).toContainText(w.voiceRole)
    await expect(voice).toContainText(w.noVoice)

    const warnings = panel.getByRole('region', { name: w.warnings })
    await expect(warnings.getByText(w.unreachable)).toBeVisible()
    await expect(warnings.getByText(w.lacksVoice)).toBeVisible()
    await expect(warnings.getByText(w.voiceDetail)).toBeVisible()
    await expect(warnings.getByText(w.addressDetail)).toBeVisible()
    await expect(warnings.getByText(w.printerDetail)).toBeVisible()
    // The log's English words are for a technician, one tap away: not the detail a manager reads.
    const english = warnings.getByText(/^Lobby display 'e2e display' cannot announce calls properly/)
    await expect(english).toBeHidden()
    const voiceRow = warnings.getByRole('row').filter({ hasText: w.voiceDetail })
    await voiceRow.getByRole('button', { name: w.showDetail }).click()
    await expect(english).toBeVisible()
    await page.screenshot({ path: `test-results/e2e/hub-warnings-${language}.png`, fullPage: true })

    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    await displayPage.close()
  })
}
