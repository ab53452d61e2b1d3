// The demo's month of history, simulated on a thread of its own (demoHistory.ts): half a second
// to a second of work a day that must not hold the hub's event loop while a new user's first
// taps come in. Its messages: demoHistoryProtocol.ts.
import { parentPort } from 'node:worker_threads'
import { answerRequests } from '../workerCalls'
import { DemoMonth } from './demoMonth'
import { parseDemoDayRequest, type DemoDayAnswer } from './demoHistoryProtocol'

/** The month being seeded, kept between its days' requests (each day learns from the ones before). */
let month: { readonly key: string; readonly days: DemoMonth } | null = null

answerRequests(parentPort, parseDemoDayRequest, ({ config, today, days, index }): DemoDayAnswer => {
  const key = JSON.stringify([config, today, days])
  // Another month, or a day already passed (a seeding started again): simulated from its start,
  // which gives the same days again.
  if (month === null || month.key !== key || index < month.days.next)
    month = { key, days: new DemoMonth(config, today, days) }
  return { date: month.days.dateOf(index), day: month.days.day(index) }
})
