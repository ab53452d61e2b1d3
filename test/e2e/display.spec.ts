import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { createAnnouncer, type Announcement } from '../../renderer/src/composables/display/announcer'
import { pickVoice } from '../../renderer/src/logic/display/pickVoice'
import type { Chime, SpeechEngine, SpeechOutcome } from '../../renderer/src/logic/display/soundEngines'
import type { QueueSnapshot, ShownWait } from '../../shared/api/views'
import { aheadToMorning } from '../hub/support/morningClock'
import { manager as managerWords } from '../../renderer/src/i18n/messages/manager'
import { Lobby } from './support/lobby'
import type { WaitEstimator } from '../../hub/estimation/estimator'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { roundWaitKindly } from '../../shared/estimate/displayWait'

/**
 * What the lobby hears cannot be heard in CI, so the page records it instead: every sentence
 * handed to `speechSynthesis.speak` (text, language, and whether another was still being
 * spoken), and every chime tone started. Each fake utterance "speaks" for 300 ms and then
 * fires `end`, as a real voice does. No voices are listed, so the display speaks with `lang`.
 * (A string, not a function: this file is type-checked without the DOM's types.)
 */
const RECORD_SOUND = `
  window.__sounds = [];
  let speaking = false;
  speechSynthesis.getVoices = () => [];
  speechSynthesis.speak = (u) => {
    window.__sounds.push({ kind: 'speech', text: u.text, lang: u.lang, overlapped: speaking });
    speaking = true;
    setTimeout(() => { speaking = false; u.dispatchEvent(new Event('end')); }, 300);
  };
  speechSynthesis.cancel = () => {};
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__sounds.push({ kind: 'tone', hz: this.frequency.value });
    return start.apply(this, args);
  };
`

interface Sound {
  readonly kind: 'speech' | 'tone'
  readonly text?: string
  readonly lang?: string
  readonly overlapped?: boolean
}

/** A shown wait in the words of both languages (`format/waitText` and the common messages). */
function waitWords(shown: ShownWait | undefined): [string, string] {
  if (shown === undefined) return ['暂无等候', 'No wait']
  if (shown.kind === 'soon') return ['即将叫号', 'Soon']
  if (shown.lowMin === shown.highMin) return [`约 ${shown.highMin} 分钟内`, `Within about ${shown.highMin} min`]
  return [`约 ${shown.lowMin}–${shown.highMin} 分钟`, `About ${shown.lowMin}–${shown.highMin} min`]
}

const sounds = (page: Page) => page.evaluate(() => (globalThis as unknown as { __sounds: Sound[] }).__sounds)
const spoken = async (page: Page) =>
  (await sounds(page)).filter((s) => s.kind === 'speech').map((s) => ({ text: s.text, lang: s.lang }))

let lobby: Lobby
let kiosk: string
let display: string
let stopped = false

/** A teller signs in at counter `n` (PIN nnnn) and opens it; answers the teller's token. */
async function openCounter(n: number): Promise<string> {
  const token = await lobby.signIn(`t0${n}`, String(n).repeat(4), `c${n}`)
  await lobby.api('POST', `/api/v1/counters/c${n}/open`, {}, token)
  return token
}

const counter = (n: number, verb: string, token: string) =>
  lobby.api('POST', `/api/v1/counters/c${n}/${verb}`, {}, token)

/** Opens the paired display and waits for the live queue (the board is busy until it arrives). */
async function openDisplay(page: Page, query = ''): Promise<void> {
  await page.goto(`${lobby.url}/#/display?token=${display}${query}`)
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false')
}

/** The hub's clock runs this far from the PC's: 10:00 at the branch, then ahead (a teller waits the recall interval). */
let ahead = 0

/** Each test gets its own hub (numbers start at 001) and a page that records what it says. */
function aRealLobby(): void {
  test.beforeEach(async ({ page }) => {
    ahead = aheadToMorning()
    lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead } })
    stopped = false
    kiosk = await lobby.pair('kiosk')
    display = await lobby.pair('display')
    await page.addInitScript(RECORD_SOUND)
  })
  test.afterEach(async () => {
    if (!stopped) await lobby.stop()
  })
}

