// The demo's month of history, simulated on a thread of its own (demoHistory.ts): half a second
// to a second of work a day that must not hold the hub's event loop while a new user's first
// taps come in. Its messages: demoHistoryProtocol.ts.
import { parentPort } from 'node:worker_threads'
import type { QueueEvent } from '../../shared/queue/events'
import { readJournal } from '../persistence/journalReader'
import { nodeFileSystem } from '../persistence/nodeFileSystem'
import { answerRequests } from '../workerCalls'
import { DemoMonth, type DemoHistoryConfig, type DemoMonthCarry } from './demoMonth'
import { parseDemoDayRequest, type DemoDayAnswer } from './demoHistoryProtocol'

/** The month being seeded, kept between its days' requests (each day learns from the ones before). */
let month: { readonly key: string; readonly days: DemoMonth } | null = null

answerRequests(
  parentPort,
  parseDemoDayRequest,
  async ({ config, today, days, index, resume }): Promise<DemoDayAnswer> => {
    const key = JSON.stringify([config, today, days])
    let startedOver: string | null = null
    if (month === null || month.key !== key || index < month.days.next) {
      const begun = await monthFrom(config, today, days, index, resume)
      month = { key, days: begun.month }
      startedOver = begun.startedOver
    }
    const from = month.days.next
    const day = month.days.day(index)
    const simulated = month.days.next - from
    return { date: month.days.dateOf(index), day, simulated, startedOver, carry: month.days.carry }
  },
)

/**
 * A month to ask for day `index`: one going on from where a seeding stopped midway had got to
 * (its kept days are not simulated again), else one from its start, which gives the same days
 * again — also when the carry is of no use (another day than the one asked, a journal gone);
 * `startedOver` says why then.
 */
async function monthFrom(
  config: DemoHistoryConfig,
  today: string,
  days: number,
  index: number,
  resume: { readonly carry: DemoMonthCarry; readonly journals: readonly string[] } | undefined,
): Promise<{ readonly month: DemoMonth; readonly startedOver: string | null }> {
  const fromStart = (startedOver: string | null) => ({ month: new DemoMonth(config, today, days), startedOver })
  if (resume === undefined) return fromStart(null)
  const { carry } = resume
  if (carry.next > index) return fromStart(`the plan goes on from day ${carry.next + 1}, after the day asked`)
  const journals = await Promise.all(resume.journals.map(eventsIn))
  const unreadable = journals.findIndex((j) => j === null)
  if (unreadable >= 0) return fromStart(`the kept journal of ${carry.days[unreadable]?.date ?? '?'} cannot be read`)
  const readable = journals.filter((j): j is readonly QueueEvent[] => j !== null)
  const resumed = DemoMonth.resume(config, today, days, carry, readable)
  if (resumed !== null) return { month: resumed, startedOver: null }
  return fromStart(DemoMonth.whyNotResumed(days, carry, readable))
}

/** A kept day's events: none for a journal not there (a day without events keeps none); null when unreadable. */
async function eventsIn(path: string): Promise<readonly QueueEvent[] | null> {
  try {
    return (await readJournal(nodeFileSystem, path)).records.map((r) => r.e)
  } catch {
    return null
  }
}
