/** The demo branch's civil time (UTC+8). */
const BRANCH_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000
const TEN_AM_MS = 10 * 3600_000

/**
 * How far to move a clock from the PC's so that it reads the branch's latest 10:00 (today's, or
 * yesterday's before ten). A hub on the PC's own clock closes its day at the branch's midnight
 * (16:00 UTC), which a run near that hour crossed, ending every ticket mid-test; a branch is used
 * in business hours, and so are its tests. Never ahead of the PC: the certificates a hub issues
 * on its clock must already be valid on the browser's.
 */
export function aheadToMorning(now = Date.now()): number {
  const local = now + BRANCH_OFFSET_MS
  const sinceTen = (((local - TEN_AM_MS) % DAY_MS) + DAY_MS) % DAY_MS
  return -sinceTen
}
