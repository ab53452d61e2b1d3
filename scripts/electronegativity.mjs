#!/usr/bin/env node
/* global console, process */
// Runs Electronegativity (@doyensec/electronegativity) on the Electron shell and fails on any
// HIGH or MEDIUM finding. The tool itself always exits 0, so this script uses its programmatic
// API, which returns the findings as data, prints a summary, and sets the exit code.
//
//   node scripts/electronegativity.mjs            scan electron/, then the built out/main + out/preload
//   node scripts/electronegativity.mjs <dir> ...  scan these instead (the tests use a fixture)
//
// The tool's global checks (is there a CSP, a navigation guard, a permission handler anywhere?)
// look at one input at a time, so the build's main and preload are scanned together, as one
// folder, and without out/renderer (the renderer is web content, not Electron code).
//
// What it checks (the Electron security checklist: 36 checks per file, 5 across files): BrowserWindow options
// (nodeIntegration, contextIsolation, sandbox, webSecurity, allowRunningInsecureContent,
// experimentalFeatures, enableBlinkFeatures, Auxclick, webviewTag / preload review), navigation
// limits (will-navigate + setWindowOpenHandler present), a permission request handler present, a
// Content-Security-Policy present and not weak, dangerous calls (eval-like, insertCSS /
// executeJavaScript with computed code, shell.openExternal), custom protocol handlers,
// certificate-error overrides, dangerous command-line switches, security warnings disabled.
import { createRequire } from 'node:module'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Electronegativity downloads fresh translations of its messages before every scan (and the
 * excluded release check downloads Electron's release list) with `got`, retrying for seconds
 * when offline. The scan itself needs no network, so its `got` is replaced by one that fails at
 * once: the tool falls back to its bundled English messages, and the run is the same with or
 * without network access.
 */
function keepOffline() {
  const engRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'))
  const gotPath = engRequire.resolve('got')
  const offline = () => Promise.reject(new Error('electronegativity runs offline'))
  offline.head = offline
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline }
}

/**
 * Checks left out, each with the reason. Nothing else is ignored.
 * - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from GitHub (with no
 *   timeout) to say whether a newer Electron has security fixes. Its answer depends on the day
 *   and on network access, which CI here does not have; Electron upgrades are tracked through
 *   the lockfile and `npm audit` instead.
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

/**
 * Findings that ask for a manual review ([review]) and had one, each tied to its check and the
 * one file it may appear in, with the review's conclusion. Anywhere else the same finding fails.
 * - CERTIFICATE_VERIFY_PROC_JS_CHECK flags every `setCertificateVerifyProc`, because it can
 *   opt out of TLS validation. Ours (electron/main/security.ts, bundled into out/main/index.js)
 *   makes it stricter: for the hub's host it accepts only certificates chained to the CA pinned
 *   at pairing (electron/main/hubCertificate.ts; test/electron/hubCertificate.test.ts refuses
 *   another CA, an expired certificate and a wrong name); every other host keeps Chromium's verdict.
 */
export const REVIEWED = [
  {
    id: 'CERTIFICATE_VERIFY_PROC_JS_CHECK',
    file: /^(electron\/main\/security\.ts|out\/main\/index\.js)$/,
  },
]

const isReviewed = (issue) => REVIEWED.some((r) => r.id === issue.id && r.file.test(issue.file))

/** Where parse failures fail the run: the shell's own code, which must be fully checked. */
const MUST_PARSE = [/^electron\/main\//, /^electron\/preload\//, /^out\/main\//, /^out\/preload\//]

const SEVERITY_ORDER = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']

/** The default inputs: the shell's sources, and its build when there is one. */
export function defaultInputs() {
  const built = ['main', 'preload'].map((d) => join(root, 'out', d)).filter((p) => existsSync(p))
  return [{ dir: join(root, 'electron'), shownAs: 'electron' }, ...(built.length > 0 ? [{ built }] : [])]
}

/** A temporary folder holding the built main and preload side by side, as `out/<name>`. */
function stageBuild(built) {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  for (const d of built) cpSync(d, join(dir, 'out', relative(join(root, 'out'), d)), { recursive: true })
  return dir
}

/** The Electron version the project builds with (the scanned folders have no package.json). */
export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
}

