import { expect, test, type Browser, type Page } from '@playwright/test'
import { Lobby } from './support/lobby'

/**
 * One customer through all four screens at once, as in a branch: the kiosk, the lobby display,
 * a counter and the manager's floor, each a page of its own on the same hub.
 */
const RECORD_SPEECH = `
  window.__spoken = [];
  speechSynthesis.getVoices = () => [];
  speechSynthesis.speak = (u) => {
    window.__spoken.push({ text: u.text, lang: u.lang });
    setTimeout(() => u.dispatchEvent(new Event('end')), 100);
  };
  speechSynthesis.cancel = () => {};
`

const WORDS = {
  'zh-CN': {
    personal: /个人业务/,
    staffId: '工号',
    pin: '密码',
    signIn: '登录',
    open: '开启窗口',
    call: '叫号',
    arrived: '客户到柜',
    complete: '办结',
    issued: '已取号',
    served: '已办理',
    spoken: (n: string) => `请 ${n} 号到 1 号窗口`,
  },
  en: {
    personal: /Personal banking/,
    staffId: 'Staff ID',
    pin: 'PIN',
    signIn: 'Sign in',
    open: 'Open counter',
    call: 'Call next',
    arrived: 'Customer arrived',
    complete: 'Complete',
    issued: 'Issued',
    served: 'Served',
    spoken: (n: string) => `Ticket ${n}, please go to counter 1`,
  },
} as const

async function open(browser: Browser, width: number, height: number, url: string, init?: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage()
  if (init !== undefined) await page.addInitScript(init)
  await page.goto(url)
  return page
}

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  test(`a customer from kiosk to counter, seen on the display and by the manager (${language})`, async ({
    browser,
  }) => {
    const lobby = await Lobby.start()
    try {
      const kioskToken = await lobby.pair('kiosk')
      const displayToken = await lobby.pair('display')
      const english = async (p: Page) => {
        if (language === 'en') await p.getByRole('button', { name: 'English' }).first().click()
      }

      const manager = await open(browser, 1920, 1080, `${lobby.url}/#/manager?token=${await lobby.manager()}`)
      await english(manager)
      const issued = manager.getByRole('group', { name: w.issued, exact: true }).getByRole('strong')
      const served = manager.getByRole('group', { name: w.served, exact: true }).getByRole('strong')
      await expect(issued).toHaveText('0')

      const display = await open(
        browser,
        1920,
        1080,
        `${lobby.url}/#/display?token=${displayToken}${language === 'en' ? '&lang=en' : ''}`,
        RECORD_SPEECH,
      )
      const personalRow = display.getByRole('row', { name: w.personal })
      await expect(personalRow.getByRole('cell').first()).toHaveText('0')

      // The customer takes a ticket at the kiosk.
      const kiosk = await open(browser, 1080, 1920, `${lobby.url}/#/kiosk?token=${kioskToken}`)
      await english(kiosk)
      await kiosk.getByRole('button', { name: w.personal }).click()
      const takeAnyway = kiosk.getByRole('button', { name: language === 'en' ? 'Take a ticket anyway' : '仍然取号' })
      await takeAnyway.click()
      const number = kiosk.getByTestId('ticket-number')
      await expect(number).toHaveText('A001')

      // The display shows them waiting, with an estimate; the manager sees the ticket.
      await expect(personalRow.getByRole('cell').first()).toHaveText('1')
      await expect(personalRow.getByRole('cell').nth(1)).toHaveText(
        language === 'en' ? /^(Soon|About \d+–\d+ min)/ : /即将叫号|约 \d+–\d+ 分钟/,
      )
      await expect(issued).toHaveText('1')

      // A teller signs in at counter 1, opens it and calls.
      const counter = await open(browser, 1366, 768, `${lobby.url}/#/counter/c1`)
      await english(counter)
      await counter.getByRole('textbox', { name: w.staffId }).fill('t01')
      await counter.getByRole('textbox', { name: w.pin }).fill('1111')
      await counter.getByRole('button', { name: w.signIn }).click()
      await counter.getByRole('button', { name: w.open, exact: true }).click()
      await counter.getByRole('button', { name: w.call, exact: true }).click()
      await expect(counter.getByTestId('current-number')).toHaveText('A001')

      // The lobby display shows and announces the call.
      await expect(display.getByTestId('now-number')).toHaveText('A001')
      await expect(display.getByTestId('now-counter')).toHaveText('1')
      await expect
        .poll(() =>
          display.evaluate(() =>
            (globalThis as unknown as { __spoken: { text: string }[] }).__spoken.map((s) => s.text),
          ),
        )
        .toContain(w.spoken('A001'))

      // The customer arrives; the teller serves and finishes; the manager sees it served.
      await counter.getByRole('button', { name: w.arrived, exact: true }).click()
      await counter.getByRole('button', { name: w.complete, exact: true }).click()
      await counter.keyboard.press('Escape')
      await expect(served).toHaveText('1')
      await expect(personalRow.getByRole('cell').first()).toHaveText('0')
    } finally {
      await lobby.stop()
    }
  })
}
