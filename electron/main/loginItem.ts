import { join } from 'node:path'

/** How the shell makes itself start at login on this platform, or why it does not. */
export type LoginItemPlan =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'loginItem'; readonly openAtLogin: boolean }
  | { readonly kind: 'xdgAutostart'; readonly file: string; readonly contents: string | null }

export interface LoginItemFacts {
  readonly platform: string
  readonly isPackaged: boolean
  readonly demo: boolean
  readonly startAtLogin: boolean
  /** The running executable (`process.execPath`). */
  readonly execPath: string
  /** Set when running from an AppImage (`process.env.APPIMAGE`): the file to start, not the mount. */
  readonly appImagePath: string | undefined
  /** `$XDG_CONFIG_HOME`, or `~/.config`. */
  readonly configHome: string
}

/**
 * The start-at-login registration for this run. Windows and macOS use Electron's login item
 * (the NSIS per-user install keeps the executable's path stable). Electron has no login item on
 * Linux, so the shell writes an XDG autostart entry; from an AppImage that entry must start the
 * AppImage file, because `execPath` is inside a mount that disappears when the app quits.
 * A development run or the demo never registers itself.
 *
 * @example
 * planLoginItem({ ...facts, platform: 'win32', startAtLogin: true }) //=> { kind: 'loginItem', openAtLogin: true }
 */
export function planLoginItem(facts: LoginItemFacts): LoginItemPlan {
  if (!facts.isPackaged) return { kind: 'none', reason: 'a development run does not start at login' }
  if (facts.demo) return { kind: 'none', reason: 'the demo does not start at login' }
  if (facts.platform === 'win32' || facts.platform === 'darwin') {
    return { kind: 'loginItem', openAtLogin: facts.startAtLogin }
  }
  if (facts.platform !== 'linux') return { kind: 'none', reason: `no start-at-login support on ${facts.platform}` }
  const file = join(facts.configHome, 'autostart', 'branch-lobby.desktop')
  if (!facts.startAtLogin) return { kind: 'xdgAutostart', file, contents: null }
  const exec = quoteDesktopExec(facts.appImagePath ?? facts.execPath)
  const contents = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Branch Lobby',
    'Comment=Queue kiosk, counters and lobby display of the branch',
    `Exec=${exec}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n')
  return { kind: 'xdgAutostart', file, contents }
}

/**
 * An executable path quoted for a desktop entry's `Exec` key (the freedesktop rules: double
 * quotes around the path, with `"`, `` ` ``, `$` and `\` escaped, and `%` doubled because it
 * starts a field code).
 *
 * @example
 * quoteDesktopExec('/opt/Branch Lobby/branch-lobby') //=> '"/opt/Branch Lobby/branch-lobby"'
 */
export function quoteDesktopExec(path: string): string {
  return `"${path.replace(/[\\"`$]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`
}