test.describe('lobby display', () => {
  aRealLobby()
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('a waiting ticket shows in its service with the estimate, and the count follows the queue', async ({ page }) => {
    await openDisplay(page)
    const business = page.getByRole('row', { name: /对公业务/ })
    await expect(business.getByRole('cell').first()).toHaveText('0')
    await lobby.issue(kiosk, 'business')
    await expect(business.getByRole('cell').first()).toHaveText('1')
    // The display words what the hub says customers are shown for a ticket taken now.
    const shown = async (service: string) =>
      (await lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, display)).estimates?.shown.newTicket[service]
        ?.ordinary
    await expect.poll(async () => (await shown('business'))?.kind).toBe('range')
    const wait = business.getByRole('cell').nth(1)
    for (const words of waitWords(await shown('business'))) await expect(wait).toContainText(words)
    const personal = page
      .getByRole('row', { name: /个人业务/ })
      .getByRole('cell')
      .nth(1)
    for (const words of waitWords(await shown('personal'))) await expect(personal).toContainText(words)
    await lobby.issue(kiosk, 'business')
    await expect(business.getByRole('cell').first()).toHaveText('2')
  })

  test('a call is shown large and announced after a chime, in Chinese then English', async ({ page }) => {
    await lobby.issue(kiosk, 'personal')
    const teller = await openCounter(3)
    await openDisplay(page)
    const now = page.getByRole('region', { name: /正在叫号/ })
    await expect(now).toContainText('尚未开始叫号')

    await counter(3, 'call-next', teller)
    await expect(page.getByTestId('now-number')).toHaveText('A001')
    await expect(page.getByTestId('now-counter')).toHaveText('3')
    await expect(now).toContainText('请 A001 号到 3 号窗口')
    await expect(now).toContainText('Ticket A001, please go to counter 3')
    await expect(now).toHaveClass(/now--fresh/)
    await expect
      .poll(() => spoken(page))
      .toEqual([
        { text: '请 A001 号到 3 号窗口', lang: 'zh-CN' },
        { text: 'Ticket A001, please go to counter 3', lang: 'en-US' },
      ])
    const kinds = (await sounds(page)).map((s) => s.kind)
    expect(kinds).toEqual(['tone', 'tone', 'speech', 'speech'])
    await expect(page.getByRole('listitem').filter({ hasText: '叫号 A001' })).toBeVisible()
    // The highlight fades after a few seconds; the call stays on screen.
    await expect(now).not.toHaveClass(/now--fresh/, { timeout: 12_000 })
    await expect(page.getByTestId('now-number')).toHaveText('A001')
  })

  test('a recall announces the call again and says it is a repeat', async ({ page }) => {
    await lobby.issue(kiosk, 'wealth')
    const teller = await openCounter(5)
    await openDisplay(page)
    await counter(5, 'call-next', teller)
    await expect.poll(async () => (await spoken(page)).length).toBe(2)
    ahead += 20_000 // the customer has had the declared 20 s to come
    await counter(5, 'recall', teller)
    await expect(page.getByRole('region', { name: /正在叫号/ })).toContainText('再次叫号')
    await expect
      .poll(() => spoken(page))
      .toEqual([
        { text: '请 C001 号到 5 号窗口', lang: 'zh-CN' },
        { text: 'Ticket C001, please go to counter 5', lang: 'en-US' },
        { text: '请 C001 号到 5 号窗口', lang: 'zh-CN' },
        { text: 'Ticket C001, please go to counter 5', lang: 'en-US' },
      ])

    // The customer never came: once marked no-show, the lobby stops calling them.
    ahead += 20_000
    await counter(5, 'recall', teller)
    ahead += 20_000
    await counter(5, 'no-show', teller)
    const now = page.getByRole('region', { name: /正在叫号/ })
    await expect(now).not.toContainText('再次叫号')
    await expect(page.getByTestId('now-number')).toHaveCount(0)
    await expect(now).toContainText('请留意下一位叫号')
    await expect(page.getByRole('region', { name: /最近叫号/ })).toContainText('C001')
  })

  test('calls made together are announced one after the other, never over each other', async ({ page }) => {
    await lobby.issue(kiosk, 'personal')
    await lobby.issue(kiosk, 'personal')
    const one = await openCounter(1)
    const two = await openCounter(2)
    await openDisplay(page)
    await Promise.all([counter(1, 'call-next', one), counter(2, 'call-next', two)])
    await expect.poll(async () => (await spoken(page)).length, { timeout: 15_000 }).toBe(4)
    const all = await sounds(page)
    expect(all.map((s) => s.kind)).toEqual(['tone', 'tone', 'speech', 'speech', 'tone', 'tone', 'speech', 'speech'])
    expect(all.filter((s) => s.overlapped === true)).toEqual([])
    const texts = all.filter((s) => s.kind === 'speech').map((s) => s.text)
    // Whichever the hub took first is said first, each in both languages before the next.
    expect(texts.slice(0, 2).join(' / ')).toMatch(
      /^请 A00(\d) 号到 (\d) 号窗口 \/ Ticket A00\1, please go to counter \2$/,
    )
    expect(texts.slice(2, 4).join(' / ')).toMatch(
      /^请 A00(\d) 号到 (\d) 号窗口 \/ Ticket A00\1, please go to counter \2$/,
    )
    expect(new Set(texts).size).toBe(4)
    // The later call is on screen now, the earlier one moved to the recent calls.
    const later = (texts[2] ?? '').match(/A00\d/)?.[0] ?? ''
    const earlier = (texts[0] ?? '').match(/A00\d/)?.[0] ?? ''
    await expect(page.getByTestId('now-number')).toHaveText(later)
    await expect(page.getByRole('region', { name: /最近叫号/ }).getByRole('listitem')).toHaveText([
      new RegExp(`^${earlier}`),
    ])
  })

  test('a delay explanation appears in both languages, and goes when cleared', async ({ page }) => {
    await openDisplay(page)
    await expect(page.getByRole('region', { name: /等候说明/ })).toHaveCount(0)
    const manager = await lobby.manager()
    const { event } = await lobby.api<{ event: { delayId: string } }>(
      'POST',
      '/api/v1/delays',
      {
        scope: { kind: 'branch' },
        message: {
          'zh-CN': '系统升级,办理速度较慢,敬请谅解。',
          en: 'A system update is slowing us down. Sorry for the wait.',
        },
      },
      manager,
    )
    const delays = page.getByRole('region', { name: /等候说明/ })
    await expect(delays).toContainText('系统升级,办理速度较慢,敬请谅解。')
    await expect(delays).toContainText('A system update is slowing us down. Sorry for the wait.')
    // Both languages readable from across the lobby: the English line as large as the Chinese one.
    const item = delays.locator('.delays__item').first()
    const mainSize = await item
      .locator('.bi__main')
      .evaluate((e) => e.ownerDocument.defaultView?.getComputedStyle(e).fontSize ?? '')
    await expect(item.locator('.bi__sub')).toHaveCSS('font-size', mainSize)
    await page.screenshot({ path: 'test-results/e2e/display-delay-zh.png' })

    // A teller's one-tap explanation of a long transaction joins it.
    const teller = await openCounter(4)
    await lobby.api('POST', '/api/v1/counters/c4/explain', { kind: 'complexBusiness' }, teller)
    // A new explanation is shown at once.
    await expect(delays).toContainText('4 号窗口正在办理较复杂的业务')

    await lobby.api('DELETE', `/api/v1/delays/${encodeURIComponent(event.delayId)}`, undefined, manager)
    await expect(page.getByText('系统升级,办理速度较慢,敬请谅解。')).toHaveCount(0)
    // The remaining one keeps its turns with the slides.
    await expect(delays).toContainText('4 号窗口正在办理较复杂的业务', { timeout: 25_000 })
  })

  test('delays and slides take turns, so neither starves the other', async ({ page }) => {
    await page.clock.install()
    await openDisplay(page)
    const manager = await lobby.manager()
    for (const [zh, en] of [
      ['系统升级,办理速度较慢,敬请谅解。', 'A system update is slowing us down.'],
      ['现金清点中,请稍候。', 'Cash is being counted; please bear with us.'],
    ]) {
      await lobby.api('POST', '/api/v1/delays', { scope: { kind: 'branch' }, message: { 'zh-CN': zh, en } }, manager)
    }
    await expect(page.getByRole('region', { name: /等候说明/ })).toContainText('现金清点中')
    // A turn lasts as long as it needs (an explanation in pages keeps its turn to the last page),
    // so the board is read every second and each run of the same thing counts as one turn.
    const seen: string[] = []
    for (let second = 0; second < 240 && seen.length < 8; second++) {
      const delay = page.getByRole('region', { name: /等候说明/ })
      const now =
        (await delay.count()) > 0
          ? `delay:${await delay.locator('.delays__item').textContent()}`
          : `slide:${await page.getByRole('article').innerText()}`
      if (seen.at(-1) !== now) seen.push(now)
      await page.clock.runFor(1_000)
    }
    const delays = new Set(seen.filter((s) => s.startsWith('delay:')))
    const slides = new Set(seen.filter((s) => s.startsWith('slide:')))
    // Every other turn is an explanation; both explanations and several slides are shown.
    expect(seen.map((s) => s.slice(0, 5))).toEqual([
      'delay',
      'slide',
      'delay',
      'slide',
      'delay',
      'slide',
      'delay',
      'slide',
    ])
    expect(delays.size).toBe(2)
    expect(slides.size).toBeGreaterThanOrEqual(3)
  })

  test('in English, English comes first and the lobby still hears both languages', async ({ page }) => {
    await lobby.issue(kiosk, 'cards')
    const teller = await openCounter(2)
    await openDisplay(page, '&lang=en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    const now = page.getByRole('region', { name: /^Now calling/ })
    await expect(now).toContainText('No one called yet')
    await expect(
      page
        .getByRole('row', { name: /^New accounts and lost cards/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('1')
    await counter(2, 'call-next', teller)
    await expect(page.getByTestId('now-number')).toHaveText('D001')
    await expect(now).toContainText('Ticket D001, please go to counter 2')
    await expect(now).toContainText('请 D001 号到 2 号窗口')
    await expect
      .poll(() => spoken(page))
      .toEqual([
        { text: '请 D001 号到 2 号窗口', lang: 'zh-CN' },
        { text: 'Ticket D001, please go to counter 2', lang: 'en-US' },
      ])
    await expect(page.getByRole('listitem').filter({ hasText: 'Calling D001' })).toBeVisible()
  })

  test('opening the screen shows earlier calls without announcing them again', async ({ page }) => {
    await lobby.issue(kiosk, 'personal')
    await lobby.issue(kiosk, 'personal')
    const teller = await openCounter(1)
    await counter(1, 'call-next', teller)
    await openDisplay(page)
    await expect(page.getByTestId('now-number')).toHaveText('A001')
    await expect(page.getByRole('region', { name: /正在叫号/ })).not.toHaveClass(/now--fresh/)
    await page.reload()
    await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false')
    await expect(page.getByTestId('now-number')).toHaveText('A001')
    // The next call is announced, and only it.
    await counter(2, 'call-next', await openCounter(2))
    await expect(page.getByTestId('now-number')).toHaveText('A002')
    await expect
      .poll(() => spoken(page))
      .toEqual([
        { text: '请 A002 号到 2 号窗口', lang: 'zh-CN' },
        { text: 'Ticket A002, please go to counter 2', lang: 'en-US' },
      ])
  })

  test('updates change the board in place instead of redrawing it', async ({ page }) => {
    const teller = await openCounter(1)
    await lobby.issue(kiosk, 'personal')
    await openDisplay(page)
    const row = page.getByRole('row', { name: /个人业务/ })
    const strip = page.getByRole('region', { name: '窗口状态' }).getByRole('listitem').first()
    await expect(row.getByRole('cell').first()).toHaveText('1')
    for (const l of [row, strip, page.getByTestId('now-number').or(page.getByText('尚未开始叫号'))]) {
      await l.evaluate((el) => el.setAttribute('data-kept', 'yes'))
    }
    await lobby.issue(kiosk, 'personal')
    await expect(row.getByRole('cell').first()).toHaveText('2')
    await counter(1, 'call-next', teller)
    await expect(strip).toContainText('叫号 A001')
    await expect(row).toHaveAttribute('data-kept', 'yes')
    await expect(strip).toHaveAttribute('data-kept', 'yes')
  })

  test('rotates what to prepare, the calling rules and the branch messages', async ({ page }) => {
    await openDisplay(page)
    const slide = page.getByRole('article')
    await expect(slide).toContainText('办理业务前,请准备好本人有效身份证件。')
    await expect(slide).toContainText('Please have your own valid ID card ready before your turn.')
    // About every ten seconds: the next slide, the first of the calling rules.
    await expect(slide).toContainText('同一业务按取号先后顺序叫号。', { timeout: 15_000 })
    await expect(slide).toContainText('Within each service, customers are called in the order they arrived.')
  })

  test('says the branch is closed for the day once the day is closed', async ({ page }) => {
    await lobby.issue(kiosk, 'personal')
    const teller = await openCounter(1)
    await counter(1, 'call-next', teller)
    await openDisplay(page)
    await expect(page.getByTestId('now-number')).toHaveText('A001')
    await lobby.api('POST', '/api/v1/day/close', {}, await lobby.manager())
    const now = page.getByRole('region', { name: /正在叫号/ })
    await expect(now).toContainText('今日营业已结束')
    await expect(now).toContainText('Closed for today')
    await expect(page.getByTestId('now-number')).toHaveCount(0)
  })

  test('tells the lobby when the branch server cannot be reached', async ({ page }) => {
    await openDisplay(page)
    await expect(page.getByRole('alert')).toHaveCount(0)
    await lobby.stop()
    stopped = true
    await expect(page.getByRole('alert')).toHaveText('与网点服务器的连接已中断,正在自动重连…')
  })

  test('asks for a pairing code until the display is paired', async ({ page }) => {
    await page.goto(`${lobby.url}/#/display`)
    await expect(page.getByRole('heading', { name: '配对终端' })).toBeVisible()
    const manager = await lobby.manager()
    const { code } = await lobby.api<{ code: string }>(
      'POST',
      '/api/v1/pairing-codes',
      { role: 'display', name: 'Lobby TV' },
      manager,
    )
    await page.getByLabel('配对码').fill(code)
    await page.getByRole('button', { name: '配对' }).click()
    await expect(page.getByRole('region', { name: /正在叫号/ })).toContainText('尚未开始叫号')
  })

  test('asks to be paired again once the manager revokes it', async ({ page }) => {
    // A hub of its own whose live channel re-checks tokens every 200 ms (15 s in a branch).
    await lobby.stop()
    lobby = await Lobby.start({ liveHeartbeatMs: 200 })
    const manager = await lobby.manager()
    display = await lobby.pair('display')
    await openDisplay(page)
    await expect(page.getByRole('region', { name: /正在叫号/ })).toContainText('尚未开始叫号')
    const { terminals } = await lobby.api<{ terminals: { id: string; role: string }[] }>(
      'GET',
      '/api/v1/paired-terminals',
      undefined,
      manager,
    )
    const tv = terminals.find((t) => t.role === 'display')
    await lobby.api('DELETE', `/api/v1/paired-terminals/${tv?.id}`, undefined, manager)
    await expect(page.getByRole('heading', { name: '配对终端' })).toBeVisible()
  })

  test('has no serious accessibility violations, in Chinese and in English', async ({ page }) => {
    await lobby.issue(kiosk, 'personal')
    await lobby.issue(kiosk, 'business')
    const teller = await openCounter(4)
    await counter(4, 'call-next', teller)
    await lobby.api('POST', '/api/v1/counters/c4/explain', { kind: 'complexBusiness' }, teller)
    for (const query of ['', '&lang=en']) {
      await openDisplay(page, query)
      await expect(page.getByTestId('now-number')).toHaveText('B001')
      await expect(page.getByRole('region', { name: /等候说明|About the wait/ })).toBeVisible()
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    }
  })
})

/*
 * The lobby TV as built (1080p, 720p), a TV hung in portrait, and a phone-sized window: the
 * portrait ones stack the board in one column. Sizes in proportion to the screen's short side.
 */
for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1080, height: 1920 },
  { width: 390, height: 844 },
]) {
  const short = Math.min(viewport.width, viewport.height)
  test.describe(`lobby display at ${viewport.width}×${viewport.height}`, () => {
    aRealLobby()
    test.use({ viewport })

    test('never cuts the call, the counters or the names of the queues, in either language', async ({ page }) => {
      // Counters in every state: serving, calling, paused and not open (the longest words).
      const tellers = await Promise.all([1, 2, 3, 4, 5].map(openCounter))
      for (const s of ['personal', 'business', 'wealth', 'cards', 'personal', 'business']) await lobby.issue(kiosk, s)
      for (const [i, token] of tellers.slice(0, 4).entries()) await counter(i + 1, 'call-next', token)
      for (const [i, token] of tellers.slice(0, 2).entries()) await counter(i + 1, 'start', token)
      await lobby.api('POST', '/api/v1/counters/c5/pause', { reason: { code: 'cashCount', note: '' } }, tellers[4])
      for (const query of ['', '&lang=en']) {
        await openDisplay(page, query)
        await expect(page.getByTestId('now-number')).toHaveText(/^[A-D]00\d$/)
        await expect(page.locator('.counter')).toHaveCount(6)
        const shot = `test-results/e2e/display-cut${query === '' ? '-zh' : '-en'}-${viewport.width}x${viewport.height}.png`
        await page.screenshot({ path: shot })
        expect(await page.evaluate(CUT), `${shot}: cut, hidden or spilled`).toEqual([])
      }
    })

    test('fits without scrolling, with the called number readable across the lobby', async ({ page }) => {
      const tellers = await Promise.all([1, 2, 3, 4, 5, 6].map(openCounter))
      for (const s of ['personal', 'business', 'wealth', 'cards', 'personal', 'personal', 'business', 'wealth']) {
        await lobby.issue(kiosk, s)
      }
      for (const [i, token] of tellers.entries()) await counter(i + 1, 'call-next', token)
      const [, , , fourth] = tellers
      await lobby.api('POST', '/api/v1/counters/c4/explain', { kind: 'complexBusiness' }, fourth)
      for (const query of ['', '&lang=en']) {
        await openDisplay(page, query)
        await expect(page.getByTestId('now-number')).toHaveText(/^[A-D]00\d$/)
        await expect(page.getByRole('region', { name: /等候说明|About the wait/ })).toBeVisible()
        const fit = await page.evaluate(() => {
          const doc = (globalThis as unknown as { document: FitDocument }).document
          const strip = doc.querySelector('.counters')?.getBoundingClientRect().top ?? 0
          const spilled = Array.from(doc.querySelectorAll('main section, main li, main tr'))
            .filter((e) => e.getBoundingClientRect().bottom > strip + 1)
            .map((e) => e.className)
          const number = doc.querySelector('[data-testid=now-number]')?.getBoundingClientRect().height ?? 0
          const root = doc.documentElement
          return {
            scrolls: root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth,
            spilled,
            numberShare: number / Math.min(root.clientHeight, root.clientWidth),
          }
        })
        expect(fit.scrolls).toBe(false)
        expect(fit.spilled).toEqual([])
        expect(fit.numberShare).toBeGreaterThanOrEqual(0.1)
        if (short === 1080) {
          // Calls, queues and counters: every line in both languages at least 36 px on a 1080p TV.
          expect(await page.evaluate(SMALL_TEXT)).toEqual([])
        }
      }
    })

    test('shows every built-in explanation and a long one whole, in both languages', async ({ page }) => {
      // A busy lobby: every service's queue on the board above the explanation, each with the
      // two-digit English wait of a busy day ("About 55–90 min"), four counters open.
      await lobby.stop()
      lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead }, estimator: BUSY_WAITS })
      kiosk = await lobby.pair('kiosk')
      display = await lobby.pair('display')
      const teller = await openCounter(1)
      await Promise.all([2, 3, 4].map(openCounter))
      for (const s of ['personal', 'business', 'wealth', 'cards', 'personal', 'business', 'cards'])
        await lobby.issue(kiosk, s)
      await counter(1, 'call-next', teller)
      await counter(1, 'start', teller)
      // The teller's one tap on a long transaction: the first explanation shown.
      const tapped = await lobby.api<{ event: { delayId: string; message: { 'zh-CN': string; en: string } } }>(
        'POST',
        '/api/v1/counters/c1/explain',
        { kind: 'complexBusiness' },
        teller,
      )
      const manager = await lobby.manager()
      const presets = managerWords['zh-CN'].manager.delays.text
      const presetsEn = managerWords.en.manager.delays.text
      const texts = [
        tapped.event.message,
        ...(Object.keys(presets) as (keyof typeof presets)[]).map((k) => ({ 'zh-CN': presets[k], en: presetsEn[k] })),
      ]
      // Near the form's 500-character limit in each language.
      texts.push({
        'zh-CN': '由于系统升级,部分业务暂停办理,恢复时间另行通知,给您带来不便,敬请谅解。'.repeat(13).slice(0, 490),
        en: 'Some services are paused for a system upgrade and will resume as soon as possible. '
          .repeat(6)
          .slice(0, 490),
      })
      let last: string = tapped.event.delayId
      for (const [i, message] of texts.entries()) {
        if (i > 0) {
          await lobby.api('DELETE', `/api/v1/delays/${encodeURIComponent(last)}`, undefined, manager)
          const { event } = await lobby.api<{ event: { delayId: string } }>(
            'POST',
            '/api/v1/delays',
            { scope: { kind: 'branch' }, message },
            manager,
          )
          last = event.delayId
        }
        for (const query of ['', '&lang=en']) {
          const [main, sub] = query === '' ? [message['zh-CN'], message.en] : [message.en, message['zh-CN']]
          await openDisplay(page, query)
          const card = page.getByRole('region', { name: /等候说明|About the wait/ })
          await expect(card.locator('.delays__item .bi__main')).toHaveText(main)
          await expect(card.locator('.delays__item .bi__sub')).toHaveText(sub)
          const shot = `test-results/e2e/display-delay-${i}${query === '' ? '-zh' : '-en'}-${viewport.width}x${viewport.height}.png`
          await page.screenshot({ path: shot })
          expect(await page.evaluate(DELAY_CUT), `${shot}: lines cut or hidden`).toEqual([])
          await expect(page.getByTestId('wait-business')).toContainText(
            query === '' ? '约 55–90 分钟' : 'About 55–90 min',
          )
          expect(await page.evaluate(WRAPPED_WAITS), `${shot}: a wait wraps`).toEqual([])
          // A one- or two-sentence explanation is read whole, at once: no pages, nothing cut.
          if (i < texts.length - 1) expect(await page.evaluate(NOT_WHOLE), `${shot}: not whole at once`).toEqual([])
          // Both languages as large as the queues: 36 px on a 1080p TV, in proportion on a smaller one.
          for (const part of ['.delays__item .bi__main', '.delays__item .bi__sub']) {
            const size = await card
              .locator(part)
              .evaluate((e) => parseFloat(e.ownerDocument.defaultView?.getComputedStyle(e).fontSize ?? '0'))
            expect(size).toBeGreaterThanOrEqual((36 * short) / 1080 - 0.01)
          }
          if (i === texts.length - 1 && query === '') {
            // The long one turns its pages (8 s each), and keeps its turn until it is read, past
            // the 10 s a turn lasts: on its third page, or 12 s in when a tall screen needs two.
            const pageOf = card.locator('[data-page]')
            const pages = Number(await pageOf.getAttribute('data-pages'))
            expect(pages).toBeGreaterThan(1)
            const last = Math.min(pages - 1, 2)
            for (let p = 1; p <= last; p++) {
              await expect(pageOf).toHaveAttribute('data-page', String(p), { timeout: 10_000 })
              expect(await page.evaluate(DELAY_CUT)).toEqual([])
            }
            if (last === 1) await page.waitForTimeout(4_000)
            await expect(pageOf).toHaveAttribute('data-page', String(last))
            await expect(card).toBeVisible()
            await page.screenshot({
              path: `test-results/e2e/display-delay-page${last + 1}-${viewport.width}x${viewport.height}.png`,
            })
          }
        }
      }
    })
  })
}

