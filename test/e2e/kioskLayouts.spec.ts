import { expect, test, type Page } from '@playwright/test'
import { Lobby } from './support/lobby'
import { controlsThatDoNotFit, KIOSK_SCREENS } from './support/kioskScreens'

let lobby: Lobby
let kiosk: string
test.beforeAll(async () => {
  lobby = await Lobby.start({}, [], 'http://192.168.1.20:8420/')
  kiosk = await lobby.pair('kiosk')
})
test.afterAll(async () => {
  await lobby.stop()
})

const SHOTS = process.env.KIOSK_SHOTS
async function fits(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(150)
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/${what.replace(/[^\w-]+/g, '_')}.png` })
  expect(await controlsThatDoNotFit(page), what).toEqual([])
}

for (const screen of KIOSK_SCREENS) {
  for (const language of ['zh-CN', 'en'] as const) {
    const w =
      language === 'en'
        ? {
            personal: /Personal banking/,
            anyway: 'Take a ticket anyway',
            rejoin: 'Missed your call? Re-join',
            close: 'Back',
          }
        : { personal: /个人业务/, anyway: '仍然取号', rejoin: '过号重新排队', close: '返回' }
    test.describe(`kiosk on a ${screen.name} screen (${screen.width}×${screen.height}), ${language}`, () => {
      test.use({ viewport: { width: screen.width, height: screen.height } })

      test('every control of every step fits the screen and is at least 44 px', async ({ page }) => {
        const tag = `${screen.name}-${language}`
        await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
        await expect(page.getByRole('button', { name: /个人业务/ })).toBeEnabled()
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
        await expect(page.getByRole('button', { name: w.personal })).toBeEnabled()
        await fits(page, `${tag}-menu`)
        await page.getByRole('button', { name: w.rejoin }).click()
        await expect(page.getByRole('dialog')).toBeVisible()
        await fits(page, `${tag}-rejoin`)
        await page.getByRole('dialog').getByRole('button', { name: w.close }).click()
        await page.getByRole('button', { name: w.personal }).click()
        await fits(page, `${tag}-self-service`)
        await page.getByRole('button', { name: w.anyway }).click()
        await expect(page.getByTestId('ticket-number')).toBeVisible()
        await fits(page, `${tag}-ticket`)
      })
    })
  }
}
