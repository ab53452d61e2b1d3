// A hub in its own process, for the crash test: `tsx childHub.ts <dataDir> <aheadMs>` prints
// "READY <url>". Its clock runs aheadMs from the PC's, the same for every start of one test, so
// a restart never moves it back (and the test keeps away from the branch's midnight).
import { startHub } from '../../../hub/startHub'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { peopleAheadEstimator } from './peopleAheadEstimator'

const dataDir = process.argv[2]
const ahead = Number(process.argv[3])
if (dataDir === undefined || !Number.isFinite(ahead)) throw new Error('usage: childHub.ts <dataDir> <aheadMs>')
const hub = await startHub({
  dataDir,
  clock: { now: () => Date.now() + ahead },
  host: '127.0.0.1',
  port: 0,
  demo: true,
  rendererDir: null,
  estimator: peopleAheadEstimator(DEMO_BRANCH),
  authAttemptsPerMinute: 10_000,
})
process.stdout.write(`READY ${hub.url}\n`)
