import { expect, test } from '@playwright/test'
import { Lobby } from './support/lobby'
import { smallTargets } from './support/touchTargets'

/**
 * Touch targets of the staff touch screens (counter and manager), in both languages: every
 * control a finger can press is at least 44 × 44 CSS px (WCAG 2.5.5). A radio button or check
 * box counts with its label, which the browser makes part of the same target.
 */

/** The buttons that open the manager's dialogs, and the tabs they are on. */
const DIALOG_WORDS = {
  'zh-CN': {
    floor: '现场',
    waiting: '等候客户',
    devices: '设备与终端',
    feedback: '意见与投诉',
    pause: '暂停',
    close: '关闭',
    transfer: '转移',
    cancel: '取消号',
    revoke: '撤销',
    resolve: /^记录答复:/u,
    closeDay: '结束今日营业…',
  },
  en: {
    floor: 'Live floor',
    waiting: 'Waiting customers',
    devices: 'Devices and terminals',
    feedback: 'Feedback',
    pause: 'Pause',
    close: 'Close',
    transfer: 'Transfer',
    cancel: 'Cancel ticket',
    revoke: 'Revoke',
    resolve: /^Record the reply to:/u,
    closeDay: 'Close the business day…',
  },
} as const

let lobby: Lobby
let kiosk: string
test.beforeAll(async () => {
  lobby = await Lobby.start()
  kiosk = await lobby.pair('kiosk')
})
test.afterAll(async () => {
  await lobby.stop()
})

for (const [language, counter] of [
  ['zh-CN', 'c5'],
  ['en', 'c6'],
] as const) {
  test.describe(`touch targets (${language})`, () => {
    test('every control of the counter screen and its dialogs is at least 44 × 44 px', async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 })
      for (let i = 0; i < 3; i++) await lobby.issue(kiosk, counter === 'c5' ? 'wealth' : 'business')
      const n = counter.slice(1)
      const token = await lobby.signIn(`t0${n}`, n.repeat(4), counter)
      await lobby.api('POST', `/api/v1/counters/${counter}/open`, {}, token)
      await page.goto(`${lobby.url}/#/counter/${counter}`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('textbox', { name: language === 'en' ? 'Staff ID' : '工号' }).fill(`t0${n}`)
      await page.getByRole('textbox', { name: language === 'en' ? 'PIN' : '密码' }).fill(n.repeat(4))
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('next-up')).toBeVisible()
      const bad: string[] = [...(await smallTargets(page, 'idle'))]
      await page.keyboard.press('F1')
      await expect(page.getByTestId('current-number')).toBeVisible()
      bad.push(...(await smallTargets(page, 'calling')))
      await page.keyboard.press('F6')
      await expect(page.getByRole('dialog')).toBeVisible()
      bad.push(...(await smallTargets(page, 'transfer dialog')))
      await page.keyboard.press('Escape')
      await page.keyboard.press('F3')
      await page.keyboard.press('F7')
      await expect(page.getByTestId('current-number')).toHaveCount(0)
      await page.keyboard.press('F8')
      await expect(page.getByRole('dialog')).toBeVisible()
      bad.push(...(await smallTargets(page, 'call-ticket dialog')))
      await page.keyboard.press('Escape')
      await page.keyboard.press('Alt+KeyP')
      await expect(page.getByRole('dialog')).toBeVisible()
      bad.push(...(await smallTargets(page, 'pause dialog')))
      await page.keyboard.press('Escape')
      expect(bad).toEqual([])
    })

    test('every control of every manager dialog is at least 44 × 44 px', async ({ page }) => {
      test.setTimeout(90_000)
      await page.setViewportSize({ width: 1366, height: 768 })
      // Something for every dialog to be about: an idle counter, waiting customers, a paired
      // terminal (the kiosk), a customer's complaint.
      const n = language === 'en' ? '4' : '3'
      const token = await lobby.signIn(`t0${n}`, n.repeat(4), `c${n}`)
      await lobby.api('POST', `/api/v1/counters/c${n}/open`, {}, token)
      for (let i = 0; i < 2; i++) await lobby.issue(kiosk, 'personal')
      const manager = await lobby.manager()
      await lobby.api('POST', '/api/v1/feedback', { ticketId: null, kind: 'complaint', text: 'waited long' }, manager)
      await page.goto(`${lobby.url}/#/manager?token=${manager}`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      const w = DIALOG_WORDS[language]
      const bad: string[] = []
      /** Opens a dialog with a button of a tab, checks it, and leaves it with Escape (no change). */
      async function check(tab: string | null, button: string | RegExp): Promise<void> {
        if (tab !== null) await page.getByRole('tab', { name: tab }).click()
        await page.getByRole('button', { name: button, exact: true }).first().click()
        const dialog = page.getByRole('dialog')
        await expect(dialog).toBeVisible()
        bad.push(...(await smallTargets(page, `${tab ?? 'header'} → ${String(button)}`)))
        await page.keyboard.press('Escape')
        await expect(dialog).toHaveCount(0)
      }
      await check(w.floor, w.pause)
      await check(w.floor, w.close)
      await check(w.waiting, w.transfer)
      await check(w.waiting, w.cancel)
      await check(w.devices, w.revoke)
      await check(w.feedback, w.resolve)
      await check(null, w.closeDay)
      expect(bad).toEqual([])
    })

    test('every control of every manager tab is at least 44 × 44 px', async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 })
      await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      const tabs = page.getByRole('tab')
      await expect(tabs.first()).toBeVisible()
      const bad: string[] = []
      const count = await tabs.count()
      for (let i = 0; i < count; i++) {
        const tab = tabs.nth(i)
        const name = (await tab.innerText()).replace(/\s+/g, ' ')
        await tab.click()
        await page.waitForTimeout(300)
        // What a disclosure hides is pressed too once it is open (the what-if's JSON editor).
        await page.evaluate("document.querySelectorAll('details:not([open])').forEach((d) => { d.open = true })")
        await page.waitForTimeout(100)
        bad.push(...(await smallTargets(page, name)))
      }
      expect(bad).toEqual([])
    })
  })
}
