// A hub in its own process, for the crash test: `tsx childHub.ts <dataDir>` prints "READY <url>".
import { startHub } from '../../../hub/startHub'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { peopleAheadEstimator } from './peopleAheadEstimator'

const dataDir = process.argv[2]
if (dataDir === undefined) throw new Error('usage: childHub.ts <dataDir>')
const hub = await startHub({
  dataDir,
  host: '127.0.0.1',
  port: 0,
  demo: true,
  rendererDir: null,
  estimator: peopleAheadEstimator(DEMO_BRANCH),
  authAttemptsPerMinute: 10_000,
})
process.stdout.write(`READY ${hub.url}\n`)
