import { startHub, type HubLogLevel } from '../../hub/startHub'
import type { HubOptions, RunningHub } from './shell'

/**
 * The hub in the desktop app's main process, as the shell uses it (the same way `npm run hub`
 * starts it): with its log, to rotating files under the data folder (`<userData>/data/logs`)
 * and, in a development run, its lines at `consoleLevel` and up to the console too.
 */
export async function startInProcessHub(options: HubOptions, consoleLevel: HubLogLevel | null): Promise<RunningHub> {
  const log = consoleLevel === null ? {} : { stderr: consoleLevel }
  const hub = await startHub({ ...options, simulate: options.demo, log })
  return {
    url: hub.url,
    caFingerprint: hub.ca?.fingerprint ?? null,
    close: () => hub.close(),
    registerLocalTerminal: (role, name) => hub.context.paired.demoTerminal(role, name, hub.context.clock.now()),
  }
}
