// The hub in its own process for the load benchmark: prints "READY <url>".
import { startHub } from '../../hub/startHub'

const dataDir = process.argv[2]
if (dataDir === undefined) throw new Error('usage: benchHub.ts <dataDir>')
const hub = await startHub({
  dataDir,
  host: '127.0.0.1',
  port: 0,
  demo: true,
  rendererDir: null,
  authAttemptsPerMinute: 100_000,
})
process.stdout.write(`READY ${hub.url}\n`)
// SIGINT ends the process normally, so a CPU profile (when asked for) is written.
process.on('SIGINT', () => void hub.close().then(() => process.exit(0)))