/*
 * The announcer's queue and the voice choice, run in Node with engines that write down what
 * they are asked to do (the renderer has no unit-test runner of its own; these need no page).
 */
test.describe('call announcer', () => {
  /** A voice that takes `ms` per sentence and records what it said, and whether over another. */
  function recordingSpeech(outcome: SpeechOutcome = 'spoken', ms = 30) {
    const log: string[] = []
    let busy = false
    let overlaps = 0
    let cancels = 0
    const engine: SpeechEngine = {
      speak(text, lang) {
        if (busy) overlaps++
        busy = true
        log.push(`${lang}: ${text}`)
        return new Promise((resolve) =>
          setTimeout(() => {
            busy = false
            resolve(outcome)
          }, ms),
        )
      },
      cancel: () => void cancels++,
    }
    return { engine, log, overlaps: () => overlaps, cancels: () => cancels }
  }
  function recordingChime(log: string[], outcome: 'played' | 'blocked' = 'played'): Chime {
    return {
      play: async () => {
        log.push('chime')
        return outcome
      },
      unlock: async () => true,
      close: () => undefined,
    }
  }
  const call = (number: string, counterNo: number, at = Date.now()): Announcement => ({
    key: `${number}@c${counterNo}`,
    at,
    parts: [
      { lang: 'zh-CN', text: `请 ${number} 号到 ${counterNo} 号窗口` },
      { lang: 'en', text: `Ticket ${number}, please go to counter ${counterNo}` },
    ],
  })

  test('says each call as a chime and its sentences, one call after the other', async () => {
    const speech = recordingSpeech()
    const a = createAnnouncer({ speech: speech.engine, chime: recordingChime(speech.log), now: Date.now, pauseMs: 0 })
    a.announce(call('A001', 1))
    a.announce(call('A002', 2))
    expect(a.pending.value).toBe(1)
    await expect.poll(() => speech.log.length).toBe(6)
    expect(speech.log).toEqual([
      'chime',
      'zh-CN: 请 A001 号到 1 号窗口',
      'en: Ticket A001, please go to counter 1',
      'chime',
      'zh-CN: 请 A002 号到 2 号窗口',
      'en: Ticket A002, please go to counter 2',
    ])
    expect(speech.overlaps()).toBe(0)
    expect(a.pending.value).toBe(0)
  })

  test('queues a recall once while the call waits its turn, and again once it has been said', async () => {
    const speech = recordingSpeech()
    const a = createAnnouncer({ speech: speech.engine, chime: recordingChime(speech.log), now: Date.now, pauseMs: 0 })
    a.announce(call('A001', 1))
    a.announce(call('B001', 4))
    a.announce(call('B001', 4))
    await expect.poll(() => speech.log.length).toBe(6)
    a.announce(call('B001', 4))
    await expect.poll(() => speech.log.length).toBe(9)
    expect(speech.log.filter((l) => l.startsWith('zh-CN'))).toEqual([
      'zh-CN: 请 A001 号到 1 号窗口',
      'zh-CN: 请 B001 号到 4 号窗口',
      'zh-CN: 请 B001 号到 4 号窗口',
    ])
  })

  test('leaves to the screen a call that waited too long to be said', async () => {
    const speech = recordingSpeech()
    const a = createAnnouncer({
      speech: speech.engine,
      chime: recordingChime(speech.log),
      now: Date.now,
      staleAfterMs: 60_000,
      pauseMs: 0,
    })
    a.announce(call('A001', 1, Date.now() - 61_000))
    a.announce(call('A002', 2))
    await expect.poll(() => speech.log.length).toBe(3)
    expect(speech.log[1]).toBe('zh-CN: 请 A002 号到 2 号窗口')
  })

  test('asks for a tap when the platform refuses sound, and stops asking once sound is on', async () => {
    const speech = recordingSpeech('blocked')
    const a = createAnnouncer({ speech: speech.engine, chime: recordingChime([], 'blocked'), now: Date.now })
    expect(a.soundBlocked.value).toBe(false)
    a.announce(call('A001', 1))
    await expect.poll(() => a.soundBlocked.value).toBe(true)
    await a.unlock()
    expect(a.soundBlocked.value).toBe(false)
  })

  test('falls silent when the screen leaves', async () => {
    const speech = recordingSpeech('spoken', 200)
    const a = createAnnouncer({ speech: speech.engine, chime: recordingChime(speech.log), now: Date.now, pauseMs: 0 })
    a.announce(call('A001', 1))
    a.announce(call('A002', 2))
    await expect.poll(() => speech.log.length).toBe(2)
    a.stop()
    a.announce(call('A003', 3))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(speech.log).toEqual(['chime', 'zh-CN: 请 A001 号到 1 号窗口'])
    expect(speech.cancels()).toBe(1)
    expect(a.pending.value).toBe(0)
  })
})

