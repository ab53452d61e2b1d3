// Converts days of the "Anonymous Bank" call-centre data (Technion SEE laboratory; an Israeli
// bank, 1999: one tab-separated line per call with vru+line, call_id, customer_id, priority,
// type, date, vru_entry, vru_exit, vru_time, q_start, q_exit, q_time, outcome, ser_start,
// ser_exit, ser_time, server) into the simulator's scenario and trace files, so that the day can
// be replayed through the estimator (`npm run simulate -- --trace`, `npm run bench`).
// The data are not part of this repository; see docs/estimation.md for where to get them.
//
//   npx tsx scripts/import-anonymous-bank.ts data/traces/anonymous-bank-1999-02.txt 1999-02-03 \
//       [--out data/traces/anonymous-bank-1999-02-03]
//   npx tsx scripts/import-anonymous-bank.ts data/traces/anonymous-bank-1999-02.txt all
//
// `all` converts every working day of the file (one pair of files per day, named as above) and
// names each day it leaves out with the reason: a Friday or Saturday (the bank's short days, not
// the working week the history is drawn from) or a day with fewer than MIN_CALLS calls.
// The trace: every call that asked for an agent (PHANTOM calls and calls that ended in the voice
// menu are left out), at the moment it joined the queue, with its talk time; a caller who hung
// up in the queue gets `patienceSec` = how long they waited. The scenario: the agents of that
// day as counters (shift = first to last call they answered, services in the order of how often
// they took them), and — for the history the estimator learns from before the day — the
// hourly arrival rates, talk times and patience of the other weekdays of the same month. Every
// service's configured standard is the one-minute standard, far from the real talk times, as
// in a branch that has just installed the system.
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface Call {
  readonly date: string
  readonly type: string
  readonly priority: number
  /** Seconds after midnight the caller asked for an agent. */
  readonly asked: number
  readonly outcome: 'AGENT' | 'HANG'
  readonly waited: number
  readonly talk: number
  readonly server: string
  readonly answered: number
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } })
const [file, which] = positionals
if (file === undefined || which === undefined || !/^(\d{4}-\d{2}-\d{2}|all)$/.test(which)) {
  process.stderr.write('usage: import-anonymous-bank.ts FILE.txt YYYY-MM-DD|all [--out PREFIX]\n')
  process.exit(2)
}
if (which === 'all' && values.out !== undefined) {
  process.stderr.write("--out names one day's files; with `all` they are named after the input file\n")
  process.exit(2)
}
/** Fewer calls than this make too few waits in a day to score it (February's working days have 1,155 or more). */
const MIN_CALLS = 500
const OPEN = 7 * 3600
const CLOSE = 23 * 3600 + 59 * 60

function seconds(clock: string | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(clock ?? '')
  return m === null ? null : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

function parseCalls(text: string): { calls: Call[]; skipped: number } {
  const lines = text.split(/\r?\n/)
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim())
  const col = (name: string): number => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`${file}: no column '${name}' in the header`)
    return i
  }
  const at = {
    type: col('type'),
    priority: col('priority'),
    date: col('date'),
    vruExit: col('vru_exit'),
    qStart: col('q_start'),
    qTime: col('q_time'),
    outcome: col('outcome'),
    serStart: col('ser_start'),
    serTime: col('ser_time'),
    server: col('server'),
  }
  const calls: Call[] = []
  let skipped = 0
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue
    const f = line.split('\t')
    const outcome = f[at.outcome]
    const qStart = seconds(f[at.qStart])
    const asked = qStart !== null && qStart > 0 ? qStart : seconds(f[at.vruExit])
    const d = f[at.date] ?? ''
    if ((outcome !== 'AGENT' && outcome !== 'HANG') || asked === null || !/^\d{6}$/.test(d)) {
      skipped++
      continue
    }
    // A HANG with no queue time ended in the voice menu: it never asked for an agent.
    const waited = Number(f[at.qTime])
    if (outcome === 'HANG' && !(waited > 0)) {
      skipped++
      continue
    }
    calls.push({
      date: `19${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`,
      type: (f[at.type] ?? '').toLowerCase(),
      priority: Number(f[at.priority]),
      asked,
      outcome,
      waited: Number.isFinite(waited) ? waited : 0,
      talk: Number(f[at.serTime]) || 0,
      server: f[at.server] ?? 'NO_SERVER',
      answered: seconds(f[at.serStart]) ?? asked,
    })
  }
  return { calls, skipped }
}

const { calls, skipped } = parseCalls(readFileSync(file, 'utf8'))
const weekday = (d: string): number => new Date(`${d}T12:00:00Z`).getUTCDay()
// The bank's working week is Sunday to Thursday.
const working = (d: string): boolean => weekday(d) <= 4
const inHours = (c: Call): boolean => c.asked >= OPEN && c.asked < CLOSE
process.stdout.write(`${skipped} lines of the file skipped (voice menu only, PHANTOM, unreadable)\n`)
const callsOn = (day: string): number => calls.filter((c) => c.date === day && inHours(c)).length
// A day the bench replays is also what the others' rates, talk times and patience come from.
const usable = (day: string): boolean => working(day) && callsOn(day) >= MIN_CALLS
const months = new Set(calls.map((c) => c.date.slice(0, 7)))
if (months.size > 1) {
  // the output files are named by the day of the month, after the file's name
  process.stderr.write(
    `${file}: holds calls of ${months.size} months (${[...months].sort().join(', ')}); give one month's file\n`,
  )
  process.exit(1)
}
if (which !== 'all') {
  if (!calls.some((c) => c.date === which && inHours(c))) {
    process.stderr.write(`${file}: no calls on ${which}\n`)
    process.exit(1)
  }
  convertDay(which, values.out ?? file.replace(/\.txt$/, '') + `-${which.slice(8)}`)
} else {
  for (const day of [...new Set(calls.map((c) => c.date))].sort()) {
    const n = callsOn(day)
    const why = !working(day) ? 'not a working day' : !usable(day) ? `fewer than ${MIN_CALLS} calls` : null
    if (why === null) convertDay(day, file.replace(/\.txt$/, '') + `-${day.slice(8)}`)
    else process.stdout.write(`${day}: left out, ${why} (${n} calls asked for an agent)\n`)
  }
}

