/**
 * What a new user's first taps cost while a fresh demo seeds its month of history: how long the
 * hub's event loop is held (`monitorEventLoopDelay`, 10 ms resolution) and the round trip of a
 * kiosk's ticket, issued one after another (100 ms apart) over HTTP on loopback from a thread of
 * its own (`KioskTapper`). Measured twice
 * on the same hub: first for a few seconds with no seeding (the floor: what this PC's other
 * load and the taps themselves cost), then while the days are simulated and kept. A loop held
 * on a busy PC is mostly the thread waiting for a core; the first column is the hub's own work
 * alone (`MainThreadHolds`). Target: its longest stretch while seeding under 50 ms.
 *
 * Run: npx tsx bench/demoSeeding.bench.ts   (BENCH_DAYS=30 by default: the demo's month)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { demoBranchFile } from '../hub/config/demoBranchFile'
import { seedDemoHistory } from '../hub/demo/demoHistory'
import { nodeFileSystem } from '../hub/persistence/nodeFileSystem'
import { startHub } from '../hub/startHub'
import { localDate } from '../shared/domain/localTime'
import { FakeClock } from '../test/hub/support/fakeClock'
import { KioskTapper } from './support/kioskTapper'
import { MainThreadHolds } from '../test/hub/support/mainThreadHolds'

const DAYS = Number(process.env.BENCH_DAYS ?? 30)
const TAP_EVERY_MS = 100
const FLOOR_MS = 5_000

const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-seed-bench-'))
await writeFile(join(dir, 'branch.json'), JSON.stringify(await demoBranchFile('127.0.0.1', 0, 1 << 10)))
const clock = new FakeClock()
const hub = await startHub({ dataDir: dir, host: '127.0.0.1', port: 0, demo: true, rendererDir: null, clock })
const ctx = hub.context
const kiosk = await ctx.paired.demoTerminal('kiosk', 'Demo kiosk', clock.now())
const cfg = ctx.config.data

interface Figures {
  readonly ownMaxMs: number | null
  readonly loopMaxMs: number
  readonly loopP99Ms: number
  readonly taps: readonly number[]
}

/** A kiosk tapping (on a thread of its own) while `work` runs; the hub's loop over the same time. */
async function whileTapping(work: Promise<unknown>, name: string): Promise<Figures> {
  const loop = monitorEventLoopDelay({ resolution: 10 })
  const own = new MainThreadHolds()
  loop.enable()
  own.start()
  const tapper = new KioskTapper(hub.url, kiosk, TAP_EVERY_MS, `seed-bench-${name}`)
  await work
  const taps = await tapper.stop()
  loop.disable()
  return { ownMaxMs: own.stop(), loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6, taps }
}

const floor = await whileTapping(new Promise((r) => setTimeout(r, FLOOR_MS)), 'floor')
const t0 = performance.now()
let added = 0
const place = { reports: ctx.reports, fs: nodeFileSystem, dataDir: dir }
const today = localDate(clock.now(), cfg.utcOffsetMinutes)
const seeding = await whileTapping(
  seedDemoHistory(place, cfg, today, { days: DAYS }).then((k) => (added = k)),
  'seeding',
)
const seedMs = performance.now() - t0
await hub.close()
await rm(dir, { recursive: true, force: true })

const q = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN
}
const f0 = (x: number) => x.toFixed(0).padStart(6)
console.log(
  `${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}; ${added} days seeded in ${(seedMs / 1000).toFixed(1)} s`,
)
console.log('                            hub work (ms)  loop held (ms)   ticket round trip (ms)')
console.log('                             longest       max    p99       max    p99    p50   taps')
for (const [name, f] of [
  ['no seeding (the floor)', floor],
  ['while seeding', seeding],
] as const)
  console.log(
    `  ${name.padEnd(26)}${f.ownMaxMs === null ? '   n/a' : f0(f.ownMaxMs)}    ${f0(f.loopMaxMs)} ${f0(f.loopP99Ms)}     ${f0(q(f.taps, 1))} ${f0(q(f.taps, 0.99))} ${f0(q(f.taps, 0.5))} ${f0(f.taps.length)}`,
  )
console.log("  target: the hub's longest own work while seeding under 50 ms (a tap never waits behind a day)")