test.describe('pickVoice', () => {
  const voice = (lang: string, localService = true) => ({
    lang,
    localService,
    name: `${lang}${localService ? '' : ' online'}`,
  })

  test('prefers a mainland Mandarin voice, and one on this machine over a network one', () => {
    const voices = [voice('en-US'), voice('zh-TW'), voice('zh-CN', false), voice('zh-CN')]
    expect(pickVoice(voices, 'zh-CN')?.name).toBe('zh-CN')
    expect(pickVoice([voice('zh-TW'), voice('en-GB')], 'zh-CN')?.name).toBe('zh-TW')
    expect(pickVoice([voice('cmn_CN'), voice('en-GB')], 'zh-CN')?.name).toBe('cmn_CN')
  })

  test('never reads Mandarin text with a Cantonese voice', () => {
    expect(pickVoice([voice('zh-HK'), voice('yue-Hant-HK')], 'zh-CN')).toBeNull()
  })

  test('picks an English voice for English, American or British first, any English after', () => {
    expect(pickVoice([voice('zh-CN'), voice('en-IN'), voice('en-GB')], 'en')?.name).toBe('en-GB')
    expect(pickVoice([voice('zh-CN'), voice('en-AU')], 'en')?.name).toBe('en-AU')
    expect(pickVoice([voice('zh-CN'), voice('fr-FR')], 'en')).toBeNull()
  })
})

