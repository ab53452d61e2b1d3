import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { CommandAck, QueueSnapshot } from '../../shared/api/views'
import type { Ticket } from '../../shared/queue/ticket'
import { aheadToMorning } from '../hub/support/morningClock'
import { Lobby } from './support/lobby'

/**
 * The counter screen (窗口) against a real hub: a teller signs in at a counter and works it.
 * Each test works its own counter of the demo branch (teller tN at counter cN), so the tests
 * share one hub without sharing customers.
 */

/** The hub's clock runs this far from the PC's (10:00 at the branch at first); it only ever moves forward. */
let ahead = aheadToMorning()
let lobby: Lobby
let kiosk: string
let manager: string

test.beforeAll(async () => {
  // A fast heartbeat: the screens learn a moved hub clock within 0.2 s.
  lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead }, liveHeartbeatMs: 200 })
  kiosk = await lobby.pair('kiosk')
  manager = await lobby.manager()
})
test.afterAll(async () => {
  await lobby.stop()
})

async function snapshot(): Promise<QueueSnapshot> {
  return lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
}

async function ticket(id: string): Promise<Ticket | undefined> {
  const { state } = await snapshot()
  return [...state.open, ...state.done].find((t) => t.id === id)
}

async function signIn(page: Page, counterId: string, staffId: string, pin: string, english = false): Promise<void> {
  await page.goto(`${lobby.url}/#/counter/${counterId}`)
  if (english) {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('textbox', { name: 'Staff ID' }).fill(staffId)
    await page.getByRole('textbox', { name: 'PIN' }).fill(pin)
    await page.getByRole('button', { name: 'Sign in' }).click()
  } else {
    await page.getByRole('textbox', { name: '工号' }).fill(staffId)
    await page.getByRole('textbox', { name: '密码' }).fill(pin)
    await page.getByRole('button', { name: '登录' }).click()
  }
}

