import { openingOn } from '../../../shared/domain/branchCalendar'
import { addDays } from '../../../shared/domain/localTime'
import { DEMO_CALENDAR } from '../../../hub/config/demoBranchFile'

/**
 * The first local day (Beijing) after today on which the demo branch opens by 10:00 and is still
 * open at 11:00, for booking specs that move the hub's clock to 10:00 that day (tomorrow, unless
 * it is a holiday of the demo's calendar).
 */
export function nextDemoOpenDay(now = Date.now()): string {
  let day = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
  for (let i = 0; i < 30; i++) {
    day = addDays(day, 1)
    if ((openingOn(day, DEMO_CALENDAR) ?? []).some((s) => s.opens <= '10:00' && s.closes >= '11:00')) return day
  }
  throw new Error('the demo branch opens on none of the next 30 days')
}