/** The few DOM shapes the fit check reads (this file is type-checked without the DOM's types). */
interface FitRect {
  readonly top: number
  readonly bottom: number
  readonly height: number
}
interface FitElement {
  readonly className: string
  getBoundingClientRect(): FitRect
}
/**
 * Text in the calls, the queues and the counter strip set smaller than 36 px (visually hidden
 * text for screen readers aside): `size px: text` per offender. A string, as `RECORD_SOUND`.
 */
/** Every wait an hour to thirteen: the three-digit English range ("About 60–780 min") of a long day. */
const LONG_WAITS: WaitEstimator = {
  shown: (e) => ({ kind: 'range', lowMin: Math.floor(e.p10 / 60), highMin: Math.ceil(e.p90 / 60) }),
  all: (state) => {
    const long = { mean: 20_000, p10: 3600, p50: 18_000, p90: 780 * 60 }
    return {
      tickets: Object.fromEntries(state.open.filter((t) => t.status === 'waiting').map((t) => [t.id, long])),
      newTicket: Object.fromEntries(DEMO_BRANCH.services.map((sv) => [sv.id, { ordinary: long }])),
    }
  },
}

/**
 * A busy day's waits: every service a two-digit range, the widest English words a wait takes on
 * the board ("About 55–90 min"), rounded as the hub's estimator rounds them.
 */
