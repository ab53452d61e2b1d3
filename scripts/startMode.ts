import { assertNever } from '../shared/util/assertNever'

/** What `npm start` found of Electron on this machine. */
export type ElectronProbe =
  | { readonly kind: 'ready'; readonly binary: string }
  /** The optional `electron` package is not installed at all. */
  | { readonly kind: 'noPackage' }
  /** ELECTRON_SKIP_BINARY_DOWNLOAD is set: the binary is not to be fetched. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'downloadFailed'; readonly detail: string }
  /** No display to open a window on (a server over SSH): Electron would start and fail. */
  | { readonly kind: 'noDisplay' }

export type StartMode =
  | { readonly kind: 'desktop'; readonly binary: string }
  /** `why` is the one line that tells the user why they get the browser instead. */
  | { readonly kind: 'browser'; readonly why: string }

/**
 * Whether this machine has no display for a window: on Linux and the other X11/Wayland systems,
 * neither `DISPLAY` nor `WAYLAND_DISPLAY` is set (a server, an SSH session). Windows and macOS
 * always have one for a logged-in user.
 *
 * @example
 * noDisplay('linux', {}) //=> true
 * noDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' }) //=> false
 * noDisplay('win32', {}) //=> false
 */
export function noDisplay(platform: string, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform === 'win32' || platform === 'darwin') return false
  return !env.DISPLAY && !env.WAYLAND_DISPLAY
}

/**
 * The desktop app where Electron's binary is there; otherwise the browser mode, with one line
 * saying why.
 *
 * @example
 * desktopOrBrowser({ kind: 'skipped' }).kind //=> 'browser'
 */
export function desktopOrBrowser(probe: ElectronProbe): StartMode {
  const browser = (reason: string): StartMode => ({
    kind: 'browser',
    why: `branch-lobby: ${reason}, so the demo branch starts in browser mode (the hub, with every screen in a browser).`,
  })
  switch (probe.kind) {
    case 'ready':
      return { kind: 'desktop', binary: probe.binary }
    case 'noPackage':
      return browser('Electron is not installed (it is an optional dependency)')
    case 'skipped':
      return browser("Electron's binary is not on this machine and ELECTRON_SKIP_BINARY_DOWNLOAD is set")
    case 'downloadFailed':
      return browser(`Electron's binary could not be downloaded (${probe.detail})`)
    case 'noDisplay':
      return browser('there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)')
    default:
      return assertNever(probe, 'Electron probe')
  }
}

/**
 * The flags of `npm start -- …` passed on to the browser mode's hub: `--verbose` (every log line
 * in the terminal) and `--host ADDRESS` (listen beyond this computer, so phones reach the status
 * page). Anything else is not the hub's.
 *
 * @example
 * hubFlags(['node', 'start.ts', '--host', '0.0.0.0', '--verbose']) //=> ['--host', '0.0.0.0', '--verbose']
 */
export function hubFlags(argv: readonly string[]): string[] {
  const at = argv.indexOf('--host')
  const host = at >= 0 ? argv[at + 1] : undefined
  return [
    ...(host === undefined || host.startsWith('--') ? [] : ['--host', host]),
    ...(argv.includes('--verbose') ? ['--verbose'] : []),
  ]
}

/** Where `npm start` keeps the demo branch's data (and its log, under `logs/`). */
export const DEMO_DATA = '.data/demo'

/**
 * The browser mode's hub command line: the demo branch with simulated customers, the kiosk opened,
 * the flags of `npm start -- …` (`hubFlags`), and the hub log readable in the terminal — a person
 * started it, and raw JSON lines among the start lines and links only confuse; the JSON lines are
 * in the log files under the data folder, whose path the hub prints. `--log-format json` keeps the
 * JSON lines in the terminal too (a program reading the output).
 *
 * @example
 * browserHubArgs(['node', 'start.ts']).slice(-2) //=> ['--log-format', 'readable']
 * browserHubArgs(['node', 'start.ts', '--log-format', 'json']).slice(-2) //=> ['--log-format', 'json']
 */
export function browserHubArgs(argv: readonly string[]): string[] {
  const at = argv.indexOf('--log-format')
  const format = at >= 0 && argv[at + 1] === 'json' ? 'json' : 'readable'
  return [
    'hub/cli.ts',
    '--demo',
    '--simulate',
    '--data',
    DEMO_DATA,
    '--open',
    'kiosk',
    ...hubFlags(argv),
    '--log-format',
    format,
  ]
}
