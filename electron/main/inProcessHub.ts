import { startHub } from '../../hub/startHub'
import type { HubOptions, RunningHub } from './shell'

/**
 * The hub in the desktop app's main process, as the shell uses it (the same way `npm run hub`
 * starts it): with its log, to rotating files under the data folder (`<userData>/data/logs`)
 * and, in a development run, to the console too.
 */
export async function startInProcessHub(options: HubOptions, logToConsole: boolean): Promise<RunningHub> {
  const hub = await startHub({ ...options, simulate: options.demo, log: { stderr: logToConsole } })
  return {
    url: hub.url,
    caFingerprint: hub.ca?.fingerprint ?? null,
    close: () => hub.close(),
    registerLocalTerminal: (role, name) => hub.context.paired.demoTerminal(role, name, hub.context.clock.now()),
  }
}
