import { join } from 'node:path'

/** Where the shell reads and writes on this PC. */
export interface ShellPaths {
  /** The hub's data: branch configuration, daily journals, history (backed up as a folder). */
  readonly dataDir: string
  /** This PC's terminal configuration (roles, monitors, hub address, device token). */
  readonly configFile: string
  readonly logDir: string
  /** The built renderer the in-process hub serves. */
  readonly rendererDir: string
  /** The built preload script every window gets. */
  readonly preloadFile: string
}

/**
 * The shell's paths. An installed app keeps everything under Electron's per-user `userData`
 * folder (`%APPDATA%\Branch Lobby` on Windows, `~/.config/Branch Lobby` on Linux), the hub's data
 * in its `data` folder. A development run (`npm start`) keeps it in the repository's `.data/`,
 * which git ignores. The terminal configuration sits beside the hub's data, not inside it, so
 * restoring a branch's data on another PC does not copy this PC's identity and device token.
 *
 * @example
 * shellPaths({ isPackaged: false, userDataDir: '/home/a/.config/Branch Lobby', appPath: '/src/branch-lobby' }).dataDir
 * //=> '/src/branch-lobby/.data'
 */
export function shellPaths(where: { isPackaged: boolean; userDataDir: string; appPath: string }): ShellPaths {
  const home = where.isPackaged ? where.userDataDir : join(where.appPath, '.data')
  return {
    dataDir: where.isPackaged ? join(home, 'data') : home,
    configFile: join(home, 'terminal.json'),
    logDir: join(home, 'logs'),
    rendererDir: join(where.appPath, 'out', 'renderer'),
    preloadFile: join(where.appPath, 'out', 'preload', 'index.cjs'),
  }
}