/**
 * Runs the scan on one folder; resolves to `{ issues, errors }`, paths relative to `base` (the
 * repository, or the staging folder of a build).
 */
export async function scan(input, version = electronVersion(), base = root) {
  keepOffline()
  const run = require('@doyensec/electronegativity')
  // The tool says when it could not download translations; with keepOffline() that is every time.
  const log = console.log
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args)
  }
  let result
  try {
    result = await run({
      input,
      isRelative: false,
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: version,
      parserPlugins: [],
    })
  } finally {
    console.log = log
  }
  const rel = (file) => (file === 'N/A' ? `${relative(base, input) || '.'} (global)` : relative(base, file))
  return {
    issues: result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: rel(i.file),
      line: i.location.line,
      description: i.description,
      manualReview: Boolean(i.manualReview),
    })),
    errors: result.errors.map((e) => ({ file: rel(e.file), message: e.message, tolerable: Boolean(e.tolerable) })),
  }
}

/**
 * The verdict on a scan: it fails on any HIGH or MEDIUM finding, and on any shell file the tool
 * could not parse (a file it cannot read is a file it did not check).
 */
export function verdict(issues, errors) {
  const blocking = issues.filter((i) => (i.severity === 'HIGH' || i.severity === 'MEDIUM') && !isReviewed(i))
  const unparsed = errors.filter((e) => !e.tolerable && MUST_PARSE.some((re) => re.test(e.file)))
  return { ok: blocking.length === 0 && unparsed.length === 0, blocking, unparsed }
}

/** Counts per severity, highest first, for the summary line; reviewed findings are counted apart. */
export function countBySeverity(issues) {
  const open = issues.filter((i) => !isReviewed(i))
  return SEVERITY_ORDER.map((s) => [s, open.filter((i) => i.severity === s).length])
}

async function main(args) {
  const started = Date.now()
  const inputs = args.length > 0 ? args.map((a) => ({ dir: resolve(a) })) : defaultInputs()
  const version = electronVersion()
  const issues = []
  const errors = []
  const names = []
  for (const input of inputs) {
    if ('built' in input) {
      const staged = stageBuild(input.built)
      try {
        const found = await scan(staged, version, staged)
        issues.push(...found.issues)
        errors.push(...found.errors)
      } finally {
        rmSync(staged, { recursive: true, force: true })
      }
      names.push(input.built.map((d) => relative(root, d)).join(' + '))
    } else {
      const found = await scan(input.dir, version)
      issues.push(...found.issues)
      errors.push(...found.errors)
      names.push(relative(root, input.dir) || '.')
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`Electronegativity on ${names.join(', ')} (Electron ${version})`)
  console.log(`excluded: ${EXCLUDED_CHECKS.join(', ')}`)
  for (const i of issues) {
    const review = isReviewed(i) ? ' [reviewed: see REVIEWED]' : i.manualReview ? ' [review]' : ''
    console.log(`  ${i.severity.padEnd(13)} ${i.id} ${i.file}:${i.line}${review}\n                ${i.description}`)
  }
  for (const e of errors) console.log(`  ${e.tolerable ? 'parse warning' : 'PARSE ERROR  '} ${e.file}: ${e.message}`)
  const counts = countBySeverity(issues)
  const reviewed = issues.filter(isReviewed).length
  console.log(
    `findings: ${counts.map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ')}; ${reviewed} reviewed; ${seconds} s`,
  )
  const { ok, blocking, unparsed } = verdict(issues, errors)
  if (!ok) {
    if (blocking.length > 0) console.error(`FAIL: ${blocking.length} high or medium finding(s)`)
    if (unparsed.length > 0) console.error(`FAIL: ${unparsed.length} shell file(s) could not be parsed`)
    process.exitCode = 1
  } else console.log('OK: no high or medium findings')
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main(process.argv.slice(2))
}