const BUSY_WAITS: WaitEstimator = {
  shown: (e) => roundWaitKindly(e),
  all: (state) => {
    const minutes = (low: number, high: number) => ({
      mean: 30 * (low + high),
      p10: 60 * low,
      p50: 30 * (low + high),
      p90: 60 * high,
    })
    const waits: Readonly<Record<string, ReturnType<typeof minutes>>> = {
      personal: minutes(15, 25),
      business: minutes(55, 85),
      wealth: minutes(60, 80),
      cards: minutes(40, 55),
    }
    const of = (service: string) => waits[service] ?? minutes(15, 25)
    return {
      tickets: Object.fromEntries(state.open.filter((t) => t.status === 'waiting').map((t) => [t.id, of(t.serviceId)])),
      newTicket: Object.fromEntries(DEMO_BRANCH.services.map((sv) => [sv.id, { ordinary: of(sv.id) }])),
    }
  },
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1080, height: 1920 },
  { width: 390, height: 844 },
]) {
  test.describe(`lobby display with long waits at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })
    test.afterEach(async () => {
      await lobby.stop()
    })

    test('keeps a three-digit wait inside the queues card, in either language', async ({ page }) => {
      const ahead = aheadToMorning()
      lobby = await Lobby.start({ clock: { now: () => Date.now() + ahead }, estimator: LONG_WAITS })
      kiosk = await lobby.pair('kiosk')
      display = await lobby.pair('display')
      await openCounter(1)
      for (const s of ['personal', 'business', 'wealth', 'cards']) await lobby.issue(kiosk, s)
      for (const query of ['', '&lang=en']) {
        await openDisplay(page, query)
        await expect(page.getByTestId('wait-personal')).toContainText(query === '' ? '60–780 分钟' : '60–780 min')
        const shot = `test-results/e2e/display-long${query === '' ? '-zh' : '-en'}-${viewport.width}x${viewport.height}.png`
        await page.screenshot({ path: shot })
        expect(await page.evaluate(CUT), `${shot}: cut, hidden or spilled`).toEqual([])
      }
    })
  })
}

/** Monday 2026-12-07 at `hour` in Beijing (the demo branch opens 09:00–17:00), ticking in real time. */
function beijingAt(hour: number): { now: () => number } {
  const at = Date.UTC(2026, 11, 7, hour - 8)
  const started = Date.now()
  return { now: () => at + (Date.now() - started) }
}

/** The words for a ticket taken now while the lobby is shut (`newcomerWait`), in both languages. */
const SHUT = {
  opensLater: ['09:00 开门', 'Opens at 09:00'],
  closedForDay: ['今日不再取号', 'Closed today'],
} as const

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test.describe(`lobby display outside opening hours at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })
    test.afterEach(async () => {
      await lobby.stop()
    })

    test('says when the branch opens instead of a wait nobody can promise, until a teller comes', async ({ page }) => {
      lobby = await Lobby.start({ clock: beijingAt(5) })
      display = await lobby.pair('display')
      for (const query of ['', '&lang=en']) {
        await openDisplay(page, query)
        for (const s of DEMO_BRANCH.services) {
          const cell = page.getByTestId(`wait-${s.id}`)
          // both languages, as every text on the TV
          for (const words of SHUT.opensLater) await expect(cell).toContainText(words)
          await expect(cell).not.toContainText(/分钟|min/)
        }
        await expect(page.getByTestId('closing-note')).toHaveCount(0)
        await expect(page.locator('.display__clock')).toHaveText(/^05:0\d$/)
        const shot = `test-results/e2e/display-opens${query === '' ? '-zh' : '-en'}-${viewport.width}x${viewport.height}.png`
        await page.screenshot({ path: shot })
        expect(await page.evaluate(CUT), `${shot}: cut, hidden or spilled`).toEqual([])
      }
      // A teller at counter 1 before opening: tickets are issued, so the wait is told as usual.
      await openCounter(1)
      await expect(page.getByTestId('wait-personal')).not.toContainText(SHUT.opensLater[1])
      await expect(page.getByTestId('wait-personal')).toContainText(/Soon|min/)
    })

    test('says the branch is closed for today once its doors have shut', async ({ page }) => {
      lobby = await Lobby.start({ clock: beijingAt(18) })
      display = await lobby.pair('display')
      for (const query of ['', '&lang=en']) {
        await openDisplay(page, query)
        const cell = page.getByTestId('wait-personal')
        for (const words of SHUT.closedForDay) await expect(cell).toContainText(words)
        await expect(page.locator('.display__clock')).toHaveText(/^18:0\d$/)
        const shot = `test-results/e2e/display-shut${query === '' ? '-zh' : '-en'}-${viewport.width}x${viewport.height}.png`
        await page.screenshot({ path: shot })
        expect(await page.evaluate(CUT), `${shot}: cut, hidden or spilled`).toEqual([])
      }
    })
  })
}

