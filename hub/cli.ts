// The hub without Electron: `npm run hub` (a branch's data folder) and `npm run demo`.
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { hashPin } from './auth/pinHash'
import { branchFileProblems, ConfigError } from './config/loadBranchFile'
import { DEMO_MANAGER, DEMO_STAFF } from './config/demoBranchFile'
import { DurableJsonFile } from './persistence/durableJsonFile'
import { nodeFileSystem } from './persistence/nodeFileSystem'
import { startHub } from './startHub'
import { readStdin } from '../server/readStdin'
import { errorText } from '../shared/util/errorText'

const USAGE = `usage:
  npm run hub -- [--data DIR] [--host ADDRESS] [--port PORT] [--demo] [--renderer DIR] [--debug]
                                     (the log: stderr and DIR/logs/hub.YYYY-MM-DD.N.log; --debug logs every read)
  npm run demo                       the demo branch with simulated customers (data in .data/demo)
  --open kiosk                       with --demo: open the kiosk in the default browser, where there is one
  npm run hub -- set-pin STAFF_ID    set a PIN (read from stdin) in DIR/branch.json`

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', default: '.data/branch' },
      host: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      simulate: { type: 'boolean', default: false },
      renderer: { type: 'string', default: 'out/renderer' },
      open: { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const dataDir = resolve(values.data)
  if (positionals[0] === 'set-pin') {
    await setPin(dataDir, positionals[1])
    return
  }
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
    throw new Error(`--port ${values.port} is not a port`)
  const hub = await startHub({
    dataDir,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(port === undefined ? {} : { port }),
    demo: values.demo,
    rendererDir: resolve(values.renderer),
    simulate: values.simulate,
    // The log goes to the terminal and to rotating files under DIR/logs (docs/installing.md).
    log: { stderr: true, level: values.debug ? 'debug' : 'info' },
  })
  const ctx = hub.context
  const url = hub.url
  console.log(`branch-lobby hub for ${ctx.branch().name.en} at ${url}`)
  console.log(`  data: ${dataDir}`)
  if (values.demo) {
    const now = ctx.clock.now()
    const kiosk = await ctx.paired.register('kiosk', 'Demo kiosk', now)
    const display = await ctx.paired.register('display', 'Demo lobby display', now)
    const counters = ctx.branch().counters
    console.log(`\n  Kiosk (取号机):          ${url}/#/kiosk?token=${kiosk}`)
    console.log(`  Lobby display (综合屏):  ${url}/#/display?token=${display}`)
    for (const c of counters.slice(0, 2)) {
      const s = DEMO_STAFF[c.number - 1]
      console.log(`  Counter ${c.number} (窗口):       ${url}/#/counter/${c.id}   sign in ${s?.id} / PIN ${s?.pin}`)
    }
    console.log(`  Manager (大堂经理):      ${url}/#/manager   sign in ${DEMO_MANAGER.id} / PIN ${DEMO_MANAGER.pin}`)
    console.log(`  Phone status page: scan the QR code of a ticket`)
    if (values.open === 'kiosk') await openInBrowser(`${url}/#/kiosk?token=${kiosk}`)
    if (values.simulate) {
      console.log(
        `\n  Simulated customers arrive about every 25 s; counters ${counters
          .slice(2)
          .map((c) => c.number)
          .join(', ')} are worked by simulated tellers.`,
      )
    }
  }
  console.log('\n  Ctrl+C stops the hub.')
  const stop = async () => {
    await hub.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

/** Opens a page in the default browser; says so instead where there is no screen to open it on. */
async function openInBrowser(url: string): Promise<void> {
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
  if (process.env.BROWSER === 'none' || headless) {
    console.log('\n  (No browser opened: no desktop here. Open the links above from any browser on this network.)')
    return
  }
  try {
    const { default: open } = await import('open')
    await open(url)
    console.log('\n  The kiosk is open in your default browser.')
  } catch (e) {
    console.log(`\n  Could not open a browser (${errorText(e)}): open the links above.`)
  }
}

async function setPin(dataDir: string, staffId: string | undefined): Promise<void> {
  if (staffId === undefined) throw new Error(USAGE)
  const path = join(dataDir, 'branch.json')
  const branchFile = new DurableJsonFile<{ staff: { id: string; pinHash: string }[] }>(nodeFileSystem, path)
  const file = await branchFile.read()
  if (file === null) throw new ConfigError(path, ['the file does not exist'])
  const member = file.staff.find((s) => s.id === staffId)
  if (member === undefined) throw new Error(`No staff member '${staffId}' in ${path}`)
  const pin = (await readStdin()).trim()
  if (!/^[0-9]{4,8}$/.test(pin)) throw new Error('A PIN is 4 to 8 digits')
  member.pinHash = await hashPin(pin)
  const problems = branchFileProblems(file)
  if (problems.length > 0) throw new ConfigError(path, problems)
  await branchFile.write(file)
  console.log(`PIN of ${staffId} updated in ${path}`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
