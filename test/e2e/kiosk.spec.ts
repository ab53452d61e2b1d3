import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { Lobby } from './support/lobby'

let lobby: Lobby
let kiosk: string
/** The address phones reach the branch at, as a branch sets it in branch.json. */
const PUBLIC_URL = 'http://192.168.1.20:8420/'
test.beforeAll(async () => {
  lobby = await Lobby.start({}, [], PUBLIC_URL)
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
    // The QR code opens the branch's public address (never the kiosk's own 127.0.0.1), one slash.
    const qr = page.getByRole('img', { name: '扫码查看实时排队进度' })
    await expect(qr).toBeVisible()
    await expect(qr).toHaveAttribute(
      'data-value',
      /^http:\/\/192\.168\.1\.20:8420\/#\/status\/\d{8}-B002\?k=[\w-]{16}$/,
    )
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

  test('shows no QR code when phones cannot reach the hub', async ({ page }) => {
    const loopback = await Lobby.start()
    try {
      const token = await loopback.pair('kiosk')
      await page.goto(`${loopback.url}/#/kiosk?token=${token}`)
      await page.getByRole('button', { name: /对公业务/ }).click()
      await expect(page.getByTestId('ticket-number')).toHaveText('B001')
      await expect(page.getByText('营业执照')).toBeVisible()
      await expect(page.getByRole('img', { name: '扫码查看实时排队进度' })).toHaveCount(0)
      // …and does not ask the customer to scan one.
      await expect(page.getByText('请记住您的号码。', { exact: true })).toBeVisible()
      await expect(page.getByText(/扫码/)).toHaveCount(0)
      await page.screenshot({ path: 'test-results/e2e/kiosk-no-qr-zh.png' })
    } finally {
      await loopback.stop()
    }
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
    await expect(
      page.getByText('您等候满 40 分钟后,不会再有比您晚到的客户先于您办理(到预约时间 10 分钟内的预约客户除外)。'),
    ).toBeVisible()
    // Booked customers go first once their time comes: the kiosk says so too.
    await expect(page.getByText('已预约并按时签到的客户,到预约时间后优先叫号', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: '贵宾客户' }).click()
    await expect(page.getByRole('heading', { name: '贵宾客户:请选择业务' })).toBeVisible()
    // The chosen class's rule, told to the customer who chose it: not "they may go before you".
    const own = page.locator('.priority--chosen .priority__rule')
    await expect(own).toHaveText(/^您取号时即视为已等候 3 分钟,.*因此可能先于比您早到的客户办理。$/)
    await page.screenshot({ path: 'test-results/e2e/kiosk-prio-selected-zh.png' })
    await page.getByRole('button', { name: 'English' }).click()
    await expect(own).toHaveText(/so you may be called before customers who came earlier\.$/)
    await page.screenshot({ path: 'test-results/e2e/kiosk-prio-selected-en.png' })
    await page.getByRole('button', { name: '中文' }).click()
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

test.describe('kiosk when things go wrong', () => {
  test.use({ viewport: { width: 1080, height: 1920 } })

  test('keeps the ticket on screen, larger, when the printer is out of paper', async ({ page }) => {
    const { EscPosPrinterEmulator, PtyPair } = await import('../hardware/emulators/index')
    const printer = new EscPosPrinterEmulator()
    printer.paper = 'out'
    const pair = await PtyPair.create((path) => printer.attach(path))
    const withPrinter = await Lobby.start({}, [
      {
        id: 'printer',
        role: 'ticketPrinter',
        connection: { type: 'serial', path: pair.hostPath, baudRate: 9600 },
        protocol: { dialect: 'escpos', pollMs: 0 },
      },
    ])
    try {
      const token = await withPrinter.pair('kiosk')
      await page.goto(`${withPrinter.url}/#/kiosk?token=${token}`)
      await page.getByRole('button', { name: /对公业务/ }).click()
      await expect(page.getByTestId('ticket-number')).toHaveText('B001')
      // Said once, on the ticket; no code to scan from a hub on loopback.
      await expect(page.getByText('号票打印失败:请记住您的号码,工作人员已收到通知。')).toHaveCount(1)
      await expect(page.getByTestId('printer-unavailable')).toHaveCount(0)
      await page.screenshot({ path: 'test-results/e2e/kiosk-print-failed-zh.png' })
      // the number is shown larger when the customer has no paper ticket
      await expect(page.getByTestId('ticket-number')).toHaveCSS('font-size', /^(1[5-9]\d|[2-9]\d\d)(\.\d+)?px$/)
      const snap = await withPrinter.api<{ state: { open: { number: string }[] } }>(
        'GET',
        '/api/v1/queue',
        undefined,
        await withPrinter.manager(),
      )
      expect(snap.state.open.map((t) => t.number)).toContain('B001')
      // Back home, before the next tap: the printer's state, with no number to remember yet.
      await page.getByRole('button', { name: '完成' }).click()
      await expect(page.getByTestId('printer-unavailable')).toHaveText(
        '号票打印机暂不可用:取号后,您的号码将只显示在屏幕上。',
      )
      await page.screenshot({ path: 'test-results/e2e/kiosk-printer-unavailable-zh.png' })
      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.getByTestId('printer-unavailable')).toHaveText(/^The ticket printer is not available/)
      await page.screenshot({ path: 'test-results/e2e/kiosk-printer-unavailable-en.png' })
    } finally {
      await withPrinter.stop()
      await printer.detach()
      await pair.dispose()
    }
  })

  test('says the hub is unreachable and stops offering tickets until it is back', async ({ page }) => {
    const own = await Lobby.start()
    const token = await own.pair('kiosk')
    await page.goto(`${own.url}/#/kiosk?token=${token}`)
    const personal = page.getByRole('button', { name: /个人业务/ })
    await expect(personal).toBeEnabled()
    const port = new URL(own.url).port
    await own.hub.close()
    await expect(page.getByRole('alert').filter({ hasText: '暂时无法取号' })).toBeVisible()
    await expect(personal).toBeDisabled()
    // the hub comes back on the same port and data: the kiosk reconnects by itself
    const { startHub } = await import('../../hub/startHub')
    const { peopleAheadEstimator } = await import('../hub/support/peopleAheadEstimator')
    const { DEMO_BRANCH } = await import('../../shared/demo/demoBranch')
    const again = await startHub({
      dataDir: own.dir,
      clock: own.clock,
      host: '127.0.0.1',
      port: Number(port),
      demo: true,
      rendererDir: own.rendererDir,
      estimator: peopleAheadEstimator(DEMO_BRANCH),
    })
    try {
      await expect(personal).toBeEnabled({ timeout: 20_000 })
      await expect(page.getByRole('alert').filter({ hasText: '暂时无法取号' })).toHaveCount(0)
    } finally {
      await again.close()
      await own.removeData()
    }
  })
})
