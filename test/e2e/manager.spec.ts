import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { QueueSnapshot, SessionView } from '../../shared/api/views'
import type { Clock } from '../../hub/clock'
import { TEN_AM } from '../hub/support/fakeClock'
import { Lobby } from './support/lobby'

/**
 * The hub's clock: 10:00 on a fixed business day, ticking in real time, moved forward when a
 * scene needs time to pass (a transaction running over its standard, a customer waiting past
 * the target). Moved only before the page opens: the page learns the hub clock from its snapshot.
 */
class HubClock implements Clock {
  private readonly realStart = Date.now()
  private moved = 0
  now(): number {
    return TEN_AM + (Date.now() - this.realStart) + this.moved
  }
  advance(seconds: number): void {
    this.moved += seconds * 1000
  }
}

/** The words a manager reads, per language: the tests find things the way a person does. */
const WORDS = {
  'zh-CN': {
    signInTitle: '管理员登录',
    signInMissing: '请输入工号和密码。',
    signInTeller: '柜员请在本窗口的柜员屏幕登录。',
    staffId: '工号',
    pin: '密码',
    signIn: '登录',
    signOut: '退出登录',
    issued: '已取号',
    served: '已办理',
    waitingNow: '正在等候',
    withinStandard: '标准时间内办结',
    counter1: '1 号窗口',
    free: '空闲',
    calling: '叫号中',
    serving: '办理中',
    queues: '各业务排队',
    personal: /个人业务/,
    delaysTab: /延误说明/,
    devicesTab: '设备与终端',
    scopeService: '某项业务',
    service: '业务',
    business: '对公业务',
    zh: '中文说明',
    en: '英文说明',
    post: '发布到大厅',
    bothRequired: '请同时填写中文和英文说明',
    posted: '延误说明已发布到大厅。',
    clear: '结束说明',
    noDelays: '大厅目前没有延误说明。',
    noDevices: '本网点服务器未配置大厅设备',
    terminalName: '终端名称',
    kiosk: '取号机',
    createCode: '生成配对码',
    validUntil: /前有效/,
    paired: '已配对:大厅取号机 2',
    terminalLabel: '大厅取号机 2',
    revoke: '撤销',
    confirmRevoke: '撤销授权',
    revoked: /已撤销/,
  },
  en: {
    signInTitle: 'Manager sign-in',
    signInMissing: 'Enter your staff ID and PIN.',
    signInTeller: 'Tellers sign in on their counter’s screen, not here.',
    staffId: 'Staff ID',
    pin: 'PIN',
    signIn: 'Sign in',
    signOut: 'Sign out',
    issued: 'Issued',
    served: 'Served',
    waitingNow: 'Waiting now',
    withinStandard: 'Done within standard',
    counter1: 'Counter 1',
    free: 'Free',
    calling: 'Calling',
    serving: 'Serving',
    queues: 'Queues by service',
    personal: /Personal banking/,
    delaysTab: /Delays/,
    devicesTab: 'Devices and terminals',
    scopeService: 'One service',
    service: 'Service',
    business: 'Business accounts',
    zh: 'Message in Chinese',
    en: 'Message in English',
    post: 'Post to the lobby',
    bothRequired: 'Write the message in both Chinese and English',
    posted: 'The explanation is shown in the lobby.',
    clear: 'Clear',
    noDelays: 'The lobby shows no delay explanation now.',
    noDevices: 'No lobby devices',
    terminalName: 'Terminal name',
    kiosk: 'Kiosk',
    createCode: 'Create a pairing code',
    validUntil: /Valid until/,
    paired: 'Paired: Lobby kiosk 2',
    terminalLabel: 'Lobby kiosk 2',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke access',
    revoked: /Revoked/,
  },
} as const

let lobby: Lobby
let clock: HubClock
test.beforeEach(async () => {
  clock = new HubClock()
  lobby = await Lobby.start({ clock })
})
test.afterEach(async () => {
  await lobby.stop()
})

/** A teller at their counter, through the API the counter screen uses. */
async function teller(n: number): Promise<(verb: string, body?: unknown) => Promise<unknown>> {
  const token = await lobby.signIn(`t0${n}`, String(n).repeat(4), `c${n}`)
  const post = (verb: string, body: unknown = {}) => lobby.api('POST', `/api/v1/counters/c${n}/${verb}`, body, token)
  await post('open')
  return post
}

