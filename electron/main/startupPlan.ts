import { parseTerminalConfig } from '../../shared/desktop/parseTerminalConfig'
import type { ConfigProblem, TerminalConfig } from '../../shared/desktop/terminalConfig'

/** What reading `terminal.json` found. */
export type ConfigFileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly error: string }
  | { readonly kind: 'found'; readonly json: unknown }

export interface LaunchFlags {
  /** `--demo`: run the built-in demo branch whatever the configuration says. */
  readonly demo: boolean
  /** `--setup`: open the setup screen instead of the terminal (a technician's shortcut). */
  readonly setup: boolean
}

export type Startup =
  | { readonly mode: 'demo'; readonly config: TerminalConfig }
  | { readonly mode: 'configured'; readonly config: TerminalConfig }
  | {
      readonly mode: 'setup'
      readonly reason: 'missing' | 'invalid' | 'requested'
      readonly problems: readonly ConfigProblem[]
      /** The saved configuration when it is valid (setup was asked for), to edit it. */
      readonly config: TerminalConfig | null
    }

/**
 * The demo terminal: the hub in-process with the demo branch, and a kiosk, the lobby display and
 * two counters as ordinary windows tiled on the first monitor, so a developer's desktop stays
 * usable. `npm start` runs it when there is no terminal configuration.
 */
export const DEMO_TERMINAL: TerminalConfig = {
  version: 1,
  terminalName: 'Demo terminal',
  hub: { mode: 'host', bindAddress: '127.0.0.1', port: 0 },
  screens: [
    { role: { kind: 'kiosk' }, monitor: 1 },
    { role: { kind: 'display' }, monitor: 1 },
    { role: { kind: 'counter', counterId: 'c1' }, monitor: 1 },
    { role: { kind: 'counter', counterId: 'c2' }, monitor: 1 },
  ],
  kioskMode: 'windowed',
  startAtLogin: false,
}

/**
 * The launch flags from the command line.
 *
 * @example
 * parseLaunchFlags(['/opt/branch-lobby/branch-lobby', '--setup']) //=> { demo: false, setup: true }
 */
export function parseLaunchFlags(argv: readonly string[]): LaunchFlags {
  return { demo: argv.includes('--demo'), setup: argv.includes('--setup') }
}

/**
 * How the shell starts. With a valid configuration it runs it. Without one, a development run
 * (`npm start`) runs the demo branch and an installed app opens the setup screen; a broken file
 * also opens setup, with the problems listed, and is never overwritten until setup saves.
 *
 * @example
 * decideStartup({ kind: 'missing' }, false, { demo: false, setup: false }).mode //=> 'demo'
 * decideStartup({ kind: 'missing' }, true, { demo: false, setup: false }).mode //=> 'setup'
 */
export function decideStartup(read: ConfigFileRead, isPackaged: boolean, flags: LaunchFlags): Startup {
  if (flags.demo) return { mode: 'demo', config: DEMO_TERMINAL }
  if (read.kind === 'unreadable') {
    return { mode: 'setup', reason: 'invalid', problems: [{ path: '', message: read.error }], config: null }
  }
  if (read.kind === 'missing') {
    if (flags.setup || isPackaged) {
      return { mode: 'setup', reason: flags.setup ? 'requested' : 'missing', problems: [], config: null }
    }
    return { mode: 'demo', config: DEMO_TERMINAL }
  }
  const parsed = parseTerminalConfig(read.json)
  if (!parsed.ok) return { mode: 'setup', reason: 'invalid', problems: parsed.error, config: null }
  if (flags.setup) return { mode: 'setup', reason: 'requested', problems: [], config: parsed.value }
  return { mode: 'configured', config: parsed.value }
}

/** Where the windows' hub is: started in this process, or another PC's. */
export type HubPlan =
  | { readonly kind: 'inProcess'; readonly host: string; readonly port: number; readonly demo: boolean }
  | { readonly kind: 'remote'; readonly url: string }

/**
 * The hub for a startup. The setup screen is served by a hub on this PC, on loopback only, even
 * for a PC that will connect elsewhere: the renderer always comes from a hub, and a PC being
 * set up is not yet something other PCs should reach. Setup of a hosting PC keeps its port.
 *
 * @example
 * hubPlanFor({ mode: 'demo', config: DEMO_TERMINAL }) //=> { kind: 'inProcess', host: '127.0.0.1', port: 0, demo: true }
 */
export function hubPlanFor(startup: Startup): HubPlan {
  if (startup.mode === 'setup') {
    const hub = startup.config?.hub
    return { kind: 'inProcess', host: '127.0.0.1', port: hub?.mode === 'host' ? hub.port : 0, demo: false }
  }
  const hub = startup.config.hub
  if (hub.mode === 'connect') return { kind: 'remote', url: hub.url }
  return { kind: 'inProcess', host: hub.bindAddress, port: hub.port, demo: startup.mode === 'demo' }
}

/**
 * The origin this PC's windows load a hub from. A hub bound to every interface reports
 * `0.0.0.0`, which is not an address a browser can open, so local windows use loopback.
 *
 * @example
 * localHubOrigin('http://0.0.0.0:8420/') //=> 'http://127.0.0.1:8420'
 * localHubOrigin('http://192.168.1.20:8420') //=> 'http://192.168.1.20:8420'
 */
export function localHubOrigin(url: string): string {
  const parsed = new URL(url)
  if (parsed.hostname === '0.0.0.0') parsed.hostname = '127.0.0.1'
  if (parsed.hostname === '[::]') parsed.hostname = '[::1]'
  return parsed.origin
}
