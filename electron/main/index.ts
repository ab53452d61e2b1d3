/**
 * The Electron main process entry (built to out/main/index.js, package.json `main`). It only
 * connects the shell to the hub and to this process; everything else is in ./shell.ts and the
 * plain decision modules beside it.
 */
import { app } from 'electron'
import { startHub } from '../hub/startHub'
import { startShell, type HubOptions, type RunningHub } from './shell'
import type { TerminalLog } from './terminalLog'

let log: TerminalLog | null = null

// A main-process exception must not put Electron's error dialog in front of a kiosk: log it and
// keep serving. Windows recover on their own; the hub's own failures are its to handle.
process.on('uncaughtException', (error) => {
  if (log === null) console.error('branch-lobby: uncaught exception', error)
  else log.error('main.uncaught-exception', { error })
})
process.on('unhandledRejection', (reason) => {
  const error = reason instanceof Error ? reason : new Error(String(reason))
  if (log === null) console.error('branch-lobby: unhandled rejection', error)
  else log.error('main.unhandled-rejection', { error })
})

/** The hub in this process, as the shell uses it (the same way `npm run hub` starts it). */
async function startInProcessHub(options: HubOptions): Promise<RunningHub> {
  const hub = await startHub({ ...options, simulate: options.demo, logger: false })
  return {
    url: hub.url,
    close: () => hub.close(),
    registerLocalTerminal: (role, name) => hub.context.paired.register(role, name, hub.context.clock.now()),
  }
}

startShell({
  argv: process.argv,
  platform: process.platform,
  env: { APPIMAGE: process.env.APPIMAGE, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, HOME: process.env.HOME },
  startHub: startInProcessHub,
  clock: () => Date.now(),
  echoLog: !app.isPackaged,
})
  .then((shell) => {
    log = shell?.log ?? null
  })
  .catch((error: unknown) => {
    console.error('branch-lobby: the shell could not start', error)
    app.exit(1)
  })
