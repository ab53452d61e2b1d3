import { describe, expect, it } from 'vitest'
import type { BranchCalendar } from '../../../shared/domain/branchCalendar'
import { NO_CALENDAR } from '../../../shared/domain/branchCalendar'
import type { BranchConfig, ClockStretch } from '../../../shared/domain/branch'
import type { CounterId } from '../../../shared/domain/ids'
import { servedBeforeClose, servingEnd, type ServingEnd } from '../../../shared/estimate/servedBeforeClose'
import { startOfLocalDay } from '../../../shared/domain/localTime'
import { A, B, C1, C2, C3, TEST_BRANCH } from '../support/testBranch'

// Tuesday 2026-11-24 in Beijing; Thursday the 26th a holiday the branch closes on.
const at = (clock: string, date = '2026-11-24'): number =>
  startOfLocalDay(date, 480) + (Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3))) * 60_000
const NINE_TO_FIVE: BranchCalendar = {
  holidays: ['2026-11-26'],
  workingWeekends: [],
  opening: {
    workingDays: [
      { opens: '09:00', closes: '12:00' },
      { opens: '13:00', closes: '17:00' },
    ],
    weekends: [{ opens: '10:00', closes: '16:00' }],
    holidays: [],
  },
}

/** TEST_BRANCH (c1 serves a; c2 a and b; c3 b and a) with planned hours for some counters. */
function withHours(hours: Partial<Record<CounterId, readonly ClockStretch[]>>): BranchConfig {
  return {
    ...TEST_BRANCH,
    counters: TEST_BRANCH.counters.map((c) => {
      const h = hours[c.id]
      return h === undefined ? c : { ...c, hours: h }
    }),
  }
}
const until = (closes: string): ClockStretch[] => [{ opens: '09:00', closes }]

describe('servingEnd', () => {
  it.each([
    ['no calendar and no hours: nothing known', TEST_BRANCH, NO_CALENDAR, A, null, at('16:40'), null],
    ["the doors' last close, after the lunch closing", TEST_BRANCH, NINE_TO_FIVE, A, null, at('16:40'), '17:00'],
    ['the weekend hours on a Saturday', TEST_BRANCH, NINE_TO_FIVE, A, null, at('10:00', '2026-11-28'), '16:00'],
    [
      'a closed day with tickets issued anyway: nothing known',
      TEST_BRANCH,
      NINE_TO_FIVE,
      A,
      null,
      at('10:00', '2026-11-26'),
      null,
    ],
    [
      'the latest planned end of the counters serving it',
      withHours({ [C1]: until('16:30'), [C2]: until('17:30'), [C3]: until('16:00') }),
      NO_CALENDAR,
      A,
      null,
      at('10:00'),
      '17:30',
    ],
    [
      'a counter without hours counts the doors',
      withHours({ [C2]: until('16:00') }),
      NINE_TO_FIVE,
      B,
      null,
      at('10:00'),
      '17:00',
    ],
    [
      'a counter without hours and no opening hours: nothing known',
      withHours({ [C2]: until('16:00') }),
      NO_CALENDAR,
      B,
      null,
      at('10:00'),
      null,
    ],
    [
      'the last stretch of a counter with a lunch break',
      withHours({
        [C1]: [
          { opens: '09:00', closes: '11:30' },
          { opens: '13:30', closes: '15:45' },
        ],
        [C2]: until('12:00'),
        [C3]: until('12:00'),
      }),
      NO_CALENDAR,
      A,
      null,
      at('10:00'),
      '15:45',
    ],
    [
      'only the counter a ticket is sent to',
      withHours({ [C1]: until('16:30'), [C2]: until('17:30') }),
      NINE_TO_FIVE,
      A,
      C1,
      at('10:00'),
      '16:30',
    ],
    [
      'planned hours hold on a day the calendar closes',
      withHours({ [C2]: until('15:00'), [C3]: until('14:00') }),
      NINE_TO_FIVE,
      B,
      null,
      at('10:00', '2026-11-26'),
      '15:00',
    ],
    [
      'a counter with empty hours is not planned today',
      withHours({ [C2]: [], [C3]: until('15:00') }),
      NO_CALENDAR,
      B,
      null,
      at('10:00'),
      '15:00',
    ],
    [
      'no counter planned today: nothing known',
      withHours({ [C2]: [], [C3]: [] }),
      NINE_TO_FIVE,
      B,
      null,
      at('10:00'),
      null,
    ],
    ['an end already past (tellers staying on): nothing known', TEST_BRANCH, NINE_TO_FIVE, A, null, at('17:05'), null],
    ['an end reached this instant: nothing known', TEST_BRANCH, NINE_TO_FIVE, A, null, at('17:00'), null],
  ] as const)('%s', (_why, branch, calendar, service, target, now, clock) => {
    const end = servingEnd(branch, calendar, service, target, now, 480)
    if (clock === null) expect(end).toBeNull()
    else expect(end).toEqual({ at: at(clock, new Date(now + 480 * 60_000).toISOString().slice(0, 10)), clock })
  })
})

describe('servedBeforeClose', () => {
  // 16:40, the counters planned to stop at 17:00: 1200 s left.
  const now = at('16:40')
  const end: ServingEnd = { at: at('17:00'), clock: '17:00' }
  const wait = (p50: number, p90: number, mean = p50) => ({ mean, p10: p50 / 2, p50, p90 })

  it.each([
    ['the whole range ends in time', wait(600, 1100), null],
    ['the range ends exactly at the end: in time', wait(600, 1200), null],
    ['the range reaches a second past the end', wait(600, 1201), 'mayNot'],
    ['the median exactly at the end: still may', wait(1200, 2000), 'mayNot'],
    ['the mean past the end, the median not: still may (better than even odds)', wait(1100, 2000, 1300), 'mayNot'],
    ['the median past the end: unlikely', wait(1201, 2000), 'unlikely'],
    ['the whole range past the end: unlikely', wait(3300, 7200), 'unlikely'],
  ] as const)('%s', (_why, estimate, kind) => {
    const warning = servedBeforeClose(estimate, now, end)
    expect(warning).toEqual(kind === null ? null : { kind, at: end.at, clock: '17:00' })
  })

  it('says nothing without a known end', () => {
    expect(servedBeforeClose(wait(3300, 7200), now, null)).toBeNull()
  })
})
