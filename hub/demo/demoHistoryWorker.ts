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
    if (month === null || month.key !== key || index < month.days.next)
      month = { key, days: await monthFrom(config, today, days, index, resume) }
    const from = month.days.next
    const day = month.days.day(index)
    return { date: month.days.dateOf(index), day, simulated: month.days.next - from, carry: month.days.carry }
  },
)

/**
 * A month to ask for day `index`: one going on from where a seeding stopped midway had got to
 * (its kept days are not simulated again), else one from its start, which gives the same days
 * again — also when the carry is of no use (another day than the one asked, a journal gone).
 */
async function monthFrom(
  config: DemoHistoryConfig,
  today: string,
  days: number,
  index: number,
  resume: { readonly carry: DemoMonthCarry; readonly journals: readonly string[] } | undefined,
): Promise<DemoMonth> {
  if (resume !== undefined && resume.carry.next <= index) {
    const journals = await Promise.all(resume.journals.map(eventsIn))
    const readable = journals.filter((j): j is readonly QueueEvent[] => j !== null)
    const resumed =
      readable.length === journals.length ? DemoMonth.resume(config, today, days, resume.carry, readable) : null
    if (resumed !== null) return resumed
  }
  return new DemoMonth(config, today, days)
}

/** A kept day's events: none for a journal not there (a day without events keeps none); null when unreadable. */
async function eventsIn(path: string): Promise<readonly QueueEvent[] | null> {
  try {
    return (await readJournal(nodeFileSystem, path)).records.map((r) => r.e)
  } catch {
    return null
  }
}
