import { expect, test } from '@playwright/test'
import { Lobby } from './support/lobby'
import { smallTargets } from './support/touchTargets'

/**
 * Touch targets of the staff touch screens (counter and manager), in both languages: every
 * control a finger can press is at least 44 × 44 CSS px (WCAG 2.5.5). A radio button or check
 * box counts with its label, which the browser makes part of the same target.
 */

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
        bad.push(...(await smallTargets(page, name)))
      }
      expect(bad).toEqual([])
    })
  })
}
