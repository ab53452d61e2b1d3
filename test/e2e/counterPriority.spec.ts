import { expect, test, type Page } from '@playwright/test'
import type { QueueSnapshot } from '../../shared/api/views'
import type { Ticket } from '../../shared/queue/ticket'
import { Lobby } from './support/lobby'
import { smallTargets } from './support/touchTargets'

/**
 * The counter screen's priority class (issue 14): the current customer's class and how it was
 * established, a claim still to be confirmed, and the change-class dialog (class + reason, 44 px
 * targets) through the typed API client, with refusals in the screen's language. On the demo
 * branch: service members confirmed by staff, premier customers by card reader (the demo has
 * none, so the teller confirms), the elderly self-declared.
 */
let lobby: Lobby
let kiosk: string
let manager: string
test.beforeAll(async () => {
  lobby = await Lobby.start()
  kiosk = await lobby.pair('kiosk')
  manager = await lobby.manager()
})
test.afterAll(async () => {
  await lobby.stop()
})

async function ticket(id: string): Promise<Ticket | undefined> {
  const { state } = await lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
  return [...state.open, ...state.done].find((t) => t.id === id)
}

const WORDS = {
  'zh-CN': {
    counter: 'c5',
    service: 'wealth',
    staffId: 't05',
    pin: '5555',
    pending: '申请优先:军人、消防救援人员,待工作人员核实',
    rankedOrdinary: '确认前按普通客户排序。',
    confirm: '确认 军人、消防救援人员',
    downgrade: '按普通客户办理',
    change: '更改优先类别',
    dialog: /的优先类别$/,
    reason: '原因(必填,记入日志)',
    save: '保存',
    confirmedLine: '军人、消防救援人员 · 已由工作人员确认',
    unchanged: '客户已是该优先类别,未作更改。',
    declaredLine: '老年人、残障人士、孕妇 · 客户自行申报',
    ordinary: '普通客户',
    vipPending: '申请优先:贵宾客户,待刷卡确认',
    noneOption: '普通客户(无优先)',
  },
  en: {
    counter: 'c4',
    service: 'business',
    staffId: 't04',
    pin: '4444',
    pending: 'Asks for Military & firefighters: staff to confirm',
    rankedOrdinary: 'Ranked as an ordinary customer until confirmed.',
    confirm: 'Confirm Military & firefighters',
    downgrade: 'Serve as ordinary',
    change: 'Change class',
    dialog: /^Priority class of /,
    reason: 'Reason (required, journaled)',
    save: 'Save',
    confirmedLine: 'Military & firefighters · confirmed by staff',
    unchanged: 'The customer already has that class; nothing changed.',
    declaredLine: 'Elderly, disabled, pregnant · self-declared',
    ordinary: 'Ordinary customer',
    vipPending: 'Asks for Premier customers: card read pending',
    noneOption: 'Ordinary (no priority)',
  },
} as const

async function signIn(page: Page, language: keyof typeof WORDS): Promise<void> {
  const w = WORDS[language]
  const token = await lobby.signIn(w.staffId, w.pin, w.counter)
  await lobby.api('POST', `/api/v1/counters/${w.counter}/open`, {}, token)
  await page.goto(`${lobby.url}/#/counter/${w.counter}`)
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('textbox', { name: language === 'en' ? 'Staff ID' : '工号' }).fill(w.staffId)
  await page.getByRole('textbox', { name: language === 'en' ? 'PIN' : '密码' }).fill(w.pin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('next-up')).toBeVisible()
}

for (const language of ['zh-CN', 'en'] as const) {
  test.describe(`the counter's priority class (${language})`, () => {
    test.use({ viewport: { width: 1366, height: 768 } })

    test('a teller confirms a claim, sees how each class was established, and downgrades one', async ({ page }) => {
      const w = WORDS[language]
      const claimed = await lobby.issue(kiosk, w.service, 'military')
      const premier = await lobby.issue(kiosk, w.service, 'vip')
      expect(claimed).toMatchObject({ priorityClassId: null, priorityClaim: 'military' })
      await signIn(page, language)

      // The claim (issued first, ranked as ordinary) comes first: pending, with its actions.
      await page.keyboard.press('F1')
      await expect(page.getByTestId('current-number')).toHaveText(claimed.number)
      const line = page.getByTestId('customer-priority')
      await expect(line).toContainText(w.pending)
      await expect(line).toContainText(w.rankedOrdinary)

      await line.getByRole('button', { name: w.confirm }).click()
      const dialog = page.getByRole('dialog', { name: w.dialog })
      await expect(dialog).toBeVisible()
      expect(await smallTargets(page, 'priority dialog')).toEqual([])
      const save = dialog.getByRole('button', { name: w.save })
      await expect(save).toBeDisabled()
      await dialog.getByRole('textbox', { name: w.reason }).fill('军官证 / service card seen')
      await save.click()
      await expect(dialog).toHaveCount(0)
      await expect(line).toContainText(w.confirmedLine)
      expect(await ticket(claimed.ticketId)).toMatchObject({
        priorityClassId: 'military',
        priorityClaim: null,
        priorityBy: 'staff',
      })

      // The same class again: the hub refuses, in the screen's language, and nothing changes.
      await line.getByRole('button', { name: w.change }).click()
      await dialog.getByRole('textbox', { name: w.reason }).fill('again')
      await dialog.getByRole('button', { name: w.save }).click()
      await expect(dialog.getByRole('alert')).toHaveText(w.unchanged)
      await page.keyboard.press('Escape')
      await expect(dialog).toHaveCount(0)

      // Next: the premier claim (no card reader in the demo), which the teller downgrades.
      const serveNext = async (number: string) => {
        await page.keyboard.press('F3')
        await page.keyboard.press('F7')
        await expect(page.getByTestId('current-number')).toHaveCount(0)
        await page.keyboard.press('F1')
        await expect(page.getByTestId('current-number')).toHaveText(number)
      }
      await serveNext(premier.number)
      await expect(line).toContainText(w.vipPending)
      await line.getByRole('button', { name: w.downgrade }).click()
      await expect(dialog.getByRole('radio', { name: w.noneOption })).toBeChecked()
      await dialog.getByRole('textbox', { name: w.reason }).fill('no premier card')
      await dialog.getByRole('button', { name: w.save }).click()
      await expect(dialog).toHaveCount(0)
      await expect(line).toContainText(w.ordinary)
      expect(await ticket(premier.ticketId)).toMatchObject({ priorityClassId: null, priorityClaim: null })

      // A self-declared class is shown as such.
      const declared = await lobby.issue(kiosk, w.service, 'care')
      await serveNext(declared.number)
      await expect(line).toContainText(w.declaredLine)
    })
  })
}
