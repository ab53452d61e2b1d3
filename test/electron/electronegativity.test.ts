import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const script = join(root, 'scripts', 'electronegativity.mjs')

interface Issue {
  id: string
  severity: string
  confidence: string
  file: string
  line: number
  description: string
  manualReview: boolean
}
interface ParseError {
  file: string
  message: string
  tolerable: boolean
}
interface ScriptModule {
  EXCLUDED_CHECKS: string[]
  verdict(issues: Issue[], errors: ParseError[]): { ok: boolean; blocking: Issue[]; unparsed: ParseError[] }
  countBySeverity(issues: Issue[]): [string, number][]
}

/** Runs the script as CI does; its exit code is the verdict. */
function run(...inputs: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [script, ...inputs], { cwd: root, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, output: `${r.stdout}${r.stderr}` }
}

const issue = (severity: string, file = 'electron/main/shell.ts'): Issue => ({
  id: 'SOME_CHECK',
  severity,
  confidence: 'FIRM',
  file,
  line: 1,
  description: '',
  manualReview: false,
})

let mod: ScriptModule
let insecure: string

beforeAll(async () => {
  mod = (await import(pathToFileURL(script).href)) as ScriptModule
  // A main process with the classic mistakes: Node in the page, no isolation, no sandbox, no guards.
  insecure = mkdtempSync(join(tmpdir(), 'insecure-electron-'))
  writeFileSync(
    join(insecure, 'main.js'),
    [
      "const { app, BrowserWindow } = require('electron')",
      'app.whenReady().then(() => {',
      '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })',
      "  win.loadURL('http://example.com/')",
      '  win.webContents.session.setCertificateVerifyProc((request, callback) => callback(0))',
      '})',
    ].join('\n'),
  )
})

afterAll(() => {
  rmSync(insecure, { recursive: true, force: true })
})

describe('verdict', () => {
  it('fails on any high or medium finding and passes low and informational ones', () => {
    expect(mod.verdict([issue('LOW'), issue('INFORMATIONAL')], []).ok).toBe(true)
    expect(mod.verdict([issue('MEDIUM')], []).blocking).toHaveLength(1)
    expect(mod.verdict([issue('HIGH'), issue('LOW')], []).ok).toBe(false)
  })

  it('fails when a shell file could not be parsed, since it was not checked', () => {
    const unparsed = { file: 'electron/main/shell.ts', message: 'Unexpected token', tolerable: false }
    expect(mod.verdict([], [unparsed]).ok).toBe(false)
    expect(mod.verdict([], [{ ...unparsed, tolerable: true }]).ok).toBe(true)
    expect(mod.verdict([], [{ ...unparsed, file: 'hub/api/app.ts' }]).ok).toBe(true)
  })

  it('passes a reviewed finding only in the file its review covers', () => {
    const pinning = { ...issue('MEDIUM', 'electron/main/security.ts'), id: 'CERTIFICATE_VERIFY_PROC_JS_CHECK' }
    expect(mod.verdict([pinning], []).ok).toBe(true)
    expect(mod.verdict([{ ...pinning, file: 'out/main/index.js' }], []).ok).toBe(true)
    expect(mod.verdict([{ ...pinning, file: 'electron/main/shell.ts' }], []).ok).toBe(false)
    expect(mod.verdict([{ ...pinning, id: 'SOME_CHECK' }], []).ok).toBe(false)
    expect(mod.countBySeverity([pinning])[1]).toEqual(['MEDIUM', 0])
  })

  it('counts findings by severity, highest first', () => {
    expect(mod.countBySeverity([issue('LOW'), issue('HIGH'), issue('LOW')])).toEqual([
      ['HIGH', 1],
      ['MEDIUM', 0],
      ['LOW', 2],
      ['INFORMATIONAL', 0],
    ])
  })

  it('leaves out only the check that needs the network', () => {
    expect(mod.EXCLUDED_CHECKS).toEqual(['AvailableSecurityFixesGlobalCheck'])
  })
})

describe('scripts/electronegativity.mjs', () => {
  it('fails an insecure main process, naming the findings', () => {
    const r = run(insecure)
    expect(r.status).toBe(1)
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'CSP_GLOBAL_CHECK',
      'CERTIFICATE_VERIFY_PROC_JS_CHECK',
    ]) {
      expect(r.output).toContain(id)
    }
    expect(r.output).toContain('FAIL:')
  }, 60_000)

  it('passes the shell’s own sources offline, with no high or medium finding', () => {
    const r = run(join(root, 'electron'))
    expect(r.output).toMatch(/findings: 0 high, 0 medium/)
    expect(r.status).toBe(0)
  }, 60_000)
})
