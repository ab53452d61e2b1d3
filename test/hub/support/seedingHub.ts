// A demo hub in its own process that seeds its history, for the test of a seeding stopped
// midway: `tsx seedingHub.ts <dataDir> <days>` prints "READY <url>", then "KEPT <date>" as each
// day is kept. SIGINT stops it as `npm run demo` does (the hub closed, the process ended with
// the seeding where it is); SIGKILL stops it anywhere. Its clock is the hub fixture's.
import { seedDemoHistory } from '../../../hub/demo/demoHistory'
import { nodeFileSystem } from '../../../hub/persistence/nodeFileSystem'
import { startHub } from '../../../hub/startHub'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { localDate } from '../../../shared/domain/localTime'
import { FakeClock } from './fakeClock'
import { peopleAheadEstimator } from './peopleAheadEstimator'

const [dataDir, daysArg] = process.argv.slice(2)
const days = Number(daysArg)
if (dataDir === undefined || !Number.isInteger(days)) throw new Error('usage: seedingHub.ts <dataDir> <days>')
const clock = new FakeClock()
const hub = await startHub({
  dataDir,
  clock,
  host: '127.0.0.1',
  port: 0,
  demo: true,
  rendererDir: null,
  estimator: peopleAheadEstimator(DEMO_BRANCH),
})
process.on('SIGINT', () => void hub.close().then(() => process.exit(0)))
process.stdout.write(`READY ${hub.url}\n`)
const cfg = hub.context.config.data
const place = { reports: hub.context.reports, fs: nodeFileSystem, dataDir }
await seedDemoHistory(place, cfg, localDate(clock.now(), cfg.utcOffsetMinutes), {
  days,
  onDay: (date) => process.stdout.write(`KEPT ${date}\n`),
})
await hub.close()