async function snapshot(): Promise<QueueSnapshot> {
  return lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, await lobby.manager())
}

/** A figure of "today at a glance": the value shown under its label. */
function figure(page: Page, label: string) {
  return page.getByRole('group', { name: label, exact: true }).getByRole('strong')
}

/** Opens the manager screen already signed in (the way the desktop shell hands over a token). */
async function openSignedIn(page: Page, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('tab').first()).toBeVisible()
}

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]

  test.describe(`manager (${language})`, () => {
    test.use({ viewport: { width: 1920, height: 1080 } })

    test('signs in and sees the numbers move as tickets are issued and served', async ({ page }) => {
      await page.goto(`${lobby.url}/#/manager`)
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      await expect(page.getByRole('heading', { name: w.signInTitle })).toBeVisible()
      // empty fields and a teller at the manager's screen: told so in the screen's language
      await page.getByRole('button', { name: w.signIn, exact: true }).click()
      await expect(page.getByRole('alert')).toHaveText(w.signInMissing)
      await page.getByLabel(w.staffId).fill('t01')
      await page.getByLabel(w.pin).fill('1111')
      await page.getByRole('button', { name: w.signIn, exact: true }).click()
      await expect(page.getByRole('alert')).toHaveText(w.signInTeller)
      await page.getByLabel(w.staffId).fill('m01')
      await page.getByLabel(w.pin).fill('9999')
      await page.getByRole('button', { name: w.signIn, exact: true }).click()

      const issued = figure(page, w.issued)
      const served = figure(page, w.served)
      const waiting = figure(page, w.waitingNow)
      await expect(issued).toHaveText('0')
      await expect(served).toHaveText('0')

      const kiosk = await lobby.pair('kiosk')
      await lobby.issue(kiosk, 'personal')
      await lobby.issue(kiosk, 'personal')
      await expect(issued).toHaveText('2')
      await expect(waiting).toHaveText('2')
      const personal = page.getByRole('region', { name: w.queues }).getByRole('row', { name: w.personal })
      await expect(personal.getByRole('cell').first()).toHaveText('2')

      const c1 = page.getByRole('article', { name: w.counter1 })
      const post = await teller(1)
      await expect(c1).toContainText(w.free)
      // The teller by name, from the branch's staff list (the queue's events carry the id).
      await expect(c1).toContainText('王芳 (t01)')
      await post('call-next')
      await expect(c1).toContainText(w.calling)
      await expect(c1).toContainText('A001')
      await post('start')
      await expect(c1).toContainText(w.serving)
      await expect(waiting).toHaveText('1')
      await post('complete', { completedServiceId: null })
      await expect(served).toHaveText('1')
      await expect(c1).toContainText(w.free)
      await expect(personal.getByRole('cell').first()).toHaveText('1')
      await expect(figure(page, w.withinStandard)).toHaveText('100%')

      await page.getByRole('button', { name: w.signOut }).click()
      await expect(page.getByRole('heading', { name: w.signInTitle })).toBeVisible()
    })

    test('posts a delay explanation in both languages and clears it', async ({ page }) => {
      await openSignedIn(page, language)
      await page.getByRole('tab', { name: w.delaysTab }).click()
      const panel = page.getByRole('tabpanel')
      await expect(panel.getByText(w.noDelays)).toBeVisible()
      await panel.getByRole('radio', { name: w.scopeService }).check()
      await panel.getByLabel(w.service, { exact: true }).selectOption({ label: w.business })
      await panel.getByLabel(w.zh).fill('对公业务系统升级,办理较慢,请您谅解。')
      await panel.getByRole('button', { name: w.post }).click()
      await expect(panel.getByRole('alert')).toContainText(w.bothRequired)
      expect(Object.keys((await snapshot()).state.delays)).toEqual([])

      await panel.getByLabel(w.en).fill('The business accounts system is being upgraded; service is slower.')
      await panel.getByRole('button', { name: w.post }).click()
      await expect(page.getByRole('status').filter({ hasText: w.posted })).toBeVisible()
      const item = panel.getByRole('listitem').filter({ hasText: '对公业务系统升级' })
      await expect(item).toContainText('The business accounts system is being upgraded')
      await expect(page.getByRole('tab', { name: w.delaysTab })).toContainText('1')
      const posted = Object.values((await snapshot()).state.delays)
      expect(posted).toHaveLength(1)
      expect(posted[0]).toMatchObject({
        scope: { kind: 'service', serviceId: 'business' },
        source: 'manager',
        message: { en: 'The business accounts system is being upgraded; service is slower.' },
        endedAt: null,
      })

      await item.getByRole('button', { name: w.clear }).click()
      await expect(panel.getByText(w.noDelays)).toBeVisible()
      const cleared = Object.values((await snapshot()).state.delays)
      expect(cleared[0]?.endedAt).not.toBeNull()
    })

    test('creates a pairing code that pairs a kiosk, then revokes the kiosk', async ({ page }) => {
      await openSignedIn(page, language)
      await page.getByRole('tab', { name: w.devicesTab }).click()
      const panel = page.getByRole('tabpanel')
      await expect(panel.getByText(w.noDevices)).toBeVisible()
      await panel.getByRole('radio', { name: w.kiosk, exact: true }).check()
      await panel.getByLabel(w.terminalName).fill(w.terminalLabel)
      await panel.getByRole('button', { name: w.createCode }).click()
      const shown = panel.getByTestId('pairing-code')
      await expect(shown).toHaveText(/^\d{3} \d{3}$/)
      await expect(panel.getByText(w.validUntil)).toBeVisible()

      const code = (await shown.innerText()).replace(/\s/g, '')
      const paired = await lobby.api<SessionView>('POST', '/api/v1/pair', { code })
      expect(paired.role).toBe('kiosk')
      await expect(panel.getByText(w.paired)).toBeVisible()
      const row = panel.getByRole('row', { name: new RegExp(w.terminalLabel) })
      await row.getByRole('button', { name: w.revoke }).click()
      await page.getByRole('dialog').getByRole('button', { name: w.confirmRevoke }).click()
      await expect(row).toContainText(w.revoked)
      await expect(lobby.api('GET', '/api/v1/sessions/current', undefined, paired.token)).rejects.toThrow(/401/)
    })

    test('has no serious accessibility violations on any section', async ({ page }) => {
      // A full axe run per section (seven) on a shared two-core machine: more than a minute.
      test.setTimeout(150_000)
      const kiosk = await lobby.pair('kiosk')
      await lobby.issue(kiosk, 'personal')
      await lobby.issue(kiosk, 'wealth', 'vip')
      const post = await teller(1)
      await post('call-next')
      await post('start')
      await openSignedIn(page, language)
      for (const tab of await page.getByRole('tab').all()) {
        await tab.click()
        await expect(tab).toHaveAttribute('aria-selected', 'true')
        const results = await new AxeBuilder({ page }).analyze()
        expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
      }
    })
  })
}

