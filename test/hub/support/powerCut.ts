import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { JournalFolder } from '../../../hub/persistence/journal'
import { parseJournal } from '../../../hub/persistence/journalReader'
import { nodeFileSystem } from '../../../hub/persistence/nodeFileSystem'
import type { ServiceId } from '../../../shared/domain/ids'
import type { QueueEvent } from '../../../shared/queue/events'
import { seededRng } from '../../../shared/sim/random'
import { crashStates, type CrashModel, type CrashState } from './crashStates'
import type { FaultFs } from './faultFs'
import { FakeClock } from './fakeClock'
import type { FsImage } from './fsImage'
import { HubFixture } from './hubFixture'

/** The hub's data folder in the crash tests' file system. */
export const DATA = '/srv/data'
/** The JSON files the hub writes whole: never empty nor broken after a cut. */
const JSON_FILES = [
  'branch.json',
  'security.json',
  'history.json',
  'feedback.json',
  'appointments.json',
  'sessions.json',
]
/** Those the hub makes at its start when missing: there after a restart, whenever the cut fell. */
const MADE_AT_START = JSON_FILES.filter((name) => name !== 'sessions.json')

/** What had been acknowledged to someone when the trace had `at` ops. */
export interface Acknowledged {
  readonly at: number
  readonly what: string
  /** Every journal's events by date, as the running hub had them. */
  readonly events: ReadonlyMap<string, readonly QueueEvent[]>
  readonly tokens: readonly string[]
  readonly feedbackIds: readonly string[]
  readonly closedDays: readonly string[]
}

/** The acknowledgements of a workload, in order. */
export class Ledger {
  readonly entries: Acknowledged[] = []
  private tokens: string[] = []
  private feedbackIds: string[] = []
  private closedDays: string[] = []

  constructor(private readonly fs: FaultFs) {}

  /** Call right after an answer came back: everything journaled so far was made durable before it. */
  ack(what: string, also: { token?: string; feedbackId?: string; closedDay?: string } = {}): void {
    if (also.token !== undefined) this.tokens = [...this.tokens, also.token]
    if (also.feedbackId !== undefined) this.feedbackIds = [...this.feedbackIds, also.feedbackId]
    if (also.closedDay !== undefined) this.closedDays = [...this.closedDays, also.closedDay]
    const events = new Map<string, QueueEvent[]>()
    for (const e of this.fs.live.entries()) {
      const m = /\/journal\/(\d{4}-\d{2}-\d{2})\.jsonl$/.exec(e.path)
      if (m?.[1] !== undefined && e.data !== null) {
        events.set(
          m[1],
          parseJournal(e.path, e.data).records.map((r) => r.e),
        )
      }
    }
    this.entries.push({
      at: this.fs.trace.length,
      what,
      events,
      tokens: this.tokens,
      feedbackIds: this.feedbackIds,
      closedDays: this.closedDays,
    })
  }

  /** What must survive a power cut after `boundary` trace ops (null: nothing yet). */
  requiredAt(boundary: number): { index: number; required: Acknowledged } | null {
    let index = -1
    while (index + 1 < this.entries.length && (this.entries[index + 1] as Acknowledged).at <= boundary) index++
    return index < 0 ? null : { index, required: this.entries[index] as Acknowledged }
  }
}

export interface Outcome {
  readonly state: CrashState
  /** How many generated crash states this one stands for (same disk, same acknowledgements). */
  readonly weight: number
  readonly started: boolean
  /** The hub's refusal, when it did not start. */
  readonly refusal: string | null
  /** The disk had a damaged last journal line, and the hub kept its bytes in a side file. */
  readonly keptAside: boolean
  readonly violations: string[]
}

export interface Exploration {
  /** Crash states the model allows at all the trace's op boundaries. */
  readonly generated: number
  /** Of those, the different (disk, what had been acknowledged) pairs: each needs one restart. */
  readonly distinct: number
  /** Restarted: all distinct ones, or a seeded sample of `limit`. */
  readonly checked: number
  readonly outcomes: Outcome[]
}

/**
 * Builds every crash state of a workload's trace and restarts the real hub, on the real file
 * system, on each different one (equal disks that must keep the same acknowledgements are
 * restarted once); `limit` takes a seeded sample when there are more.
 */
