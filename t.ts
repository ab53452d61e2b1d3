import { replay } from './shared/queue/applyEvent'
import { EMPTY_STATE } from './shared/queue/state'
import { readDay } from './shared/reports/dayLog'
import { buildDayReport } from './shared/reports/dayReport'
import { BUSY_BRANCH, busyDayEvents } from './shared/sim/busyDay'
const events = busyDayEvents({ branch: BUSY_BRANCH, date: '2026-11-02', utcOffsetMinutes: 480, tickets: 2000, seed: 5, firstSeq: 1 })
const med = (f: () => void) => { const xs: number[] = []; for (let i = 0; i < 9; i++) { const t = performance.now(); f(); xs.push(performance.now() - t) } xs.sort((a, b) => a - b); return xs[4]!.toFixed(1) }
console.log('replay', med(() => replay(events, EMPTY_STATE)))
console.log('readDay', med(() => readDay(events, BUSY_BRANCH)))
console.log('report', med(() => buildDayReport({ events, branch: BUSY_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })))
