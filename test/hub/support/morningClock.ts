/** The demo branch's civil time (UTC+8). */
const BRANCH_OFFSET_MS = 8 * 3600_000

/**
 * How far to move a clock from the PC's so that it reads 10:00 at the branch on the branch's
 * date of `now`. A hub on the PC's own clock closes its day at the branch's midnight (16:00 UTC),
 * which a run near that hour crossed, ending every ticket mid-test; a branch is used in business
 * hours, and so are its tests.
 */
export function aheadToMorning(now = Date.now()): number {
  const date = new Date(now + BRANCH_OFFSET_MS).toISOString().slice(0, 10)
  return Date.parse(`${date}T10:00:00Z`) - BRANCH_OFFSET_MS - now
}
