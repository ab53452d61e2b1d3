// `npm start`: the desktop app where Electron can run, otherwise the same demo branch in the
// browser. Electron is an optional dependency whose install script npm never runs (package.json
// "allowScripts"), so `npm install` works on any machine; its binary is fetched here, once, on
// the first start of a machine that can download it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { buildFreshness, freshnessLine, recordBuild, type BuildTarget } from './buildFreshness'
import { browserHubArgs, desktopOrBrowser, hubFlags, noDisplay, type ElectronProbe } from './startMode'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

/** Where Electron's binary is, or why there is none or it could not show a window. */
function probeElectron(): ElectronProbe {
  // Checked first: with no display there is nothing to download the binary for.
  if (noDisplay(process.platform, process.env)) return { kind: 'noDisplay' }
  let packageDir: string
  try {
    packageDir = join(require.resolve('electron/package.json', { paths: [root] }), '..')
  } catch {
    return { kind: 'noPackage' }
  }
  const binary = (): string | null => {
    try {
      // The electron package's main answers the binary's path, or throws when it is not there.
      const path = require(packageDir) as unknown
      return typeof path === 'string' && existsSync(path) ? path : null
    } catch {
      return null
    }
  }
  const found = binary()
  if (found !== null) return { kind: 'ready', binary: found }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { kind: 'skipped' }
  console.log("branch-lobby: fetching Electron's binary for this machine (once)…")
  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 600_000,
  })
  const fetched = install.status === 0 ? binary() : null
  if (fetched !== null) return { kind: 'ready', binary: fetched }
  const detail = `${install.stderr ?? ''}${install.error?.message ?? ''}`
  return { kind: 'downloadFailed', detail: firstLine(detail) }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? 'no detail'
  )
}

function run(command: string, args: readonly string[]): void {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const mode = desktopOrBrowser(probeElectron())
const bin = (name: string): string => join(root, 'node_modules', '.bin', name)
const at = (...paths: string[]): string[] => paths.map((p) => join(root, p))
const deps = ['package.json', 'package-lock.json']
const SCREENS: BuildTarget = {
  name: 'the screens',
  inputs: at('renderer', 'shared', 'vite.config.ts', ...deps),
  output: join(root, 'out/renderer/index.html'),
  stamp: join(root, 'out/.screens-built'),
}
const SHELL: BuildTarget = {
  name: "the desktop shell's files",
  inputs: at('electron', 'hub', 'shared', 'hardware', 'server', 'electron.vite.config.ts', ...deps),
  output: join(root, 'out/main/index.js'),
  stamp: join(root, 'out/.shell-built'),
}
const rebuild = process.argv.includes('--rebuild')

/** Builds `target` unless its last build is up to date with its sources; says which, either way. */
function build(target: BuildTarget, command: string, args: readonly string[]): void {
  const freshness = buildFreshness(target, root)
  console.log(freshnessLine(target.name, freshness, rebuild))
  if (freshness.current && !rebuild) return
  const startedAt = Date.now()
  run(command, args)
  recordBuild(target, startedAt)
}
// `npm start -- --verbose` (every log line here), `-- --host 0.0.0.0` (phones reach the status page),
// `-- --rebuild` (build the screens even when they are up to date with their sources) and, in the
// browser mode, `-- --log-format json` (the log's JSON lines here, for a program).
const flags = hubFlags(process.argv)
build(SCREENS, bin('vite'), ['build', '--logLevel', 'warn'])
if (mode.kind === 'desktop') {
  if (flags.includes('--host')) console.log('branch-lobby: --host is for the browser mode; the desktop app ignores it')
  build(SHELL, bin('electron-vite'), ['build', '--logLevel', 'warn'])
  const app = spawn(mode.binary, ['.', ...flags.filter((f) => f === '--verbose')], { cwd: root, stdio: 'inherit' })
  app.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(mode.why)
  const hub = spawn(bin('tsx'), browserHubArgs(process.argv), {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  const stop = (): void => {
    hub.kill('SIGTERM')
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  hub.on('exit', (code) => process.exit(code ?? 0))
}
