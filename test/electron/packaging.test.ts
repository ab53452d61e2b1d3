import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration, TargetConfiguration } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shellPaths } from '../../electron/main/shellPaths'

const root = resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string
  type: string
  dependencies: Record<string, string>
  optionalDependencies: Record<string, string>
}

let config: Configuration
let built: string

beforeAll(async () => {
  // The configuration exactly as electron-builder reads it (YAML, defaults, package.json merge).
  config = await getConfig(root, join(root, 'electron-builder.yml'), null)
  // A real build of main and preload, into a temporary folder instead of out/.
  built = mkdtempSync(join(tmpdir(), 'branch-lobby-build-'))
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', built, '--logLevel', 'error'],
    { cwd: root, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  )
}, 120_000)

afterAll(() => {
  rmSync(built, { recursive: true, force: true })
})

/** The targets of a platform as [name, architectures]. */
function targets(list: unknown): [string, string[]][] {
  return (list as TargetConfiguration[]).map((t) => [t.target, (t.arch as string[] | undefined) ?? []])
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('is rejected by that validation when an option is misspelt (the check can fail)', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, oneClik: true } } as Configuration
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow('Invalid configuration')
  })

  it('names the product and builds NSIS for Windows, AppImage and deb for Linux', () => {
    expect([config.appId, config.productName, config.executableName]).toEqual([
      'cn.branchlobby.terminal',
      'Branch Lobby',
      'branch-lobby',
    ])
    expect(targets(config.win?.target)).toEqual([['nsis', ['x64']]])
    expect(targets(config.linux?.target)).toEqual([
      ['AppImage', ['x64']],
      ['deb', ['x64']],
    ])
  })

  it('rebuilds serialport’s native binding for Electron and unpacks it from the archive', () => {
    expect(pkg.dependencies).toHaveProperty('serialport')
    expect(config.npmRebuild).toBe(true)
    expect(config.buildDependenciesFromSource).toBe(true)
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
  })

  it('never deletes the branch’s data on uninstall and installs without administrator rights', () => {
    expect(config.nsis).toMatchObject({ deleteAppDataOnUninstall: false, perMachine: false, oneClick: true })
  })

  it('flips the fuses that stop the binary running other code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('names the Electron version of package.json (Electron is optional there, so it cannot be read from it)', () => {
    expect(config.electronVersion).toBe(pkg.optionalDependencies.electron)
  })

  it('finds its icon in the build resources', () => {
    const icon = readFileSync(join(root, 'build', 'icon.png'))
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512])
  })
})

describe('the build that electron-builder packs', () => {
  it('produces the entry package.json names as main', () => {
    expect(pkg.main).toBe('out/main/index.js')
    expect(existsSync(join(built, 'main', 'index.js'))).toBe(true)
  })

  it('builds main as an ES module, which Electron loads for a "type": "module" package', () => {
    expect(pkg.type).toBe('module')
    const main = readFileSync(join(built, 'main', 'index.js'), 'utf8')
    expect(main).toMatch(/^import .* from "electron";$/m)
    expect(main).not.toMatch(/\brequire\(/)
  })

  it('builds the preload where main looks for it, as one CommonJS file needing only electron (sandbox)', () => {
    const expected = shellPaths({ isPackaged: true, userDataDir: '/u', appPath: '/app' }).preloadFile
    expect(expected).toBe('/app/out/preload/index.cjs')
    const preload = readFileSync(join(built, 'preload', 'index.cjs'), 'utf8')
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(readdirSync(join(built, 'preload')).filter((f) => !f.endsWith('.map'))).toEqual(['index.cjs'])
  })

  it('packs only folders that a build produces', async () => {
    // electron-builder normalises `files` into file sets with filters.
    const sets = config.files as { filter: string[] }[]
    const patterns = sets.flatMap((set) => set.filter).filter((p) => !p.startsWith('!'))
    expect(patterns).toEqual(['package.json', 'out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*'])
    expect(existsSync(join(built, 'main'))).toBe(true)
    expect(existsSync(join(built, 'preload'))).toBe(true)
    // out/renderer is the renderer's Vite build (vite.config.ts), which the hub serves.
    const vite = (await import('../../vite.config')).default as { build?: { outDir?: string } }
    expect(vite.build?.outDir).toBe(join(root, 'out', 'renderer'))
    expect(shellPaths({ isPackaged: true, userDataDir: '/u', appPath: root }).rendererDir).toBe(vite.build?.outDir)
  })
})
