import { expect, test, type Page } from '@playwright/test'
import { Lobby } from './support/lobby'

/**
 * The renderer's side of the desktop shell. The Electron binary cannot run here, so the page
 * gets a stand-in for the preload bridge (`window.branchLobby`, shared/desktop/bridge.ts) that
 * records what the page asks of it — the edge between renderer and main, nothing more.
 */
const FAKE_BRIDGE = `
  window.__calls = [];
  let exitListener = null;
  window.branchLobby = {
    getTerminalInfo: async () => ({ role: 'setup', hubUrl: location.origin, terminalName: 'Desk', locked: false, demo: false, appVersion: '0.1.0' }),
    getTerminalConfig: async () => ({ config: null, exitPinSet: false, problems: [], configPath: '/home/branch/.config/branch-lobby/terminal.json' }),
    listMonitors: async () => [{ number: 1, width: 1920, height: 1080, primary: true }, { number: 2, width: 1080, height: 1920, primary: false }],
    saveTerminalConfig: async (draft, pin) => {
      window.__calls.push({ save: draft, pin });
      if (draft.terminalName === 'newer') return { ok: false, reason: 'newerFile', format: 2, readsUpTo: 1 };
      return draft.terminalName === 'bad'
        ? { ok: false, reason: 'invalid', problems: [{ path: 'terminalName', message: 'is not a name' }] }
        : { ok: true, restartInMs: 1500 };
    },
    pairWithHub: async (hubUrl, code, expected) => {
      window.__calls.push({ pair: [hubUrl, code, expected ?? null] });
      if (code === '999999') return { ok: false, reason: 'unexpectedAnswer', problems: ['the server answered HTTP 404 (Not Found)'] };
      return code === '123456'
        ? { ok: true, role: 'kiosk', deviceToken: 'dev_kiosk_from_pairing_0123', caFingerprint: '${'AB:'.repeat(31)}CD' }
        : { ok: false, reason: 'certificateMismatch' };
    },
    requestKioskExit: async (pin) => { window.__calls.push({ exit: pin }); return pin === '2468' ? { ok: true } : { ok: false, reason: 'wrongPin' } },
    onKioskExitRequested: (l) => { exitListener = l; return () => { exitListener = null } },
    reportHubStatus: (s) => window.__calls.push({ hub: s }),
  };
  window.__requestExit = () => exitListener && exitListener();
`

let lobby: Lobby
test.beforeAll(async () => {
  lobby = await Lobby.start()
})
test.afterAll(async () => {
  await lobby.stop()
})

const calls = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __calls: Record<string, unknown>[] }).__calls)

test('the setup screen saves a terminal: the kiosk PC hosts the hub and drives the lobby TV', async ({ page }) => {
  await page.addInitScript(FAKE_BRIDGE)
  await page.goto(`${lobby.url}/#/setup`)
  await page.getByLabel('本机名称').fill('大堂取号机')
  await page.getByRole('button', { name: '添加屏幕' }).click()
  const roles = page.getByLabel('角色')
  await roles.nth(1).selectOption('display')
  await page.getByLabel('显示器').nth(1).selectOption('2')
  await page.getByLabel('新的退出密码(4–8 位数字,不修改请留空)').fill('2468')
  await page.getByRole('button', { name: '保存并重启' }).click()
  await expect(page.getByRole('status')).toHaveText('已保存,程序即将重启…')
  const [saved] = await calls(page)
  expect(saved).toEqual({
    save: {
      terminalName: '大堂取号机',
      hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 },
      screens: [
        { role: { kind: 'kiosk' }, monitor: 1 },
        { role: { kind: 'display' }, monitor: 2 },
      ],
      kioskMode: 'locked',
      startAtLogin: true,
      newExitPin: '2468',
    },
  })
})

