// The hub without Electron: `npm run hub` (a branch's data folder) and `npm run demo`.
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { hashPin } from './auth/pinHash'
import { loadBranchFile } from './config/loadBranchFile'
import { DEMO_MANAGER, DEMO_STAFF } from './config/demoBranchFile'
import { DEMO_HISTORY_DAYS, demoHistoryToSeed, seedDemoHistory } from './demo/demoHistory'
import { demoHoursLine, phoneLine, whereLinksOpen, withHostCommand } from './demo/demoLinks'
import { localDate } from '../shared/domain/localTime'
import { nodeFileSystem } from './persistence/nodeFileSystem'
import { terminalLevel } from './log/hubLog'
import { terminalFormat } from './log/terminalLines'
import { startHub } from './startHub'
import type { HubContext } from './api/context'
import { readStdin } from '../server/readStdin'
import { errorText } from '../shared/util/errorText'

const USAGE = `usage:
  npm run hub -- [--data DIR] [--host ADDRESS] [--port PORT] [--demo] [--renderer DIR] [--verbose] [--debug]
                [--log-format readable|json]
                                     (the log: DIR/logs/hub.YYYY-MM-DD.N.log, JSON lines; the terminal shows its
                                     warnings and errors, --verbose every line of it, --debug every read too:
                                     readable in a terminal, JSON lines when stderr is not one or with --log-format json)
  npm run demo                       the demo branch with simulated customers (data in .data/demo)
  --open kiosk                       with --demo: open the kiosk in the default browser, where there is one
  npm run hub -- set-pin STAFF_ID [--data DIR]
                                     set a PIN (read from stdin) in DIR/branch.json (a running hub: restart it)`

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
      verbose: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      'log-format': { type: 'string' },
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
  const format = terminalFormat(values['log-format'], process.stderr.isTTY === true)
  if (format === undefined) throw new Error(`--log-format ${values['log-format']} is neither readable nor json`)
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
    // The log goes to rotating files under DIR/logs and, what a person must see, to the
    // terminal (docs/installing.md).
    log: { stderr: terminalLevel(values), stderrFormat: format, level: values.debug ? 'debug' : 'info' },
  })
  const ctx = hub.context
  const url = hub.url
  console.log(`branch-lobby hub for ${ctx.branch().name.en} at ${url}`)
  console.log(`  data: ${dataDir}`)
  console.log(
    `  log:  ${join(dataDir, 'logs')} (JSON lines; this terminal shows ${
      values.debug || values.verbose ? 'every line' : 'warnings and errors'
    })`,
  )
  if (values.demo) {
    const now = ctx.clock.now()
    // The same two terminals and links at every start (not two more in the manager's list).
    const kiosk = await ctx.paired.demoTerminal('kiosk', 'Demo kiosk', now)
    const display = await ctx.paired.demoTerminal('display', 'Demo lobby display', now)
    const counters = ctx.branch().counters
    console.log(`\n  Kiosk (取号机):          ${url}/#/kiosk?token=${kiosk}`)
    console.log(`  Lobby display (综合屏):  ${url}/#/display?token=${display}`)
    for (const c of counters.slice(0, 2)) {
      const s = DEMO_STAFF[c.number - 1]
      console.log(`  Counter ${c.number} (窗口):       ${url}/#/counter/${c.id}   sign in ${s?.id} / PIN ${s?.pin}`)
    }
    console.log(`  Manager (大堂经理):      ${url}/#/manager   sign in ${DEMO_MANAGER.id} / PIN ${DEMO_MANAGER.pin}`)
    // the hint names the command this hub was started with (npm start, npm run demo or hub)
    const restart = withHostCommand(process.env.npm_lifecycle_event, process.argv.slice(2))
    console.log(`  ${phoneLine(ctx.customerAddress(), restart)}`)
    if (values.open === 'kiosk')
      await openInBrowser(`${url}/#/kiosk?token=${kiosk}`, whereLinksOpen(ctx.customerAddress()))
    if (values.simulate) console.log(`\n  ${demoHoursLine(ctx.config.data, counters.slice(2), ctx.clock.now())}`)
  }
  if (values.demo) await seedInBackground(ctx, dataDir)
  console.log('\n  Ctrl+C stops the hub.')
  // Said on the terminal as well as in the log: a person who pressed Ctrl+C sees that the hub
  // heard it, and when it is safe to start it again (the journal closed, the port free).
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    // A second Ctrl+C (or npm start's SIGTERM after the terminal's SIGINT) while stopping: once is enough.
    if (stopping) return
    stopping = true
    console.log(`\n  Stopping the hub (${signal})…`)
    await hub.close(signal)
    console.log(`branch-lobby hub stopped (${signal}); its data is saved in ${dataDir}.`)
    process.exit(0)
  }
  process.on('SIGINT', (signal) => void stop(signal))
  process.on('SIGTERM', (signal) => void stop(signal))
}

