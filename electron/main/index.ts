/**
 * The Electron main process entry (built to out/main/index.js, package.json `main`). It only
 * connects the shell to the hub and to this process; everything else is in ./shell.ts and the
 * plain decision modules beside it.
 */
import { app } from 'electron'
import { terminalLevel } from '../../hub/startHub'
import { startInProcessHub } from './inProcessHub'
import { startShell } from './shell'
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

startShell({
  argv: process.argv,
  platform: process.platform,
  env: { APPIMAGE: process.env.APPIMAGE, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, HOME: process.env.HOME },
  // A development run shows the hub's warnings in its terminal (`npm start -- --verbose`: every line).
  startHub: (options) =>
    startInProcessHub(
      options,
      app.isPackaged ? null : terminalLevel({ verbose: process.argv.includes('--verbose'), debug: false }),
    ),
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