test.describe('counter screen', () => {
  test.use({ viewport: { width: 1366, height: 768 } })

  test('a teller signs in, opens the counter, calls, starts, completes and asks for a rating', async ({ page }) => {
    const c = await lobby.issue(kiosk, 'wealth')
    await page.goto(`${lobby.url}/#/counter/c5`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('5 号窗口 · 柜员登录')
    await page.getByRole('textbox', { name: '密码' }).fill('5555')
    await page.getByRole('textbox', { name: '工号' }).fill('t05')
    await page.getByRole('button', { name: '登录' }).click()
    await expect(page.getByRole('heading', { name: '窗口已关闭' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('5 号窗口')
    await expect(page.getByText('柜员 陈静')).toBeVisible()

    await page.getByRole('button', { name: '开启窗口', exact: true }).click()
    await expect(page.getByRole('status', { name: '窗口状态: 空闲' })).toBeVisible()
    await expect(page.getByTestId('next-up')).toContainText(c.number)
    await expect(page.getByRole('list', { name: '各业务等候人数' })).toContainText(/理财与证券\s*1 人/)

    await page.getByRole('button', { name: '叫号', exact: true }).click()
    await expect(page.getByTestId('current-number')).toHaveText(c.number)
    await expect(page.getByText('已呼叫,请等候客户到柜')).toBeVisible()
    await expect(page.getByTestId('current-recalls')).toHaveText('已重呼 0 / 2 次')
    const noShow = page.getByRole('button', { name: '过号', exact: true })
    await expect(noShow).toBeDisabled()
    await expect(noShow).toHaveAccessibleDescription('还需重呼 2 次才能标记过号')
    // The customer has the declared 20 s to come before a recall: the button counts down.
    const recall = page.getByRole('button', { name: '重呼', exact: true })
    await expect(recall).toBeDisabled()
    await expect(recall).toHaveAccessibleDescription(/^请等候 (20|19|18) 秒$/)

    await page.getByRole('button', { name: '客户到柜', exact: true }).click()
    await expect(page.getByRole('status', { name: '窗口状态: 办理中' })).toBeVisible()
    await expect(page.getByRole('timer', { name: /^办理用时 00:\d\d,标准 05:00$/ })).toBeVisible()
    await expect(page.getByTestId('transaction-timer')).toHaveAttribute('data-tone', 'normal')
    await expect(page.getByRole('combobox', { name: '办结业务' })).toHaveValue('wealth')
    // The main flow fits a 1366×768 counter PC without scrolling.
    const fits = await page.locator('html').evaluate((html) => html.scrollHeight <= html.clientHeight)
    expect(fits).toBe(true)

    await page.getByRole('button', { name: '办结', exact: true }).click()
    await expect(page.getByRole('heading', { name: `请客户评价 ${c.number} 的服务` })).toBeVisible()
    await page.getByRole('button', { name: '5 分:非常满意' }).click()
    await expect(page.getByText(`已记录 ${c.number} 的评价:5 分。`)).toBeVisible()
    await expect(page.getByTestId('day-served')).toHaveText('1')
    await expect(page.getByTestId('day-within')).toHaveText('100%')
    await expect(page.getByTestId('day-average')).toHaveText(/^00:\d\d$/)

    const served = await ticket(c.ticketId)
    expect(served?.outcome).toBe('served')
    expect(served?.rating).toBe(5)
    expect(served?.visits.map((v) => [v.counterId, v.staffId, v.outcome])).toEqual([['c5', 't05', 'served']])

    // Leaving closes the counter first, so nobody waits for a counter with no teller.
    await page.getByRole('button', { name: '关闭并退出', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('5 号窗口 · 柜员登录')
    expect((await snapshot()).state.counters['c5']?.status).toBe('closed')
  })

  test('in English, with the keyboard only: no-show after the declared recalls, then a full transaction', async ({
    page,
  }) => {
    const missed = await lobby.issue(kiosk, 'business')
    const next = await lobby.issue(kiosk, 'business')
    await signIn(page, 'c6', 't06', '6666', true)
    await expect(page.getByRole('heading', { name: 'Counter closed' })).toBeVisible()
    await expect(page.getByRole('contentinfo')).toContainText('F1 Call next')
    // The shortcut does what the button does, once the screen has the counter's live state.
    await expect(page.getByRole('button', { name: 'Open counter', exact: true })).toBeEnabled()

    await page.keyboard.press('Alt+KeyO')
    await expect(page.getByRole('status', { name: 'Counter status: Ready' })).toBeVisible()
    await page.keyboard.press('F1')
    await expect(page.getByTestId('current-number')).toHaveText(missed.number)
    const noShow = page.getByRole('button', { name: 'No-show', exact: true })
    await expect(noShow).toHaveAccessibleDescription('Recall 2 more times before marking a no-show')

    const recall = page.getByRole('button', { name: 'Recall', exact: true })
    await expect(recall).toHaveAccessibleDescription(/^Wait (20|19|18) s$/)

    // F5 does nothing (and does not reload the page) until the recalls are made, and F2 nothing
    // until the customer has had the declared 20 s to come.
    await page.keyboard.press('F5')
    await page.keyboard.press('F2')
    await expect(page.getByTestId('current-recalls')).toHaveText('Recalled 0 of 2')
    ahead += 20_000
    await expect(recall).toBeEnabled()
    await page.keyboard.press('F2')
    await expect(page.getByTestId('current-recalls')).toHaveText('Recalled 1 of 2')
    await expect(noShow).toHaveAccessibleDescription('Recall once more before marking a no-show')
    await expect(recall).toHaveAccessibleDescription(/^Wait (20|19|18) s$/)
    ahead += 20_000
    await expect(recall).toBeEnabled()
    await page.keyboard.press('F2')
    await expect(page.getByTestId('current-recalls')).toHaveText('Recalled 2 of 2')
    // The no-show, too, waits the interval after the last recall.
    await expect(noShow).toHaveAccessibleDescription(/^Wait (20|19|18) s$/)
    await expect(noShow).toBeDisabled()
    ahead += 20_000
    await expect(noShow).toBeEnabled()
    await page.keyboard.press('F5')
    await expect(page.getByRole('heading', { name: 'Ready to call' })).toBeVisible()
    expect((await ticket(missed.ticketId))?.status).toBe('noShow')

    await page.keyboard.press('F1')
    await expect(page.getByTestId('current-number')).toHaveText(next.number)
    await page.keyboard.press('F3')
    await expect(page.getByRole('status', { name: 'Counter status: Serving' })).toBeVisible()
    await expect(page.getByRole('timer', { name: /^Transaction time 00:\d\d, standard 03:00$/ })).toBeVisible()
    await page.keyboard.press('F4')
    await expect(page.getByRole('heading', { name: `Ask the customer to rate ${next.number}` })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('heading', { name: 'Ready to call' })).toBeVisible()
    await expect(page.getByTestId('day-served')).toHaveText('1')

    const done = await ticket(next.ticketId)
    expect(done?.outcome).toBe('served')
    expect(done?.rating).toBeNull()
  })

  test('transfers a customer to another service and counter, and parks and resumes one', async ({ page }) => {
    const moved = await lobby.issue(kiosk, 'business')
    const parked = await lobby.issue(kiosk, 'business')
    // Counter 3 is open; counter 2 is not, and nobody would call a customer sent there.
    const t03 = await lobby.signIn('t03', '3333', 'c3')
    await lobby.api('POST', '/api/v1/counters/c3/open', {}, t03)
    await signIn(page, 'c4', 't04', '4444')
    await page.getByRole('button', { name: '开启窗口', exact: true }).click()
    await page.getByRole('button', { name: '叫号', exact: true }).click()
    await expect(page.getByTestId('current-number')).toHaveText(moved.number)

    await page.keyboard.press('F6')
    const dialog = page.getByRole('dialog', { name: `转移客户 ${moved.number}` })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('button', { name: '转移', exact: true })).toBeDisabled()
    await dialog.getByRole('combobox', { name: '转到业务' }).selectOption('cards')
    await expect(dialog.getByRole('option', { name: '2 号窗口(未开启)' })).toBeDisabled()
    await dialog.getByRole('combobox', { name: '转到窗口' }).selectOption('c3')
    await dialog.getByRole('button', { name: '转移', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('current-number')).toHaveCount(0)
    const t = await ticket(moved.ticketId)
    expect([t?.status, t?.serviceId, t?.targetCounterId, t?.queuedAt]).toEqual([
      'waiting',
      'cards',
      'c3',
      moved.issuedAt,
    ])

    await page.keyboard.press('F1')
    await expect(page.getByTestId('current-number')).toHaveText(parked.number)
    await page.keyboard.press('F3')
    await expect(page.getByRole('status', { name: '窗口状态: 办理中' })).toBeVisible()
    await page.keyboard.press('F7')
    const back = page.getByRole('button', { name: `${parked.number} 已返回` })
    await expect(back).toBeVisible()
    await back.click()
    await expect(page.getByText(`${parked.number} 已返回,下一次叫号将优先呼叫。`)).toBeVisible()
    await page.keyboard.press('F1')
    await expect(page.getByTestId('current-number')).toHaveText(parked.number)
    expect((await ticket(parked.ticketId))?.visits.map((v) => v.outcome)).toEqual(['parked', null])

    // Counter 3 serves the customer sent to it, and can then close (later tests open it).
    const atC3 = (verb: string, body: unknown = {}) => lobby.api('POST', `/api/v1/counters/c3/${verb}`, body, t03)
    await atC3('call-next')
    expect((await ticket(moved.ticketId))?.counterId).toBe('c3')
    await atC3('start')
    await atC3('complete', { completedServiceId: null })
    await atC3('close')
  })

  test('pauses with a reason, and calls a ticket out of turn only with a reason', async ({ page }) => {
    const first = await lobby.issue(kiosk, 'personal')
    const second = await lobby.issue(kiosk, 'personal')
    const third = await lobby.issue(kiosk, 'personal')
    await signIn(page, 'c2', 't02', '2222')
    await page.getByRole('button', { name: '开启窗口', exact: true }).click()

    await page.getByRole('button', { name: '暂停', exact: true }).click()
    const pause = page.getByRole('dialog', { name: '暂停窗口' })
    await pause.getByRole('radio', { name: '清点现金' }).check()
    await pause.getByRole('textbox', { name: '备注(选填,仅管理者可见)' }).fill('尾箱交接')
    await pause.getByRole('button', { name: '暂停', exact: true }).click()
    await expect(page.getByRole('status', { name: '窗口状态: 暂停:清点现金' })).toBeVisible()
    await expect(page.getByText('备注:尾箱交接')).toBeVisible()
    await expect(page.getByRole('button', { name: '叫号', exact: true })).toBeDisabled()
    expect((await snapshot()).state.counters['c2']?.pauseReason).toEqual({ code: 'cashCount', note: '尾箱交接' })
    await page.getByRole('button', { name: '恢复服务', exact: true }).click()
    await expect(page.getByRole('status', { name: '窗口状态: 空闲' })).toBeVisible()

    await page.keyboard.press('F8')
    const call = page.getByRole('dialog', { name: '指定叫号' })
    await call.getByRole('radio', { name: new RegExp(`^${third.number} `) }).check()
    await expect(call.getByRole('button', { name: '呼叫', exact: true })).toBeDisabled()
    await call.getByRole('button', { name: '老年人或行动不便' }).click()
    await expect(call.getByRole('textbox', { name: '原因' })).toHaveValue('老年人或行动不便')
    // Meanwhile the customer gives up and the manager cancels the ticket: the hub's refusal is
    // shown in the teller's language, not the hub's English.
    await lobby.api('POST', `/api/v1/tickets/${third.ticketId}/cancel`, {}, manager)
    await call.getByRole('button', { name: '呼叫', exact: true }).click()
    await expect(call.getByRole('alert')).toHaveText('这张号票已不在等候中(可能已被叫走、取消或办结),请选择其他号票。')
    await call.screenshot({ path: 'test-results/e2e/counter-refusal-zh-CN.png' })

    await call.getByRole('radio', { name: new RegExp(`^${second.number} `) }).check()
    await call.getByRole('button', { name: '呼叫', exact: true }).click()
    await expect(call).toBeHidden()
    await expect(page.getByTestId('current-number')).toHaveText(second.number)
    await expect(page.getByText('指定叫号原因:老年人或行动不便')).toBeVisible()
    const visit = (await ticket(second.ticketId))?.visits[0]
    expect(visit?.outOfOrder).toEqual({ reason: '老年人或行动不便', skipped: first.ticketId })
  })

  test('past the standard, one tap explains the delay to the lobby until the transaction ends', async ({ page }) => {
    await lobby.issue(kiosk, 'personal')
    const teller = await lobby.signIn('t01', '1111', 'c1')
    const c1 = (verb: string) => lobby.api<CommandAck>('POST', `/api/v1/counters/c1/${verb}`, {}, teller)
    await c1('open')
    await c1('call-next')
    await c1('start')
    ahead += 75_000 // the customer has been at counter 1 for 75 s: past the one-minute standard

    await signIn(page, 'c1', 't01', '1111')
    await expect(page.getByRole('timer', { name: /^办理用时 01:[1-5]\d,标准 01:00$/ })).toBeVisible()
    await expect(page.getByTestId('transaction-timer')).toHaveAttribute('data-tone', 'over')
    await expect(page.getByText(/^已超出标准 00:[1-5]\d$/)).toBeVisible()

    await page.getByRole('button', { name: '复杂业务说明', exact: true }).click()
    await expect(page.getByRole('button', { name: '撤回说明', exact: true })).toBeVisible()
    await expect(page.getByText('大厅屏正在显示:本窗口办理复杂业务,请客户耐心等候。')).toBeVisible()
    const notice = async () => (await snapshot()).state.delays['teller:complexBusiness:c1']
    expect(await notice()).toMatchObject({
      scope: { kind: 'counter', counterId: 'c1' },
      source: 'teller',
      endedAt: null,
    })

    await page.keyboard.press('F4')
    await expect(page.getByRole('heading', { name: /^请客户评价 A\d{3} 的服务$/ })).toBeVisible()
    await expect.poll(async () => (await notice())?.endedAt).toEqual(expect.any(Number))
  })

  test('refuses a sign-in at a counter a colleague has open, saying so in the teller’s language', async ({ page }) => {
    const t04 = await lobby.signIn('t04', '4444', 'c4')
    if (((await snapshot()).state.counters.c4?.status ?? 'closed') === 'closed')
      await lobby.api('POST', '/api/v1/counters/c4/open', {}, t04)
    await signIn(page, 'c4', 't01', '1111')
    await expect(page.getByRole('alert')).toHaveText('此窗口已由其他柜员开启。请该柜员或大堂经理先关闭此窗口,再登录。')
    await page.reload()
    await signIn(page, 'c4', 't01', '1111', true)
    await expect(page.getByRole('alert')).toHaveText(
      'A colleague has this counter open. Ask them or a manager to close it before you sign in here.',
    )
  })

  test('F9 with two customers parked asks who is back, and a customer away too long prompts the teller', async ({
    page,
  }) => {
    const first = await lobby.issue(kiosk, 'cards')
    const second = await lobby.issue(kiosk, 'cards')
    const t02 = await lobby.signIn('t02', '2222', 'c2')
    const atC2 = (verb: string, body: unknown = {}) => lobby.api('POST', `/api/v1/counters/c2/${verb}`, body, t02)
    // Whatever an earlier test left at counter 2 (paused, or a customer called) is finished first.
    const status = (await snapshot()).state.counters['c2']?.status ?? 'closed'
    if (status === 'closed') await atC2('open')
    if (status === 'paused') await atC2('resume')
    if (status === 'calling') await atC2('start')
    if (status === 'calling' || status === 'serving') await atC2('complete', { completedServiceId: null })
    for (const x of [first, second]) {
      await atC2('call-ticket', { ticketId: x.ticketId, reason: 'e2e: park two customers' })
      await atC2('start')
      await atC2('park')
    }
    await signIn(page, 'c2', 't02', '2222', true)
    const parkedList = page.getByRole('region', { name: 'Parked customers' })
    await expect(parkedList.getByRole('listitem')).toHaveCount(2)
    await expect(page.getByTestId('parked-prompt')).toHaveCount(0)

    await page.keyboard.press('F9')
    const dialog = page.getByRole('dialog', { name: 'A parked customer is back' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio')).toHaveCount(2)
    await expect(dialog.getByRole('radio', { name: new RegExp(`^${first.number} `) })).toBeChecked()
    await dialog.getByRole('radio', { name: new RegExp(`^${second.number} `) }).check()
    await dialog.getByRole('button', { name: 'Back to the counter' }).click()
    await expect(dialog).toBeHidden()
    expect((await ticket(second.ticketId))?.status).toBe('waiting')
    await expect(parkedList.getByRole('listitem')).toHaveCount(1)

    // Away longer than the branch allows (5 minutes by default): the teller is prompted.
    ahead += 301_000
    const prompt = page.getByTestId('parked-prompt')
    await expect(prompt).toHaveText(
      new RegExp(
        `^${first.number} has been parked for [56] min: check on the customer, and press F9 when they are back\\.$`,
      ),
    )
    await expect(prompt).toHaveRole('alert')
    // One customer left parked: F9 brings them back at once, and the prompt goes.
    await page.keyboard.press('F9')
    await expect(prompt).toHaveCount(0)
    expect((await ticket(first.ticketId))?.status).toBe('waiting')
    // Both are served before the next test, which checks the whole screen.
    for (let i = 0; i < 2; i++) {
      await atC2('call-next')
      await atC2('start')
      await atC2('complete', { completedServiceId: null })
    }
    await atC2('close')
  })

  test('every control has an accessible name and axe finds no serious violations', async ({ page }) => {
    for (const service of ['cards', 'personal', 'cards', 'personal', 'personal', 'cards', 'personal', 'personal']) {
      await lobby.issue(kiosk, service, service === 'cards' ? 'care' : null)
    }
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      )
    // The screen may still be taking a live update (a control gone between listing and checking):
    // the whole list is checked again until one listing passes; an unnamed control never does.
    const named = async (scope: ReturnType<Page['locator']>) => {
      await expect(async () => {
        for (const control of await scope.locator('button, select, input').all()) {
          await expect(control).toHaveAccessibleName(/\S/, { timeout: 1000 })
        }
      }).toPass({ timeout: 20_000 })
    }

    await page.goto(`${lobby.url}/#/counter/c3`)
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible()
    await named(page.locator('body'))
    expect(await serious()).toEqual([])

    await signIn(page, 'c3', 't03', '3333')
    await page.getByRole('button', { name: '开启窗口', exact: true }).click()
    await page.keyboard.press('F1')
    await expect(page.getByTestId('current-number')).toBeVisible()
    await page.keyboard.press('F3')
    await expect(page.getByTestId('transaction-timer')).toBeVisible()
    const fits = await page.locator('html').evaluate((html) => html.scrollHeight <= html.clientHeight)
    expect(fits).toBe(true)
    await named(page.locator('body'))
    expect(await serious()).toEqual([])

    await page.keyboard.press('F6')
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await named(dialog)
    expect(await serious()).toEqual([])
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    await page.keyboard.press('F4')
    await expect(page.getByRole('heading', { name: /^请客户评价 .+ 的服务$/ })).toBeVisible()
    await named(page.locator('body'))
    expect(await serious()).toEqual([])
  })
})
