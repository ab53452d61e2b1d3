import { assertNever } from '../shared/util/assertNever'

/** What `npm start` found of Electron on this machine. */
export type ElectronProbe =
  | { readonly kind: 'ready'; readonly binary: string }
  /** The optional `electron` package is not installed at all. */
  | { readonly kind: 'noPackage' }
  /** ELECTRON_SKIP_BINARY_DOWNLOAD is set: the binary is not to be fetched. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'downloadFailed'; readonly detail: string }

export type StartMode =
  | { readonly kind: 'desktop'; readonly binary: string }
  /** `why` is the one line that tells the user why they get the browser instead. */
  | { readonly kind: 'browser'; readonly why: string }

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
    default:
      return assertNever(probe, 'Electron probe')
  }
}
