// The hub in its own process for the load benchmark: prints "READY <url>". With "tls" it serves
// HTTPS and WSS on loopback (network.tls "on") and writes its CA to <dataDir>/bench-ca.pem for
// the benchmark's clients.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startHub } from '../../hub/startHub'

const dataDir = process.argv[2]
const protection = process.argv[3] ?? 'plain'
if (dataDir === undefined || (protection !== 'tls' && protection !== 'plain'))
  throw new Error('usage: benchHub.ts <dataDir> [tls|plain]')
const hub = await startHub({
  dataDir,
  host: '127.0.0.1',
  port: 0,
  demo: true,
  rendererDir: null,
  authAttemptsPerMinute: 100_000,
  tls: protection === 'tls' ? 'on' : 'auto',
})
if (hub.ca !== null) await writeFile(join(dataDir, 'bench-ca.pem'), hub.ca.certificate)
process.stdout.write(`READY ${hub.url}\n`)
// SIGINT ends the process normally, so a CPU profile (when asked for) is written.
process.on('SIGINT', () => void hub.close().then(() => process.exit(0)))