test.describe('manager outside opening hours', () => {
  test.use({ viewport: { width: 1366, height: 768 } })
  test.afterEach(async () => {
    await lobby.stop()
  })

  for (const [hour, kind] of [
    [5, 'opensLater'],
    [18, 'closedForDay'],
  ] as const) {
    test(`the new-ticket column says ${kind === 'opensLater' ? 'when the branch opens' : 'closed for today'} at ${hour}:00`, async ({
      page,
    }) => {
      lobby = await Lobby.start({ clock: beijingAt(hour) })
      await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      for (const [i, language] of (['zh-CN', 'en'] as const).entries()) {
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
        for (const s of DEMO_BRANCH.services)
          await expect(page.getByTestId(`new-ticket-${s.id}`)).toHaveText(SHUT[kind][i] as string)
        await page.getByTestId('new-ticket-personal').scrollIntoViewIfNeeded()
        await page.screenshot({ path: `test-results/e2e/manager-${kind}-${language}-1366x768.png` })
      }
    })
  }
})

const SMALL_TEXT = `(() => {
  const out = [];
  const roots = document.querySelectorAll('.now, .recent, .services, .counters');
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (text === '' || el.closest('.visually-hidden') !== null) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 36) out.push(size.toFixed(1) + ' px: ' + text);
    }
  }
  return out;
})()`

/**
 * Lines of the lobby's explanation that cannot be read: `why: text` per offender. The text is
 * read through a window of whole lines (`data-window` px, page `data-page` of `data-pages`):
 * every line must sit within one page, the pages must reach the last line and no further, and
 * the lines of the page shown must lie inside the card, above the counter strip. A string, as
 * `SMALL_TEXT`.
 */