function convertDay(day: string, out: string): void {
  const today = calls.filter((c) => c.date === day && inHours(c))
  const others = calls.filter((c) => c.date !== day && usable(c.date) && inHours(c))
  const otherDays = new Set(others.map((c) => c.date)).size
  const types = [...new Set(today.map((c) => c.type))].sort(
    (a, b) => today.filter((c) => c.type === b).length - today.filter((c) => c.type === a).length,
  )
  const classOf = (c: Call): string | null => (c.priority === 2 ? 'priority' : null)
  const hours = Math.ceil((CLOSE - OPEN) / 3600)

  const services = types.map((type, i) => {
    const talks = others.filter((c) => c.type === type && c.outcome === 'AGENT' && c.talk > 0).map((c) => c.talk)
    const mean = talks.reduce((a, b) => a + b, 0) / Math.max(1, talks.length) || 120
    const sd = Math.sqrt(talks.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, talks.length - 1))
    return {
      id: type,
      prefix: String.fromCharCode(65 + i),
      targetWaitSec: 120,
      standardSec: 60,
      serviceTime: {
        dist: 'lognormal',
        meanSec: Math.round(mean),
        cv: Math.round(Math.max(0.1, sd / mean) * 100) / 100,
      },
    }
  })

  const arrivals = types.flatMap((type) =>
    [null, 'priority'].map((cls) => {
      const perHour = Array.from({ length: hours }, (_, h) => {
        const n = others.filter(
          (c) => c.type === type && classOf(c) === cls && c.asked >= OPEN + h * 3600 && c.asked < OPEN + (h + 1) * 3600,
        ).length
        return Math.round((n / Math.max(1, otherDays)) * 100) / 100
      })
      return cls === null ? { service: type, perHour } : { service: type, priority: cls, perHour }
    }),
  )

  // Exponential patience by maximum likelihood: hang-ups per second of waiting.
  const queued = others.filter((c) => c.waited > 0)
  const hangs = queued.filter((c) => c.outcome === 'HANG').length
  const waitedSum = queued.reduce((a, c) => a + c.waited, 0)
  const patienceMean = hangs === 0 ? null : Math.round(waitedSum / hangs)

  const hhmm = (sec: number): string =>
    `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}`
  // Who was at work: the data name the agent of each call but not their breaks or other work, so
  // the staffing is the hour's talk time over 90 % occupancy (a call centre's usual), and counter
  // i works the hours in which at least i were.
  const talking = today.filter((c) => c.outcome === 'AGENT' && c.talk > 0)
  const staffed = Array.from({ length: hours }, (_, h) => {
    const from = OPEN + h * 3600
    const busy = talking.reduce(
      (a, c) => a + Math.max(0, Math.min(from + 3600, c.answered + c.talk) - Math.max(from, c.answered)),
      0,
    )
    return Math.max(1, Math.ceil(busy / 3600 / 0.9))
  })
  const most = Math.max(1, ...staffed)
  const counters = Array.from({ length: most }, (_, i) => {
    const on = staffed.map((n, h) => (n > i ? h : -1)).filter((h) => h >= 0)
    const first = on[0] ?? 0
    const last = on[on.length - 1] ?? hours - 1
    return {
      id: `a${i + 1}`,
      // Every agent takes every kind of call, the bank's main line first.
      services: [...types],
      ...(first > 0 ? { open: hhmm(OPEN + first * 3600) } : {}),
      ...(last < hours - 1 ? { close: hhmm(OPEN + (last + 1) * 3600) } : {}),
    }
  })

  const scenario = {
    name: `Anonymous Bank call centre, ${day}`,
    description: `Replay of a recorded day (Technion SEE laboratory data). History from ${otherDays} other working days of the month.`,
    date: day,
    utcOffsetMin: 120,
    hours: { open: hhmm(OPEN), close: hhmm(CLOSE) },
    services,
    priorityClasses: [{ id: 'priority', rate: 2 }],
    arrivals,
    counters,
    ...(patienceMean === null ? {} : { patience: { dist: 'exp', meanSec: patienceMean } }),
    walkSec: 0,
    recallIntervalSec: 1,
    recallsBeforeNoShow: 0,
  }

  const clock = (sec: number): string => `${hhmm(sec)}:${String(sec % 60).padStart(2, '0')}`
  const trace = [
    'time,service,priority,durationSec,patienceSec',
    ...today
      .sort((a, b) => a.asked - b.asked)
      .map((c) =>
        [
          clock(c.asked),
          c.type,
          classOf(c) ?? '',
          c.outcome === 'AGENT' ? c.talk : 0,
          c.outcome === 'HANG' ? c.waited : '',
        ].join(','),
      ),
  ]
  writeFileSync(`${out}.json`, JSON.stringify(scenario, null, 2) + '\n')
  writeFileSync(`${out}.csv`, trace.join('\n') + '\n')
  const hung = today.filter((c) => c.outcome === 'HANG').length
  process.stdout.write(
    `${day}: ${today.length} calls that asked for an agent (${hung} hung up waiting), ${types.length} services ` +
      `(${types.join(', ')}), at most ${counters.length} agents at once\n  wrote ${out}.json and ${out}.csv\n`,
  )
}