/** Counter 1 serving A001 and A002 waiting, `minutes` ago; returns the kiosk's token. */
async function servingA001WithA002Waiting(minutes: number): Promise<string> {
  const kiosk = await lobby.pair('kiosk')
  await lobby.issue(kiosk, 'personal')
  await lobby.issue(kiosk, 'personal')
  const post = await teller(1)
  await post('call-next')
  await post('start')
  clock.advance(minutes * 60)
  return kiosk
}

test.describe('manager (floor and actions)', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('flags a transaction over its standard, and one tap tells the lobby', async ({ page }) => {
    // 2 minutes on: A001's transaction (standard 1 min) runs over, but not yet so far over
    // (3× the standard) that the hub explains it by itself: the explanation is the manager's.
    await servingA001WithA002Waiting(2)
    await openSignedIn(page)

    const c1 = page.getByRole('article', { name: '1 号窗口' })
    await expect(c1).toContainText('超时')
    await expect(c1).toContainText(/\b02:\d\d/)
    await expect(c1).toContainText('标准 01:00')
    const over = page.getByRole('region', { name: '正在超时的业务' })
    await expect(over.getByRole('listitem')).toContainText('A001')
    await expect(figure(page, '标准时间内办结')).toHaveText('—')

    await over.getByRole('button', { name: '告知大厅' }).click()
    await expect(over.getByText('大厅已显示说明')).toBeVisible()
    const delays = Object.values((await snapshot()).state.delays)
    expect(delays).toMatchObject([
      { scope: { kind: 'counter', counterId: 'c1' }, kind: 'complexBusiness', source: 'manager' },
    ])
  })

  test('flags a wait past its target, and a transaction far over standard is explained by itself', async ({ page }) => {
    // 11 minutes on: A001's transaction is 11× its standard; A002 waits past its 10-minute target.
    const kiosk = await servingA001WithA002Waiting(11)
    await openSignedIn(page)

    const personal = page.getByRole('region', { name: '各业务排队' }).getByRole('row', { name: /个人业务/ })
    await expect(personal.getByRole('cell').nth(2)).toHaveText('1')
    // A001 was called at once, A002 is waiting past its target: half within target so far.
    await expect(figure(page, '目标时间内叫号')).toHaveText('50%')
    await expect(page.getByRole('article', { name: '1 号窗口' })).toContainText(/1[01]:\d\d/)

    // Any event makes the hub look for delays to explain (its minute timer would too).
    await lobby.issue(kiosk, 'business')
    const over = page.getByRole('region', { name: '正在超时的业务' })
    await expect(over.getByText('大厅已显示说明')).toBeVisible()
    const delays = Object.values((await snapshot()).state.delays)
    expect(delays).toMatchObject([
      { scope: { kind: 'counter', counterId: 'c1' }, kind: 'longTransaction', source: 'automatic' },
    ])

    await page.getByRole('tab', { name: /等候客户/ }).click()
    const row = page.getByRole('tabpanel').getByRole('row', { name: /A002/ })
    await expect(row).toContainText('超过目标')
    await expect(row).toContainText('11 分钟')
  })

  test('pauses a counter with a reason, resumes it and closes it', async ({ page }) => {
    await teller(2)
    await openSignedIn(page)
    await expect(page.getByText('经理不能代为开启')).toBeVisible()
    const c2 = page.getByRole('article', { name: '2 号窗口' })
    await c2.getByRole('button', { name: '暂停' }).click()
    const dialog = page.getByRole('dialog', { name: '暂停 2 号窗口' })
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    await dialog.getByLabel('暂停原因').selectOption({ label: '清点现金' })
    await dialog.getByLabel('备注').fill('ATM 加钞')
    await dialog.getByRole('button', { name: '暂停窗口' }).click()
    await expect(dialog).toBeHidden()
    await expect(c2).toContainText('清点现金')
    await expect(c2).toContainText('备注:ATM 加钞')
    await expect(page.getByRole('status').filter({ hasText: '2 号窗口已暂停。' })).toBeVisible()
    expect((await snapshot()).state.counters['c2']).toMatchObject({
      status: 'paused',
      pauseReason: { code: 'cashCount', note: 'ATM 加钞' },
    })

    await c2.getByRole('button', { name: '恢复' }).click()
    await expect(c2).toContainText('空闲')
    await c2.getByRole('button', { name: '关闭' }).click()
    await page.getByRole('dialog', { name: '关闭 2 号窗口?' }).getByRole('button', { name: '关闭窗口' }).click()
    await expect(c2).toContainText('未开启:柜员在窗口屏登录后开启。')
    await expect(c2.getByRole('button')).toHaveCount(0)
    expect((await snapshot()).state.counters['c2']?.status).toBe('closed')
  })

  test('transfers and cancels waiting tickets and re-joins a missed one', async ({ page }) => {
    const kiosk = await lobby.pair('kiosk')
    for (const s of ['personal', 'personal', 'business', 'personal']) await lobby.issue(kiosk, s)
    await teller(4)
    const post = await teller(1)
    await post('call-next')
    for (const verb of ['recall', 'recall', 'no-show']) {
      clock.advance(20) // each after the declared recall interval
      await post(verb)
    }
    await openSignedIn(page)

    const missed = page.getByRole('region', { name: '过号客户(宽限期内可重新排队)' })
    await expect(missed.getByRole('listitem')).toContainText('A001')
    await expect(missed.getByRole('listitem')).toContainText(/还可 (29|30) 分钟/)
    await missed.getByRole('button', { name: '重新排队' }).click()
    await expect(missed.getByText('没有在宽限期内的过号客户。')).toBeVisible()

    await page.getByRole('tab', { name: /等候客户/ }).click()
    const list = page.getByRole('tabpanel')
    await expect(list.getByRole('row', { name: /A001/ })).toContainText('再次等候')
    await list.getByRole('row', { name: /A002/ }).getByRole('button', { name: '转移' }).click()
    const dialog = page.getByRole('dialog', { name: '转移 A002 号' })
    await expect(dialog).toContainText('客户保留原来的排队位置')
    await dialog.getByLabel('转到业务').selectOption({ label: '对公业务' })
    await expect(dialog.getByRole('option', { name: '6 号窗口(未开启)' })).toBeDisabled()
    await dialog.getByLabel('转到窗口').selectOption({ label: '4 号窗口' })
    await dialog.getByRole('button', { name: '转移', exact: true }).click()
    const a002 = list.getByRole('row', { name: /A002/ })
    await expect(a002).toContainText('对公业务')
    await expect(a002).toContainText('指定 4 号窗口')

    await list.getByRole('row', { name: /A003/ }).getByRole('button', { name: '取消号' }).click()
    await page.getByRole('dialog', { name: '取消 A003 号?' }).getByRole('button', { name: '取消此号' }).click()
    await expect(list.getByRole('row', { name: /A003/ })).toHaveCount(0)
    await expect(figure(page, '已取消')).toHaveText('1')

    const open = (await snapshot()).state.open
    expect(open.find((x) => x.number === 'A002')).toMatchObject({ serviceId: 'business', targetCounterId: 'c4' })
    expect(open.find((x) => x.number === 'A001')).toMatchObject({ status: 'waiting', rejoins: 1 })
    expect(open.some((x) => x.number === 'A003')).toBe(false)
  })

  for (const language of ['zh-CN', 'en'] as const) {
    test(`says in the open cancel and transfer dialogs that the customer was just called, and sends nothing (${language})`, async ({
      page,
    }) => {
      // The audit's race (stop 36): the dialog is open on B001 when counter 4 calls B001.
      const zh = language === 'zh-CN'
      const kiosk = await lobby.pair('kiosk')
      await lobby.issue(kiosk, 'business')
      const post = await teller(4)
      await openSignedIn(page, language)
      await page.getByRole('tab', { name: zh ? /等候客户/ : /Waiting customers/ }).click()
      const list = page.getByRole('tabpanel')
      await list
        .getByRole('row', { name: /B001/ })
        .getByRole('button', { name: zh ? '取消号' : 'Cancel ticket' })
        .click()
      const dialog = page.getByRole('dialog', { name: zh ? '取消 B001 号?' : 'Cancel B001?' })
      const confirm = dialog.getByRole('button', { name: zh ? '取消此号' : 'Cancel the ticket' })
      await expect(confirm).toBeEnabled()
      const before = (await snapshot()).state.lastSeq
      await post('call-next')
      await expect(dialog.getByRole('alert')).toHaveText(
        zh
          ? 'B001 号刚刚被叫到 4 号窗口,不能再从这里操作;请由该窗口办理或标记未到。'
          : 'B001 has just been called to counter 4 and can no longer be changed from here; that counter ends the visit (served or no-show).',
      )
      await expect(confirm).toBeDisabled()
      await page.screenshot({ path: `test-results/cancel-overtaken-${language}.png` })
      await dialog.getByRole('button', { name: zh ? '返回' : 'Back' }).click()
      await expect(dialog).toBeHidden()
      const after = await snapshot()
      expect(after.state.lastSeq).toBe(before + 1) // the call, nothing else
      expect(after.state.counters['c4']).toMatchObject({ status: 'calling' })

      // The same for a transfer dialog open when its customer is called.
      await lobby.issue(kiosk, 'business')
      await post('start')
      await post('complete', { completedServiceId: null })
      await list
        .getByRole('row', { name: /B002/ })
        .getByRole('button', { name: zh ? '转移' : 'Transfer' })
        .click()
      const transfer = page.getByRole('dialog', { name: zh ? '转移 B002 号' : 'Transfer B002' })
      await post('call-next')
      await expect(transfer.getByRole('alert')).toContainText(
        zh ? 'B002 号刚刚被叫到 4 号窗口' : 'B002 has just been called to counter 4',
      )
      await expect(transfer.getByRole('button', { name: zh ? '转移' : 'Transfer', exact: true })).toBeDisabled()
    })
  }

  for (const language of ['zh-CN', 'en'] as const) {
    test(`words the hub's refusal to close a counter with a parked customer in the screen's language (${language})`, async ({
      page,
    }) => {
      // counterHasCustomers is one of the refusals the manager's screen showed in the hub's English.
      const zh = language === 'zh-CN'
      const kiosk = await lobby.pair('kiosk')
      await lobby.issue(kiosk, 'personal')
      const post = await teller(2)
      for (const verb of ['call-next', 'start', 'park']) await post(verb)
      await openSignedIn(page, language)
      const c2 = page.getByRole('article', { name: zh ? '2 号窗口' : 'Counter 2' })
      await c2.getByRole('button', { name: zh ? '关闭' : 'Close', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: zh ? '关闭 2 号窗口?' : 'Close counter 2?' })
      await dialog.getByRole('button', { name: zh ? '关闭窗口' : 'Close the counter' }).click()
      await expect(dialog.getByRole('alert')).toHaveText(
        zh
          ? '该窗口还有待办理的客户(暂离或转来的):请该窗口先办理或转走他们,再关闭窗口。'
          : 'The counter still has customers to serve (parked or sent there): its teller serves or transfers them first, then it can close.',
      )
      await page.screenshot({ path: `test-results/manager-refusal-${language}.png` })
      expect((await snapshot()).state.counters['c2']?.status).not.toBe('closed')
    })
  }

  test('asks for a manager sign-in when opened with a kiosk token', async ({ page }) => {
    const kiosk = await lobby.pair('kiosk')
    await page.goto(`${lobby.url}/#/manager?token=${kiosk}`)
    await expect(page.getByRole('alert')).toHaveText('此屏幕仅供网点主任和大堂经理使用,请用经理工号登录。')
    await expect(page.getByRole('tab')).toHaveCount(0)
    await page.getByLabel('工号').fill('m01')
    await page.getByLabel('密码').fill('9999')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect(page.getByRole('tab', { name: '现场' })).toBeVisible()
    await expect(page.getByText('当前登录:赵主任')).toBeVisible()
  })

  test('closes the business day after confirming what it ends', async ({ page }) => {
    const kiosk = await lobby.pair('kiosk')
    await lobby.issue(kiosk, 'personal')
    await lobby.issue(kiosk, 'wealth')
    await openSignedIn(page)
    await page.getByRole('button', { name: '结束今日营业…' }).click()
    const dialog = page.getByRole('dialog', { name: '结束今日营业?' })
    await expect(dialog).toContainText('仍在排队、暂离或过号的 2 位客户将被移出队列。')
    await dialog.getByRole('button', { name: '返回' }).click()
    await expect(dialog).toBeHidden()
    expect((await lobby.api<{ day: string | null }>('GET', '/api/v1/health')).day).toBe('2026-11-24')

    await page.getByRole('button', { name: '结束今日营业…' }).click()
    await page.getByRole('dialog', { name: '结束今日营业?' }).getByRole('button', { name: '结束营业' }).click()
    await expect(page.getByText('今日营业已结束。下一个营业日将在明天自动开始。')).toBeVisible()
    await expect(page.getByRole('button', { name: '结束今日营业…' })).toHaveCount(0)
    expect((await lobby.api<{ day: string | null }>('GET', '/api/v1/health')).day).toBeNull()
  })
})

test.describe('the headquarters screen on a branch hub', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('says that headquarters runs on its own server, in the screen’s language', async ({ page }) => {
    await page.goto(`${lobby.url}/#/hq`)
    await page.locator('input[name=user]').fill('hq01')
    await page.locator('input[name=password]').fill('headoffice-demo')
    await page.locator('form button[type=submit]').click()
    await expect(page.getByRole('alert')).toHaveText(/^这是网点服务器,总行视图不在这里。.*npm run demo:hq/)
    await page.getByRole('button', { name: 'English' }).click()
    await page.locator('form button[type=submit]').click()
    await expect(page.getByRole('alert')).toHaveText(/^This is a branch hub; the headquarters view is not here\./)
  })
})
