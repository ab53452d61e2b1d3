import { expect, test, type Page } from '@playwright/test'
import type { BranchFile } from '../../hub/config/branchFile'
import { priorityClassId } from '../../shared/domain/ids'
import { Lobby } from './support/lobby'
import { badlyWrapped, controlsThatDoNotFit, KIOSK_SCREENS } from './support/kioskScreens'

/** The demo branch with six priority classes: two more a customer may tap. */
const sixClasses = (b: BranchFile['branch']): BranchFile['branch'] => ({
  ...b,
  priorityClasses: [
    ...b.priorityClasses,
    {
      id: priorityClassId('pension'),
      name: { 'zh-CN': '养老金领取人', en: 'Pensioners collecting a pension' },
      rate: 1.5,
      headStartSec: 60,
    },
    {
      id: priorityClassId('veteran'),
      name: { 'zh-CN': '退役军人及家属', en: 'Veterans and their families' },
      rate: 2,
      headStartSec: 0,
    },
  ],
})

const BRANCHES = [
  { name: 'the demo branch', classes: 4, change: undefined },
  { name: 'a branch of six classes', classes: 6, change: sixClasses },
] as const

const SHOTS = process.env.KIOSK_SHOTS
async function fits(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(150)
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/${what.replace(/[^\w-]+/g, '_')}.png` })
  expect(await controlsThatDoNotFit(page), what).toEqual([])
  // Names on buttons and the texts customers read wrap between words, never leaving one
  // character alone on a line, and are not clipped.
  expect(await badlyWrapped(page, '.kiosk *'), what).toEqual([])
}

for (const branch of BRANCHES) {
  test.describe(`${branch.name}`, () => {
    let lobby: Lobby
    let kiosk: string
    test.beforeAll(async () => {
      lobby = await Lobby.start({}, [], 'http://192.168.1.20:8420/', {}, branch.change)
      kiosk = await lobby.pair('kiosk')
    })
    test.afterAll(async () => {
      await lobby.stop()
    })
    for (const screen of KIOSK_SCREENS) {
      for (const language of ['zh-CN', 'en'] as const) {
        const w =
          language === 'en'
            ? {
                personal: /Personal banking/,
                anyway: 'Take a ticket anyway',
                rejoin: 'Missed your call? Re-join',
                checkIn: 'I have a booking code',
                close: 'Back',
              }
            : { personal: /个人业务/, anyway: '仍然取号', rejoin: '过号重新排队', checkIn: '我有预约码', close: '返回' }
        test.describe(`kiosk on a ${screen.name} screen (${screen.width}×${screen.height}), ${language}`, () => {
          test.use({ viewport: { width: screen.width, height: screen.height } })

          test('every control of every step fits the screen and is at least 44 px', async ({ page }) => {
            const tag = `${branch.classes}-classes-${screen.name}-${language}`
            await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
            await expect(page.getByRole('button', { name: /个人业务/ })).toBeEnabled()
            if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
            await expect(page.getByRole('button', { name: w.personal })).toBeEnabled()
            await fits(page, `${tag}-menu`)
            // Each class's rule is beside its button; the rules panel keeps the general ones.
            const entries = page.locator('.priority__class')
            await expect(entries).toHaveCount(branch.classes - 1)
            for (const entry of await entries.all()) {
              const name = (await entry.getByRole('button').textContent())?.trim() ?? ''
              await expect(entry.locator('.priority__rule')).toContainText(language === 'en' ? 'minute' : '分钟')
              await expect(page.locator('.rules')).not.toContainText(name)
            }
            await page.getByRole('button', { name: w.rejoin }).click()
            await expect(page.getByRole('dialog')).toBeVisible()
            await fits(page, `${tag}-rejoin`)
            await page.getByRole('dialog').getByRole('button', { name: w.close }).click()
            // The booking code's keypad: the alphabet's 31 keys and three more.
            await page.getByRole('button', { name: w.checkIn }).click()
            await expect(page.getByRole('dialog').getByRole('button')).toHaveCount(31 + 3 + 1)
            await fits(page, `${tag}-check-in`)
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
  })
}