export async function explore(
  fs: FaultFs,
  ledger: Ledger,
  model: CrashModel,
  options: { demo: boolean; start: number; limit: number },
): Promise<Exploration> {
  const groups = new Map<string, { state: CrashState; weight: number }>()
  let generated = 0
  for (const state of crashStates(fs.initial, fs.trace, model)) {
    generated++
    const key = `${state.image.digest()}@${ledger.requiredAt(state.boundary)?.index ?? -1}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { state, weight: 1 })
    else groups.set(key, { state, weight: group.weight + 1 })
  }
  const chosen = sample([...groups.values()], options.limit, model.seed)
  // Each crash state is written out for the real hub; in memory (tmpfs) when there is one.
  const root = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'branch-lobby-powercut-'))
  const outcomes: Outcome[] = []
  try {
    for (const [i, { state, weight }] of chosen.entries()) {
      const at = state.boundary === 0 ? options.start : (fs.traceTimes[state.boundary - 1] as number)
      const required = ledger.requiredAt(state.boundary)?.required ?? null
      const dir = join(root, String(i))
      outcomes.push({ weight, ...(await check(state, required, dir, options.demo, at)) })
      await rm(dir, { recursive: true, force: true })
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  return { generated, distinct: groups.size, checked: chosen.length, outcomes }
}

/** A seeded sample of `limit` (all of them when there are no more): the same on every run. */
function sample<T>(xs: readonly T[], limit: number, seed: number): T[] {
  if (xs.length <= limit) return [...xs]
  const rng = seededRng(seed)
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[a[i], a[j]] = [a[j] as T, a[i] as T]
  }
  return a.slice(0, limit)
}

/** Problems with a JSON file as found on the disk: absent is allowed (the hub makes it), empty or broken is not. */
function jsonProblems(image: FsImage): string[] {
  return JSON_FILES.flatMap((name) => {
    const data = image.read(`${DATA}/${name}`)
    if (data === undefined) return []
    if (data.length === 0) return [`${name} is empty after the power cut`]
    try {
      JSON.parse(data.toString('utf8'))
      return []
    } catch {
      return [`${name} is not JSON after the power cut`]
    }
  })
}

/** The damaged last line of the newest journal on a disk (the one the hub repairs), if any. */
function damagedTail(image: FsImage): { file: string; offset: number; bytes: Buffer } | null {
  const newest = image
    .entries()
    .filter((e) => /\/journal\/\d{4}-\d{2}-\d{2}\.jsonl$/.test(e.path) && e.data !== null)
    .at(-1)
  if (newest?.data == null) return null
  try {
    const tail = parseJournal(newest.path, newest.data).damagedTail
    if (tail === null) return null
    const file = newest.path.slice(DATA.length + 1)
    return { file, offset: tail.offset, bytes: newest.data.subarray(tail.offset) }
  } catch {
    return null
  }
}

async function check(
  state: CrashState,
  required: Acknowledged | null,
  root: string,
  demo: boolean,
  at: number,
): Promise<Omit<Outcome, 'weight'>> {
  const violations = jsonProblems(state.image)
  const tail = damagedTail(state.image)
  await state.image.materialise(root)
  const dataDir = join(root, DATA)
  let f: HubFixture
  try {
    f = await HubFixture.start({ demo }, dataDir, new FakeClock(at))
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    // A refusal must say which file: the person at the hub has to find it.
    if (!message.includes(dataDir)) violations.push(`refused without naming a file: ${message}`)
    return { state, started: false, refusal: message, keptAside: false, violations }
  }
  try {
    const ctx = f.hub.context
    const journals = new JournalFolder(nodeFileSystem, join(dataDir, 'journal'))
    for (const [date, events] of required?.events ?? []) {
      const found = new Map((await journals.read(date)).records.map((r) => [r.e.seq, r.e]))
      for (const e of events) {
        if (!isDeepStrictEqual(found.get(e.seq), e))
          violations.push(`acknowledged ${e.type} #${e.seq} of ${date} is lost`)
      }
    }
    for (const token of required?.tokens ?? []) {
      if (ctx.paired.principal(token) === undefined) violations.push('an acknowledged pairing is lost')
    }
    const feedback = new Set(ctx.feedback.all().map((r) => r.id as string))
    for (const id of required?.feedbackIds ?? []) if (!feedback.has(id)) violations.push(`feedback ${id} is lost`)
    const summaries = new Set(ctx.reports.summaries().map((s) => s.date))
    for (const d of required?.closedDays ?? []) if (!summaries.has(d)) violations.push(`the summary of ${d} is lost`)
    for (const name of MADE_AT_START) {
      const text = await readFile(join(dataDir, name), 'utf8').catch(() => '')
      if (text.trim() === '') violations.push(`${name} is missing or empty after the restart`)
    }
    violations.push(...(await repeatedNumbers(f, required)))
    if (tail !== null) {
      const side = await readFile(join(dataDir, `${tail.file}.damaged-at-${tail.offset}`)).catch(() => null)
      if (side === null || !side.equals(tail.bytes)) violations.push(`the damaged end of ${tail.file} was not kept`)
    }
  } finally {
    await f.stop(false)
  }
  return { state, started: true, refusal: null, keptAside: tail !== null, violations }
}

