import { expect, test } from '@playwright/test'
import type { Clock } from '../../hub/clock'
import { aheadToMorning } from '../hub/support/morningClock'
import { Lobby } from './support/lobby'

/**
 * A re-joined customer's wait, the same on the manager's list and at the counter: counted from
 * the ticket's issue, with when they started waiting again beside it — not "waited 30 s, waiting
 * again" on one screen and "waited 13 min" on the other.
 */
class MovableClock implements Clock {
  private readonly ahead = aheadToMorning()
  private moved = 0
  now(): number {
    return Date.now() + this.ahead + this.moved
  }
  advance(seconds: number): void {
    this.moved += seconds * 1000
  }
}

const WORDS = {
  'zh-CN': {
    waitingTab: /等候客户/,
    waited: '13 分钟',
    again: /^\d\d:\d\d 起再次等候$/u,
    counterWaited: '等候 13 分钟',
    english: null,
  },
  en: {
    waitingTab: /Waiting customers/,
    waited: '13 min',
    again: /^Waiting again since \d\d:\d\d$/u,
    counterWaited: 'Waited 13 min',
    english: 'English',
  },
} as const

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  test(`a re-joined ticket's wait is the same on the manager's list and at the counter (${language})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    const clock = new MovableClock()
    const lobby = await Lobby.start({ clock }, [], null, {}, (branch) => ({
      ...branch,
      policy: { ...branch.policy, recallIntervalSec: 0 },
    }))
    try {
      const kiosk = await lobby.pair('kiosk')
      const a001 = await lobby.issue(kiosk, 'personal')
      const teller = await lobby.signIn('t01', '1111', 'c1')
      const post = (verb: string) => lobby.api('POST', `/api/v1/counters/c1/${verb}`, {}, teller)
      await post('open')
      clock.advance(11 * 60)
      for (const verb of ['call-next', 'recall', 'recall', 'no-show']) await post(verb)
      clock.advance(60)
      await lobby.api('POST', `/api/v1/tickets/${a001.ticketId}/rejoin`, {}, kiosk)
      clock.advance(70)

      await page.goto(`${lobby.url}/#/manager?token=${await lobby.manager()}`)
      if (w.english !== null) await page.getByRole('button', { name: w.english }).click()
      await page.getByRole('tab', { name: w.waitingTab }).click()
      const row = page.getByRole('tabpanel').getByRole('row', { name: /A001/ })
      await expect(row).toContainText(w.waited)
      const again = row.getByTestId('waiting-again')
      await expect(again).toHaveText(w.again)
      const since = (await again.innerText()).match(/\d\d:\d\d/u)?.[0]
      await page.screenshot({ path: `test-results/e2e/rejoined-wait-manager-${language}.png` })

      await page.goto(`${lobby.url}/#/counter/c1?token=${teller}`)
      await post('call-next')
      const counterPage = page
      if (w.english !== null) await counterPage.getByRole('button', { name: w.english }).click()
      await expect(counterPage.getByTestId('current-number')).toHaveText('A001')
      await expect(counterPage.getByText(w.counterWaited, { exact: true })).toBeVisible()
      await expect(counterPage.getByTestId('waiting-again')).toHaveText(w.again)
      await expect(counterPage.getByTestId('waiting-again')).toContainText(since ?? '--')
      await counterPage.screenshot({ path: `test-results/e2e/rejoined-wait-counter-${language}.png` })
    } finally {
      await lobby.stop()
    }
  })
}