const DELAY_CUT = `(() => {
  const out = [];
  const card = document.querySelector('.delays');
  const win = card?.querySelector('[data-page]');
  const strip = document.querySelector('.counters')?.getBoundingClientRect().top ?? innerHeight;
  if (!card) return ['no card'];
  const box = card.getBoundingClientRect();
  if (box.bottom > strip + 1) out.push('card under the counter strip');
  const winBox = (win ?? card).getBoundingClientRect();
  const page = Number(win?.dataset.page ?? 0);
  const pages = Number(win?.dataset.pages ?? 1);
  const step = Number(win?.dataset.window ?? winBox.height);
  let lastLine = -1;
  let linesPerPage = 1;
  for (const part of card.querySelectorAll('.delays__item .bi__main, .delays__item .bi__sub')) {
    const style = getComputedStyle(part);
    if (style.webkitLineClamp !== 'none' || style.textOverflow === 'ellipsis') out.push('clamped: ' + part.textContent.slice(0, 12));
    // A glyph's box may be taller than its line: each run of text is put on the nearest line.
    const line = parseFloat(style.lineHeight);
    const perPage = step / line;
    if (Math.abs(perPage - Math.round(perPage)) > 0.02) out.push('a page is not whole lines: ' + perPage);
    const range = document.createRange();
    range.selectNodeContents(part);
    const where = part.textContent.slice(0, 12);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      const k = Math.round(((r.top + r.bottom) / 2 - line / 2 - winBox.top) / line) + page * Math.round(perPage);
      lastLine = Math.max(lastLine, k);
      linesPerPage = Math.round(perPage);
      if (k >= pages * Math.round(perPage)) out.push('past the last page: ' + where);
      const top = winBox.top + (k - page * Math.round(perPage)) * line;
      const shown = k >= page * Math.round(perPage) && k < (page + 1) * Math.round(perPage);
      if (shown && (top < box.top - 1 || top + line > Math.min(box.bottom, winBox.bottom) + 1))
        out.push('outside the card: ' + where);
    }
  }
  // The lobby is not kept waiting on a page with nothing on it.
  if (pages > 1 && lastLine < (pages - 1) * linesPerPage) out.push('an empty last page: ' + pages + ' pages');
  return out;
})()`

/**
 * Why the lobby's explanation is not read whole at once: `why` per offender. It is on one page
 * (no pager), nothing of it is cut (every box that clips it, the card first, holds all it
 * contains), and every line of both languages lies inside the card, above the counter strip, on
 * the screen. A string, as `SMALL_TEXT`.
 */
const NOT_WHOLE = `(() => {
  const out = [];
  const card = document.querySelector('.delays');
  if (!card) return ['no card'];
  const win = card.querySelector('[data-page]');
  if (win?.dataset.pages !== '1') out.push('in pages: ' + win?.dataset.pages);
  if (card.querySelector('[data-testid=delay-page]') !== null) out.push('a pager: ' + card.querySelector('[data-testid=delay-page]').textContent.trim());
  // Whatever clips it holds all it contains (the glyphs of the last line reach below it).
  for (let el = card.querySelector('.delays__item'); el !== null && el !== document.body; el = el.parentElement) {
    const clips = getComputedStyle(el).overflowY !== 'visible';
    if (clips && el.scrollHeight > el.clientHeight) out.push('cut: ' + el.className + ' ' + el.scrollHeight + ' > ' + el.clientHeight);
  }
  const box = card.getBoundingClientRect();
  const strip = document.querySelector('.counters')?.getBoundingClientRect().top ?? innerHeight;
  const bottom = Math.min(box.bottom, strip, innerHeight);
  for (const part of card.querySelectorAll('.delays__item .bi__main, .delays__item .bi__sub')) {
    const range = document.createRange();
    range.selectNodeContents(part);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      if (r.top < Math.max(box.top, 0) - 1 || r.bottom > bottom + 1 || r.left < Math.max(box.left, 0) - 1 || r.right > Math.min(box.right, innerWidth) + 1)
        out.push('outside the card or the screen: ' + part.textContent.slice(0, 12));
    }
  }
  return out;
})()`

/**
 * The queues' waits set on more than one line ("About 60–80 / min"): `text` per offender. A
 * string, as `SMALL_TEXT`.
 */
const WRAPPED_WAITS = `(() => {
  const out = [];
  for (const part of document.querySelectorAll('.services__wait .bi__main, .services__wait .bi__sub')) {
    const range = document.createRange();
    range.selectNodeContents(part);
    const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) out.push(part.textContent);
  }
  return out;
})()`

/**
 * What the lobby cannot read whole: `why: what` per offender. The called number and counter,
 * the recent calls, each counter's number and state, and the queues' names and counts must each
 * lie inside the screen, inside their panel and inside every box that clips them, with no text
 * overflowing its own box ("未开放" shown as "未开"), and a queue's name must not break one
 * character a line. Nothing of the board may lie under the counter strip, and the page must not
 * scroll. A string, as `SMALL_TEXT`.
 */
const CUT = `(() => {
  const out = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) out.push('page scrolls');
  const name = (el) => (el.dataset.testid ?? el.className) + ' "' + el.textContent.trim().slice(0, 16) + '"';
  const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  const screen = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const whole = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return out.push('not shown: ' + name(el));
    if (!inside(r, screen)) out.push('off the screen: ' + name(el));
    // Outside its own panel, another panel may cover it (the counter under the queues).
    const panel = el.closest('li, section');
    if (panel !== null && !inside(r, panel.getBoundingClientRect())) out.push('outside its panel: ' + name(el));
    // A glyph's side bearing may pass its box unseen (the 1080p strip's "Serving A001" by 2 px);
    // a tenth of the type's size is less than any glyph ("未开放" cut to "未开" is a whole one).
    const bearing = Math.max(1, 0.1 * parseFloat(getComputedStyle(el).fontSize));
    if (el.scrollWidth > el.clientWidth + bearing) out.push('wider than its box: ' + name(el));
    for (let a = el.parentElement; a !== null && a !== root; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        if (!inside(r, a.getBoundingClientRect())) out.push('cut by ' + a.className + ': ' + name(el));
      }
    }
  };
  const important = [
    '[data-testid=now-number]', '[data-testid=now-counter]',
    '.recent__number', '.recent__counter',
    '.counter__no', '.counter__state',
    '.services__name', '.services__count', '.services__wait',
  ];
  for (const el of document.querySelectorAll(important.join(','))) whole(el);
  for (const el of document.querySelectorAll('.services__name .bi__main, .services__name .bi__sub')) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
    if (lines.length > 1 && lines.some((r) => r.width < 1.2 * size)) out.push('one character a line: ' + name(el));
  }
  const strip = document.querySelector('.counters')?.getBoundingClientRect().top ?? innerHeight;
  for (const el of document.querySelectorAll('main section, main li, main tr')) {
    if (el.getBoundingClientRect().bottom > strip + 1) out.push('under the counter strip: ' + name(el));
  }
  return out;
})()`

interface FitDocument {
  readonly documentElement: {
    readonly scrollHeight: number
    readonly clientHeight: number
    readonly scrollWidth: number
    readonly clientWidth: number
  }
  querySelector(selector: string): FitElement | null
  querySelectorAll(selector: string): Iterable<FitElement> & ArrayLike<FitElement>
}