/** Issues a ticket of every service used today: none may get a number a customer already holds. */
async function repeatedNumbers(f: HubFixture, required: Acknowledged | null): Promise<string[]> {
  const host = f.hub.context.host
  const day = host.current.day
  if (day === null) return []
  const today = required?.events.get(day) ?? []
  const held = new Set(today.flatMap((e) => (e.type === 'ticketIssued' ? [e.number] : [])))
  const services = new Set<ServiceId>(today.flatMap((e) => (e.type === 'ticketIssued' ? [e.serviceId] : [])))
  services.add('personal' as ServiceId)
  const problems: string[] = []
  for (const serviceId of services) {
    const r = await host.submit(
      { type: 'issueTicket', serviceId, priorityClassId: null, language: 'en', appointmentAt: null, estimate: null },
      { kind: 'system', reason: 'power-cut check' },
    )
    if (!r.ok) problems.push(`issuing after the restart was refused: ${r.error.message}`)
    else if (r.value.event.type === 'ticketIssued' && held.has(r.value.event.number)) {
      problems.push(`ticket ${r.value.event.number} of ${day} was issued a second time`)
    }
  }
  return problems
}

/** One line for the test's output: how many states, and what the checks found. */
export function summary(e: Exploration): string {
  const weight = (os: readonly Outcome[]) => os.reduce((n, o) => n + o.weight, 0)
  const refused = e.outcomes.filter((o) => !o.started)
  const found = new Map<string, number>()
  for (const o of e.outcomes) {
    for (const kind of new Set(o.violations.map(kindOf))) found.set(kind, (found.get(kind) ?? 0) + o.weight)
  }
  const findings = [...found].map(([k, n]) => `${k}: ${n}`).join(', ')
  const keptAside = weight(e.outcomes.filter((o) => o.keptAside))
  return `${e.generated} crash states, ${e.distinct} different (disk, acknowledged) pairs, ${e.checked} restarted (${
    e.checked === e.distinct ? 'all' : 'a seeded sample'
  }): ${e.checked - refused.length} started, ${refused.length} refused; ${keptAside} with a damaged last journal line, kept aside; crash states with a problem: ${weight(
    e.outcomes.filter((o) => o.violations.length > 0),
  )}${findings === '' ? '' : ` (${findings})`}`
}

function kindOf(violation: string): string {
  if (violation.includes('issued a second time')) return 'a ticket number repeated'
  if (violation.startsWith('acknowledged')) return 'an acknowledged event lost'
  if (violation.includes('pairing')) return 'a pairing lost'
  if (violation.startsWith('feedback')) return 'feedback lost'
  if (violation.startsWith('the summary')) return 'a day summary lost'
  if (violation.startsWith('refused')) return 'a refusal naming no file'
  if (violation.startsWith('the damaged end')) return 'damaged bytes not kept'
  return 'a configuration file empty or broken'
}

/** The first problems found, readably. */
export function problemsOf(e: Exploration, max = 5): string[] {
  return e.outcomes
    .filter((o) => o.violations.length > 0)
    .slice(0, max)
    .map((o) => `after op ${o.state.boundary} (${o.state.how}): ${o.violations.slice(0, 3).join('; ')}`)
}
