import { expect, test, chromium, type Browser, type Page } from '@playwright/test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBranchCa, issueServerCertificate } from '../../hub/network/tls/certificates'
import { spkiPinOf } from '../../hub/network/tls/certificateFacts'
import { HSTS } from '../../hub/network/tls/secureServer'
import config from '../../playwright.config'
import { Lobby } from './support/lobby'

/**
 * The screens over HTTPS and WSS, as a browser terminal with the branch CA installed sees them:
 * Chromium trusts exactly the hub's CA key (`--ignore-certificate-errors-spki-list` with its
 * pin, never a blanket ignore), and a browser without the pin is refused.
 */

const BASE_ARGS = config.use?.launchOptions?.args ?? []
const EXECUTABLE = config.use?.launchOptions?.executablePath ?? '/usr/bin/chromium'

/** Debian's Chromium trusting certificates whose chain holds the key with this SPKI pin. */
function launchPinned(spkiPin: string | null): Promise<Browser> {
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [...BASE_ARGS, ...(spkiPin === null ? [] : [`--ignore-certificate-errors-spki-list=${spkiPin}`])],
  })
}

async function open(browser: Browser, width: number, height: number, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage()
  await page.goto(url)
  return page
}

test('a customer from kiosk to counter over HTTPS and WSS, the branch CA pinned', async () => {
  const lobby = await Lobby.start({ tls: 'on' })
  const ca = lobby.hub.ca
  if (ca === null) throw new Error('the hub serves no TLS')
  const browser = await launchPinned(spkiPinOf(ca.certificate))
  try {
    expect(lobby.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const kioskToken = await lobby.pair('kiosk')
    const displayToken = await lobby.pair('display')

    // The manager's page arrives over HTTPS with HSTS; its numbers come over WSS.
    const managerPage = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
    const answer = await managerPage.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
    expect(answer?.headers()['strict-transport-security']).toBe(HSTS)
    const issued = managerPage.getByRole('group', { name: '已取号', exact: true }).getByRole('strong')
    await expect(issued).toHaveText('0')
    await expect(managerPage.getByTestId('hub-certificate-expiring')).toHaveCount(0)

    const display = await open(browser, 1920, 1080, `${lobby.url}/#/display?token=${displayToken}`)
    const kiosk = await open(browser, 1080, 1920, `${lobby.url}/#/kiosk?token=${kioskToken}`)
    await kiosk.getByRole('button', { name: /个人业务/ }).click()
    await kiosk.getByRole('button', { name: '仍然取号' }).click()
    await expect(kiosk.getByTestId('ticket-number')).toHaveText('A001')
    await expect(issued).toHaveText('1')

    // A teller's PIN crosses the network encrypted; the call reaches the display over WSS.
    const counter = await open(browser, 1366, 768, `${lobby.url}/#/counter/c1`)
    await counter.getByRole('textbox', { name: '工号' }).fill('t01')
    await counter.getByRole('textbox', { name: '密码' }).fill('1111')
    await counter.getByRole('button', { name: '登录' }).click()
    await counter.getByRole('button', { name: '开启窗口', exact: true }).click()
    await counter.getByRole('button', { name: '叫号', exact: true }).click()
    await expect(counter.getByTestId('current-number')).toHaveText('A001')
    await expect(display.getByTestId('now-number')).toHaveText('A001')
    expect(new URL(counter.url()).protocol).toBe('https:')

    // Typed without https://, the page is sent to HTTPS on the same port.
    const typed = await (await browser.newContext()).newPage()
    await typed.goto(`${lobby.url.replace('https:', 'http:')}/#/kiosk`)
    expect(typed.url()).toBe(`${lobby.url}/#/kiosk`)
  } finally {
    await browser.close()
    await lobby.stop()
  }
})

test('a browser that does not hold the pin is refused', async () => {
  const lobby = await Lobby.start({ tls: 'on' })
  const other = await createBranchCa('Another branch', Date.now())
  const unpinned = await launchPinned(null)
  const wrongPin = await launchPinned(spkiPinOf(other.certificate))
  try {
    for (const browser of [unpinned, wrongPin]) {
      const page = await (await browser.newContext()).newPage()
      await expect(page.goto(`${lobby.url}/#/kiosk`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/)
    }
  } finally {
    await unpinned.close()
    await wrongPin.close()
    await lobby.stop()
  }
})

const EXPIRING = {
  'zh-CN': { server: /服务器证书将于 \d{4}-\d{2}-\d{2} 到期/, renew: /请向银行信息科技部门申请新证书/ },
  en: { server: /The hub’s server certificate expires on \d{4}-\d{2}-\d{2}/, renew: /Ask the bank’s IT/ },
} as const

for (const language of ['zh-CN', 'en'] as const) {
  test(`warns the manager 30 days before the bank's certificate expires (${language})`, async () => {
    const pki = await mkdtemp(join(tmpdir(), 'branch-lobby-bank-pki-'))
    const bankCa = await createBranchCa('Bank PKI', Date.now())
    const server = await issueServerCertificate(bankCa, { dns: ['localhost'], ips: ['127.0.0.1'] }, Date.now(), 10)
    await writeFile(join(pki, 'hub.pem'), server.certificate)
    await writeFile(join(pki, 'hub.key'), server.privateKey, { mode: 0o600 })
    await writeFile(join(pki, 'ca.pem'), bankCa.certificate)
    const lobby = await Lobby.start({ tls: 'on' }, [], null, {
      certificate: { certFile: join(pki, 'hub.pem'), keyFile: join(pki, 'hub.key'), caFile: join(pki, 'ca.pem') },
    })
    const browser = await launchPinned(spkiPinOf(bankCa.certificate))
    try {
      const page = await open(browser, 1920, 1080, `${lobby.url}/#/manager?token=${await lobby.manager()}`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).first().click()
      const banner = page.getByTestId('hub-certificate-expiring')
      await expect(banner).toHaveCount(1)
      await expect(banner).toContainText(EXPIRING[language].server)
      await expect(banner).toContainText(EXPIRING[language].renew)
    } finally {
      await browser.close()
      await lobby.stop()
      await rm(pki, { recursive: true, force: true })
    }
  })
}

test('shows the plain-HTTP lab opt-out loudly on the manager screen', async ({ page }) => {
  const lobby = await Lobby.start({ host: '0.0.0.0', tls: 'off' })
  try {
    expect(lobby.url).toMatch(/^http:\/\//)
    await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
    const banner = page.getByTestId('hub-plain-http')
    await expect(banner).toContainText('网点网络上的通信未加密')
    await page.getByRole('button', { name: 'English' }).first().click()
    await expect(banner).toContainText('Traffic on the branch network is not encrypted')
  } finally {
    await lobby.stop()
  }
})
