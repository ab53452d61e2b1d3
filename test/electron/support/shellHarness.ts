import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startShell, type HubOptions, type RunningShell } from '../../../electron/main/shell'
import { resetElectron, screen, type FakeBrowserWindow, type FakeDisplay } from './fakeElectron'

export interface Started {
  readonly shell: RunningShell | null
  readonly hubStarts: HubOptions[]
  readonly hubCloses: () => number
  /** Terminals registered with the hub without pairing: [role, name]. */
  readonly registered: [string, string][]
  readonly userDataDir: string
  readonly appPath: string
  readonly configHome: string
  /** The Electron window behind a planned window. */
  window(key: string): FakeBrowserWindow
}

export interface StartOptions {
  readonly config?: unknown
  readonly packaged?: boolean
  readonly argv?: readonly string[]
  readonly displays?: FakeDisplay[]
  readonly hubUrl?: string
  /** The in-process hub's CA fingerprint (a hub serving TLS). */
  readonly caFingerprint?: string
  readonly hubFails?: boolean
  readonly gotLock?: boolean
}

/**
 * Starts the real shell against the fake Electron, with a temporary user-data folder and app
 * folder, and a stand-in hub that records how it was started and closed.
 */
export async function startTestShell(options: StartOptions = {}): Promise<Started> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'branch-lobby-userdata-'))
  const appPath = await mkdtemp(join(tmpdir(), 'branch-lobby-app-'))
  const configHome = join(userDataDir, 'xdg-config')
  resetElectron({ userDataDir, appPath, isPackaged: options.packaged ?? false })
  if (options.displays !== undefined) screen.displays = options.displays
  if (options.gotLock === false) (await import('./fakeElectron')).app.gotLock = false
  if (options.config !== undefined) {
    const home = options.packaged === true ? userDataDir : join(appPath, '.data')
    await mkdir(home, { recursive: true })
    await writeFile(join(home, 'terminal.json'), JSON.stringify(options.config))
  }
  const hubStarts: HubOptions[] = []
  const registered: [string, string][] = []
  let closes = 0
  const shell = await startShell({
    argv: options.argv ?? ['electron', '.'],
    platform: 'linux',
    env: { HOME: userDataDir, XDG_CONFIG_HOME: configHome, APPIMAGE: undefined },
    clock: () => Date.now(),
    echoLog: false,
    startHub: async (hubOptions) => {
      hubStarts.push(hubOptions)
      if (options.hubFails === true) throw new Error('listen EADDRINUSE: address already in use 0.0.0.0:8420')
      return {
        url: options.hubUrl ?? 'http://127.0.0.1:8420',
        caFingerprint: options.caFingerprint ?? null,
        close: async () => {
          closes += 1
        },
        registerLocalTerminal: async (role, name) => {
          registered.push([role, name])
          return `local-${role}-token`
        },
      }
    },
  })
  return {
    shell,
    hubStarts,
    hubCloses: () => closes,
    registered,
    userDataDir,
    appPath,
    configHome,
    window(key) {
      const w = shell?.windows.get(key)?.window
      if (w === undefined) throw new Error(`no window ${key}`)
      return w as unknown as FakeBrowserWindow
    },
  }
}
