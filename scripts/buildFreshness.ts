// Whether `npm start` must build the screens (or the desktop shell) again: a restart with nothing
// changed skips the build, so the lobby's screens are back as soon as the hub is (the build took
// 30 s, all of it with every kiosk and display offline).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** One build `npm start` runs: what it is built from, and the file it leaves when it has run. */
export interface BuildTarget {
  /** In the terminal's words, a plural: "the screens", "the desktop shell's files". */
  readonly name: string
  /** Files and folders (walked, all their files) the build reads. */
  readonly inputs: readonly string[]
  /** A file of the build's output: no build without it. */
  readonly output: string
  /** Written after a build that succeeded: the time it started (epoch ms), as text. */
  readonly stamp: string
}

/** Why a build is or is not needed, said in one line. */
export type Freshness =
  | { readonly current: true }
  | { readonly current: false; readonly why: 'neverBuilt' | 'changed'; readonly changed?: string }

/** The newest file under `path` (itself, if a file): its modification time and path; null when absent. */
export function newestFile(path: string): { readonly mtimeMs: number; readonly path: string } | null {
  if (!existsSync(path)) return null
  const st = statSync(path)
  if (!st.isDirectory()) return { mtimeMs: st.mtimeMs, path }
  let newest: { mtimeMs: number; path: string } | null = null
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    const n = newestFile(join(path, entry))
    if (n !== null && (newest === null || n.mtimeMs > newest.mtimeMs)) newest = n
  }
  return newest
}

/**
 * Whether the last build of `target` is up to date: its output is there, and no input changed
 * after that build started (a file saved during the build counts as changed). A cheap check — a
 * walk of the inputs' modification times, no hashing — that errs towards building: a build run by
 * hand leaves no stamp, so the next start builds once more.
 *
 * @example
 * buildFreshness(screens) //=> { current: false, why: 'changed', changed: 'renderer/src/App.vue' }
 */
export function buildFreshness(target: BuildTarget, root: string): Freshness {
  if (!existsSync(target.output) || !existsSync(target.stamp)) return { current: false, why: 'neverBuilt' }
  const builtAt = Number(readFileSync(target.stamp, 'utf8').trim())
  if (!Number.isFinite(builtAt)) return { current: false, why: 'neverBuilt' }
  for (const input of target.inputs) {
    const newest = newestFile(input)
    if (newest !== null && newest.mtimeMs >= builtAt)
      return { current: false, why: 'changed', changed: relative(root, newest.path) }
  }
  return { current: true }
}

/** Records a build that succeeded, started at `startedAt`. */
export function recordBuild(target: BuildTarget, startedAt: number): void {
  writeFileSync(target.stamp, `${startedAt}\n`)
}

/**
 * The line `npm start` prints for a build: skipped, or run and why.
 *
 * @example
 * freshnessLine('the screens', { current: true }) //=> 'branch-lobby: the screens are up to date with their sources: not rebuilt (npm start -- --rebuild builds them anyway)'
 */
export function freshnessLine(name: string, f: Freshness, forced = false): string {
  if (forced) return `branch-lobby: building ${name} (--rebuild)…`
  if (f.current)
    return `branch-lobby: ${name} are up to date with their sources: not rebuilt (npm start -- --rebuild builds them anyway)`
  return f.why === 'neverBuilt'
    ? `branch-lobby: building ${name} (no earlier build of npm start's found)…`
    : `branch-lobby: building ${name} (${f.changed ?? 'a source'} changed since the last build)…`
}