/**
 * A fresh demo (or one stopped while seeding): a month of simulated history, so day reports,
 * trends, staffing advice and estimate honesty show data from the first visit. The days are
 * simulated on a thread of their own, after the links are up: the kiosk and counters answer at
 * once meanwhile. A seeding that fails is said, and the hub goes on without it.
 */
async function seedInBackground(ctx: HubContext, dataDir: string): Promise<void> {
  const history = { reports: ctx.reports, fs: nodeFileSystem, dataDir }
  const stopped = (e: unknown) => console.error(`  The simulated history stopped: ${errorText(e)}`)
  const toSeed = await demoHistoryToSeed(history).catch((e: unknown) => {
    stopped(e)
    return false
  })
  if (!toSeed) return
  console.log(
    `\n  Simulating the last ${DEMO_HISTORY_DAYS} days of the branch for the manager's reports, in the background (once, about a minute); days appear in the reports as they are done…`,
  )
  const cfg = ctx.config.data
  const started = performance.now()
  void seedDemoHistory(history, cfg, localDate(ctx.clock.now(), cfg.utcOffsetMinutes), {
    onProblem: (message) => console.error(`  ${message}`),
    // Nothing is lost (the kept days stay), but the month takes as long again: say why.
    onStartOver: (why) => {
      const message = `The simulated history starts again from the month's first day: ${why}`
      ctx.log.info({ event: 'demo.historyStartedOver', why }, message)
      console.log(`  ${message}.`)
    },
  }).then(
    // the live estimates learn from the month, as a branch's learn from its recent weeks
    async (added) => {
      await ctx.learnFromRecentDays()
      console.log(
        `  The simulated history is ready: ${added} opening days added to the reports (${Math.round((performance.now() - started) / 1000)} s).`,
      )
    },
    stopped,
  )
}

/** Opens a page in the default browser; says so instead where there is no screen to open it on. */
async function openInBrowser(url: string, where: string): Promise<void> {
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
  if (process.env.BROWSER === 'none' || headless) {
    console.log(`\n  (No browser opened: no desktop here. Open the links above ${where}.)`)
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
  const db = await loadBranchFile(nodeFileSystem, path, null, { info: (_fields, message) => console.log(message) })
  if (!db.data.staff.some((s) => s.id === staffId)) throw new Error(`No staff member '${staffId}' in ${path}`)
  const pin = (await readStdin()).trim()
  if (!/^[0-9]{4,8}$/.test(pin)) throw new Error('A PIN is 4 to 8 digits')
  const pinHash = await hashPin(pin)
  await db.update((d) => {
    d.staff = d.staff.map((s) => (s.id === staffId ? { ...s, pinHash } : s))
  })
  // The hub reads its staff when it starts: a running hub keeps the old PIN until restarted.
  console.log(`PIN of ${staffId} updated in ${path}; a hub already running uses it after a restart`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
