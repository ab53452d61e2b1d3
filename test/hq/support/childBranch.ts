// A branch hub in its own process for the fault tests: `tsx childBranch.ts <dataDir>` prints
// "READY <url>". Its clock runs at real speed from CLOCK_START (epoch ms), so a test can put
// the branch in yesterday's business day and later in today's.
import { startHub } from '../../../hub/startHub'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { peopleAheadEstimator } from '../../hub/support/peopleAheadEstimator'

const dataDir = process.argv[2]
if (dataDir === undefined) throw new Error('usage: childBranch.ts <dataDir>')
const offset = Number(process.env.CLOCK_START ?? Date.now()) - Date.now()
const hub = await startHub({
  dataDir,
  host: '127.0.0.1',
  port: 0,
  demo: true,
  rendererDir: null,
  clock: { now: () => Date.now() + offset },
  estimator: peopleAheadEstimator(DEMO_BRANCH),
  authAttemptsPerMinute: 10_000,
})
process.stdout.write(`READY ${hub.url}\n`)
