// `npm run demo:hq`: headquarters on PGlite with three demo branches shipping to it. Each
// branch is a real hub (in this process) with two weeks of simulated history in its journals
// and simulated customers today; its shipper sends everything to HQ as a real branch would.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { demoBranchFile } from '../hub/config/demoBranchFile'
import { startHub, type RunningHub } from '../hub/startHub'
import { startHq } from '../hq/startHq'
import { DEMO_BRANCH } from '../shared/demo/demoBranch'
import { addDays, localDate } from '../shared/domain/localTime'
import { busyScenario } from '../shared/sim/busyDay'
import { journaledEvents, simulateDays } from '../shared/sim/runScenario'

const BRANCHES = [
  { id: 'pudong', zh: '浦东支行', en: 'Pudong branch', region: 'east', tickets: 700, counters: 6 },
  { id: 'jingan', zh: '静安支行', en: "Jing'an branch", region: 'east', tickets: 1000, counters: 4 },
  { id: 'haidian', zh: '海淀支行', en: 'Haidian branch', region: 'north', tickets: 550, counters: 5 },
] as const
const REGIONS = [
  { id: 'east', zh: '华东区', en: 'East China' },
  { id: 'north', zh: '华北区', en: 'North China' },
] as const
const USERS = [
  { id: 'hq01', name: '总行 王总', role: 'headOffice', regionId: null, password: 'headoffice-demo' },
  { id: 'east01', name: '华东区 李经理', role: 'regional', regionId: 'east', password: 'regional-demo' },
] as const
const HISTORY_DAYS = 14

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.data/hq-demo' },
    port: { type: 'string', default: '8430' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
})
const root = resolve(values.data)
const renderer = resolve(values.renderer)
await mkdir(root, { recursive: true })
console.log(`Starting HQ on PGlite in ${root}/db (the first start prepares the database: up to a minute)…`)
const hq = await startHq({
  db: { kind: 'pglite', dir: join(root, 'db') },
  host: '127.0.0.1',
  port: Number(values.port),
  rendererDir: renderer,
})
const reg = hq.context.registry
const fresh = (await reg.regions({ id: 'demo', name: 'demo', role: 'headOffice', regionId: null })).length === 0
if (fresh) {
  for (const r of REGIONS) await reg.addRegion(r.id, { 'zh-CN': r.zh, en: r.en })
  for (const u of USERS) await reg.addUser({ id: u.id, name: u.name, role: u.role, regionId: u.regionId }, u.password)
}
const hubs: RunningHub[] = []
for (const [i, b] of BRANCHES.entries()) {
  const dir = join(root, b.id)
  if (!(await exists(join(dir, 'branch.json')))) {
    if (fresh) await reg.addBranch(b.id, { 'zh-CN': b.zh, en: b.en }, b.region)
    const token = (await reg.issueToken(b.id, 'demo hub')).token
    const file = await demoBranchFile()
    const branch = { ...file.branch, name: { 'zh-CN': b.zh, en: b.en } }
    await mkdir(join(dir, 'journal'), { recursive: true })
    await writeFile(join(dir, 'branch.json'), JSON.stringify({ ...file, branch, hq: { url: hq.url, token } }, null, 2))
    console.log(`Simulating ${HISTORY_DAYS} days of ${b.en} with the estimator in the loop (first start only)…`)
    await writeHistory(join(dir, 'journal'), i, b.tickets, b.counters)
  }
  hubs.push(
    await startHub({ dataDir: dir, host: '127.0.0.1', port: 0, demo: true, simulate: true, rendererDir: renderer }),
  )
}
const names = JSON.parse(await readFile(join(root, BRANCHES[0].id, 'branch.json'), 'utf8')) as { hq?: unknown }
if (names.hq === undefined) throw new Error('the demo branches are not linked to HQ')
console.log(`\nbranch-lobby HQ demo at ${hq.url}/#/hq`)
for (const u of USERS)
  console.log(
    `  sign in ${u.id} / ${u.password}   (${u.role === 'headOffice' ? 'head office: all branches' : 'regional manager: East China'})`,
  )
console.log('\n  The three branch hubs (each with its manager screen, m01 / 9999):')
for (const [i, h] of hubs.entries()) console.log(`  ${BRANCHES[i]?.zh} ${BRANCHES[i]?.en}: ${h.url}/#/manager`)
console.log('\n  Ctrl+C stops everything. Data stays in', root)
const stop = async () => {
  for (const h of hubs) await h.close()
  await hq.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

/**
 * Two weeks of simulated business days as the branch's journals: the real engine, with the real
 * estimator in the loop learning from the days before (as `npm run demo` seeds its month), so
 * HQ's comparison of the estimates' honesty shows what a branch would see.
 */
async function writeHistory(dir: string, n: number, tickets: number, counters: number): Promise<void> {
  const today = localDate(Date.now(), 480)
  const first = addDays(today, -HISTORY_DAYS)
  const scenario = busyScenario(DEMO_BRANCH, { tickets, earlyCounters: counters, date: first })
  let seq = 1
  for (const day of simulateDays(scenario, 100 * n + 1, HISTORY_DAYS, { dateOf: (i) => addDays(first, i) })) {
    const events = journaledEvents(day).map((e) => ({ ...e, seq: seq + e.seq - 1 }))
    seq += events.length
    const lines = events.map((e) => JSON.stringify({ e, m: { actor: { kind: 'system', reason: 'demo history' } } }))
    await writeFile(join(dir, `${day.date}.jsonl`), `${lines.join('\n')}\n`)
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
