import { expect, test, type Locator } from '@playwright/test'
import { Lobby } from './support/lobby'

/**
 * A field left empty is said in the screen's language by the screen itself, never by the
 * browser's own bubble ("Please fill out this field." in the browser's language, on a Chinese
 * screen): every form is `novalidate`, and the screen's own message appears. And a re-join of a
 * ticket already served says so, not "not found".
 */
const WORDS = {
  'zh-CN': {
    rejoin: '过号重新排队',
    submit: '重新排队',
    empty: '请输入您的号码(例如 A023)。',
    served: '这个号码已经办理完毕,无需重新排队。如需办理其他业务,请重新取号。',
    devicesTab: '设备与终端',
    createCode: '生成配对码',
    nameRequired: '请输入终端名称,例如“大厅取号机 1”。',
  },
  en: {
    rejoin: 'Missed your call? Re-join',
    submit: 'Re-join',
    empty: 'Please enter your number (for example A023).',
    served:
      'This number has already been served; there is nothing to re-join. For something else, please take a new ticket.',
    devicesTab: 'Devices and terminals',
    createCode: 'Create a pairing code',
    nameRequired: 'Enter a name for the terminal, for example “Lobby kiosk 1”.',
  },
} as const

let lobby: Lobby
let kiosk: string
test.beforeAll(async () => {
  lobby = await Lobby.start()
  kiosk = await lobby.pair('kiosk')
  // A001 served: a re-join of it is refused as "already served".
  await lobby.issue(kiosk, 'personal')
  const teller = await lobby.signIn('t01', '1111', 'c1')
  for (const [verb, body] of [['open'], ['call-next'], ['start'], ['complete', { completedServiceId: null }]] as const)
    await lobby.api('POST', `/api/v1/counters/c1/${verb}`, body ?? {}, teller)
})
test.afterAll(async () => {
  await lobby.stop()
})

/** The browser would not check the form itself: its bubble cannot appear. */
async function expectNoNativeCheck(form: Locator): Promise<void> {
  // The attribute, not the DOM property: there are no DOM types here.
  await expect(form).toHaveAttribute('novalidate', '')
}

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]

  test.describe(`the screens' own field messages (${language})`, () => {
    test('the kiosk says an empty re-join number, and an already served one, in its own words', async ({ page }) => {
      await page.goto(`${lobby.url}/#/kiosk?token=${kiosk}`)
      await expect(page.getByRole('button', { name: /个人业务/ })).toBeEnabled()
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('button', { name: w.rejoin }).click()
      const dialog = page.getByRole('dialog')
      await expectNoNativeCheck(dialog)
      await dialog.getByRole('textbox').focus()
      await page.keyboard.press('Enter')
      await expect(dialog.locator('.kiosk-form__error')).toHaveText(w.empty)
      await page.screenshot({ path: `test-results/e2e/kiosk-rejoin-empty-${language}.png` })
      await dialog.getByRole('textbox').fill('A001')
      await dialog.getByRole('button', { name: w.submit, exact: true }).click()
      await expect(dialog.locator('.kiosk-form__error')).toHaveText(w.served)
      await page.screenshot({ path: `test-results/e2e/kiosk-rejoin-served-${language}.png` })
    })

    test("the manager's pairing form says an empty terminal name under the field", async ({ page }) => {
      await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('tab', { name: w.devicesTab }).click()
      const panel = page.getByRole('tabpanel')
      const button = panel.getByRole('button', { name: w.createCode })
      await expectNoNativeCheck(panel.locator('form.pairing__form'))
      await button.click()
      await expect(panel.getByRole('alert')).toHaveText(w.nameRequired)
      await expect(panel.getByTestId('pairing-code')).toHaveCount(0)
      await page.screenshot({ path: `test-results/e2e/manager-pair-empty-${language}.png`, fullPage: true })
    })
  })
}
