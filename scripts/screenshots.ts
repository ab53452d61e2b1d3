// `npm run screenshots`: every screen in Chinese and English at its target resolution, on a
// realistic morning of the demo branch, into screenshots/. Look at them after a UI change.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import type { SessionView, TicketReceipt } from '../shared/api/views'
import { Lobby } from '../test/e2e/support/lobby'

const OUT = join(import.meta.dirname, '..', 'screenshots')
/** `SHOTS=display,counter npm run screenshots` takes only the screens whose names start so. */
const ONLY = (process.env.SHOTS ?? '').split(',').filter((s) => s !== '')
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

async function scene(lobby: Lobby): Promise<{ kiosk: string; display: string; receipt: TicketReceipt }> {
  const kiosk = await lobby.pair('kiosk')
  const display = await lobby.pair('display')
  const tellers: string[] = []
  for (let i = 1; i <= 5; i++) {
    const t = await lobby.signIn(`t0${i}`, `${i}${i}${i}${i}`, `c${i}`)
    await lobby.api('POST', `/api/v1/counters/c${i}/open`, {}, t)
    tellers.push(t)
  }
  const services = ['personal', 'business', 'personal', 'wealth', 'cards', 'personal', 'business', 'personal']
  let receipt: TicketReceipt | null = null
  for (let i = 0; i < 22; i++)
    receipt = await lobby.issue(kiosk, services[i % services.length], i === 9 ? 'vip' : i === 14 ? 'care' : null)
  for (const [i, t] of tellers.entries()) {
    const c = `c${i + 1}`
    await lobby.api('POST', `/api/v1/counters/${c}/call-next`, {}, t)
    if (i < 3) {
      await lobby.api('POST', `/api/v1/counters/${c}/start`, {}, t)
      await lobby.api('POST', `/api/v1/counters/${c}/complete`, { completedServiceId: null }, t)
      await lobby.api('POST', `/api/v1/counters/${c}/call-next`, {}, t)
    }
    if (i < 2) await lobby.api('POST', `/api/v1/counters/${c}/start`, {}, t)
  }
  await lobby.api('POST', '/api/v1/counters/c5/start', {}, tellers[4])
  await lobby.api('POST', '/api/v1/counters/c5/complete', { completedServiceId: null }, tellers[4])
  await lobby.api('POST', '/api/v1/counters/c5/pause', { reason: { code: 'cashCount', note: '' } }, tellers[4])
  const manager = await lobby.manager()
  await lobby.api(
    'POST',
    '/api/v1/delays',
    {
      scope: { kind: 'branch' },
      message: {
        'zh-CN': '网银系统升级,转账业务办理稍慢,敬请谅解。',
        en: 'Online banking is being upgraded; transfers take a little longer.',
      },
    },
    manager,
  )
  if (receipt === null) throw new Error('no ticket issued')
  return { kiosk, display, receipt }
}

async function shot(
  browser: Browser,
  name: string,
  width: number,
  height: number,
  go: (page: Page) => Promise<void>,
): Promise<void> {
  if (ONLY.length > 0 && !ONLY.some((prefix) => name.startsWith(prefix))) return
  const page = await browser.newPage({ viewport: { width, height } })
  await go(page)
  await page.waitForTimeout(800)
  await page.screenshot({ path: join(OUT, `${name}.png`) })
  await page.close()
  console.log(`  ${name}.png (${width}×${height})`)
}

/** A signed-in seat, as the screen keeps it, so staff screens open signed in. */
async function seat(page: Page, seatName: string, session: SessionView): Promise<void> {
  const key = `branch-lobby:session:${seatName}`
  await page.addInitScript({
    content: `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(session))})`,
  })
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true })
  // A branch's public address, as set in branch.json: the kiosk's ticket shows its QR code.
  const lobby = await Lobby.start({}, [], 'http://192.168.1.20:8420/')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  })
  try {
    const { kiosk, display, receipt } = await scene(lobby)
    const teller = await lobby.api<SessionView>('POST', '/api/v1/sessions', {
      staffId: 't01',
      pin: '1111',
      counterId: 'c1',
    })
    const manager = await lobby.api<SessionView>('POST', '/api/v1/sessions', {
      staffId: 'm01',
      pin: '9999',
      counterId: null,
    })
    for (const lang of ['zh', 'en'] as const) {
      const english = async (page: Page) => {
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).first().click()
      }
      const kioskPage = async (page: Page) => {
        await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
        await page.getByRole('button', { name: /个人业务|Personal banking/ }).waitFor()
        await english(page)
      }
      await shot(browser, `kiosk-portrait-${lang}`, 1080, 1920, kioskPage)
      await shot(browser, `kiosk-landscape-${lang}`, 1920, 1080, kioskPage)
      await shot(browser, `kiosk-ticket-${lang}`, 1080, 1920, async (page) => {
        await kioskPage(page)
        await page.getByRole('button', { name: /对公业务|Business accounts/ }).click()
        await page.getByTestId('ticket-number').waitFor()
      })
      await shot(browser, `kiosk-self-service-${lang}`, 1080, 1920, async (page) => {
        await kioskPage(page)
        await page.getByRole('button', { name: /个人业务|Personal banking/ }).click()
      })
      // The lobby TV as built (1080p, 720p), a portrait TV, and a phone-sized window.
      for (const [width, height] of [
        [1920, 1080],
        [1280, 720],
        [1080, 1920],
        [390, 844],
      ] as const) {
        const size = width === 1920 ? '' : `-${width}x${height}`
        await shot(browser, `display${size}-${lang}`, width, height, async (page) => {
          await page.goto(`${lobby.url}/#/display?token=${display}${lang === 'en' ? '&lang=en' : ''}`)
          await page.locator('main[aria-busy="false"]').waitFor()
        })
      }
      await shot(browser, `counter-${lang}`, 1366, 768, async (page) => {
        await seat(page, 'counter', teller)
        await page.goto(`${lobby.url}/#/counter/c1`)
        await page
          .getByRole('button', { name: /F1|叫号|Call/ })
          .first()
          .waitFor()
        await english(page)
      })
      for (const tab of ['floor', 'waiting', 'delays', 'devices', 'report', 'feedback', 'whatif']) {
        await shot(browser, `manager-${tab}-${lang}`, 1920, 1080, async (page) => {
          await seat(page, 'manager', manager)
          await page.goto(`${lobby.url}/#/manager?tab=${tab}`)
          await page.getByRole('tablist').waitFor()
          await english(page)
        })
      }
      await shot(browser, `status-phone-${lang}`, 390, 844, async (page) => {
        await page.goto(`${lobby.url}/${receipt.statusPath}`)
        await page.getByText(receipt.number).first().waitFor()
        await english(page)
      })
    }
  } finally {
    await browser.close()
    await lobby.stop()
  }
  console.log(`screenshots in ${OUT}`)
}

await main()