test('setup pairs a counter PC with the hub and keeps the CA fingerprint to pin', async ({ page }) => {
  await page.addInitScript(FAKE_BRIDGE)
  await page.goto(`${lobby.url}/#/setup`)
  await page.getByLabel('本机名称').fill('取号机 2')
  await page.getByRole('radio', { name: '连接到其他电脑上的网点服务器' }).check()
  await page.getByLabel('服务器地址').fill('https://192.168.1.20:8420')
  await page.getByLabel('配对码(6 位)').fill('654321')
  await page.getByRole('button', { name: '与服务器配对' }).click()
  await expect(page.getByRole('alert')).toContainText('服务器的证书不属于它声明的')
  await page.getByLabel('配对码(6 位)').fill('123456')
  await page.getByRole('button', { name: '与服务器配对' }).click()
  await expect(page.getByTestId('setup-paired')).toContainText('已配对为取号机')
  await expect(page.getByLabel('服务器证书指纹(SHA-256)')).toHaveValue(`${'AB:'.repeat(31)}CD`)
  await page.getByLabel('新的退出密码(4–8 位数字,不修改请留空)').fill('2468')
  await page.getByRole('button', { name: '保存并重启' }).click()
  await expect(page.getByRole('status').last()).toHaveText('已保存,程序即将重启…')
  const all = await calls(page)
  expect(all.slice(0, 2)).toEqual([
    { pair: ['https://192.168.1.20:8420', '654321', null] },
    { pair: ['https://192.168.1.20:8420', '123456', null] },
  ])
  expect(all[2]).toMatchObject({
    save: {
      hub: { mode: 'connect', url: 'https://192.168.1.20:8420', caFingerprint: `${'AB:'.repeat(31)}CD` },
      screens: [{ role: { kind: 'kiosk' }, monitor: 1, deviceToken: 'dev_kiosk_from_pairing_0123' }],
    },
  })
})

test('an answer that is no pairing is not shown as a refused code: setup says to check the address and the release', async ({
  page,
}) => {
  await page.addInitScript(FAKE_BRIDGE)
  await page.goto(`${lobby.url}/#/setup`)
  await page.getByRole('radio', { name: '连接到其他电脑上的网点服务器' }).check()
  await page.getByLabel('服务器地址').fill('https://192.168.1.20:8420')
  await page.getByLabel('配对码(6 位)').fill('999999')
  await page.getByRole('button', { name: '与服务器配对' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('这不是配对码的问题')
  await expect(alert).toContainText('确认服务器与本机安装的是同一版本的网点排队')
  await expect(alert).not.toContainText('服务器拒绝了配对码')
  await expect(alert.getByRole('listitem')).toHaveText(['the server answered HTTP 404 (Not Found)'])
  await page.getByRole('button', { name: 'English' }).click()
  await expect(alert).toContainText(
    'Check the server address, and that the server and this PC run the same Branch Lobby release',
  )
  await expect(alert).not.toContainText('refused the code')
})

test('the setup screen shows the problems main finds, field by field', async ({ page }) => {
  await page.addInitScript(FAKE_BRIDGE)
  await page.goto(`${lobby.url}/#/setup`)
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByLabel('Name of this PC').fill('bad')
  await page.getByRole('button', { name: 'Save and restart' }).click()
  await expect(page.getByRole('alert')).toContainText('terminalName: is not a name')
})

test('a save over a terminal.json of a newer release is refused, and setup says what to do', async ({ page }) => {
  await page.addInitScript(FAKE_BRIDGE)
  await page.goto(`${lobby.url}/#/setup`)
  await page.getByLabel('本机名称').fill('newer')
  await page.getByRole('button', { name: '保存并重启' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('本机的设置文件由较新版本的网点排队写入(格式 2,本版本只能读取到格式 1)')
  await expect(alert).toContainText('没有保存任何内容,文件保持原样')
  await expect(page.getByRole('status')).toHaveCount(0)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(alert).toContainText('written by a newer Branch Lobby release (format 2; this one reads up to format 1)')
})

test('in a plain browser, setup says it belongs to the desktop app', async ({ page }) => {
  await page.goto(`${lobby.url}/#/setup`)
  await expect(page.getByRole('status')).toContainText('终端设置只能在网点排队桌面程序中进行')
})

test('a locked kiosk shows the PIN pad on the exit gesture, and reports its hub connection', async ({ page }) => {
  await page.addInitScript(FAKE_BRIDGE)
  const token = await lobby.pair('kiosk')
  await page.goto(`${lobby.url}/#/kiosk?token=${token}`)
  await expect(page.getByRole('button', { name: /个人业务/ })).toBeEnabled()
  await page.evaluate(() => (globalThis as unknown as { __requestExit: () => void }).__requestExit())
  const pad = page.getByRole('dialog', { name: '退出锁定' })
  await pad.getByLabel('退出密码').fill('1111')
  await pad.getByRole('button', { name: '确定' }).click()
  await expect(pad.getByRole('alert')).toHaveText('退出密码错误')
  await pad.getByLabel('退出密码').fill('2468')
  await pad.getByRole('button', { name: '确定' }).click()
  await expect(pad).toHaveCount(0)
  const recorded = await calls(page)
  expect(recorded).toContainEqual({ hub: 'online' })
  expect(recorded.filter((c) => 'exit' in c)).toEqual([{ exit: '1111' }, { exit: '2468' }])
})
