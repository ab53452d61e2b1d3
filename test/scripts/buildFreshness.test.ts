import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildFreshness, freshnessLine, recordBuild, type BuildTarget } from '../../scripts/buildFreshness'

/** A source tree and its build output in a temporary folder, with real files and times. */
let root = ''
afterEach(() => rmSync(root, { recursive: true, force: true }))

function tree(): BuildTarget {
  root = mkdtempSync(join(tmpdir(), 'freshness-'))
  mkdirSync(join(root, 'src/deep'), { recursive: true })
  writeFileSync(join(root, 'src/deep/App.vue'), '<template />')
  writeFileSync(join(root, 'vite.config.ts'), '')
  mkdirSync(join(root, 'out/renderer'), { recursive: true })
  return {
    name: 'the screens',
    inputs: [join(root, 'src'), join(root, 'vite.config.ts'), join(root, 'absent.json')],
    output: join(root, 'out/renderer/index.html'),
    stamp: join(root, 'out/.screens-built'),
  }
}
/** Sets a file's modification time, seconds from now. */
const touch = (path: string, secondsFromNow: number) => {
  const t = new Date(Date.now() + secondsFromNow * 1000)
  utimesSync(path, t, t)
}

describe('buildFreshness', () => {
  it('builds when npm start never built, and skips once it has and nothing changed', () => {
    const screens = tree()
    expect(buildFreshness(screens, root)).toEqual({ current: false, why: 'neverBuilt' })
    touch(join(root, 'src/deep/App.vue'), -60)
    touch(join(root, 'vite.config.ts'), -60)
    writeFileSync(screens.output, '<html>')
    recordBuild(screens, Date.now() - 10_000)
    expect(buildFreshness(screens, root)).toEqual({ current: true })
  })

  it('builds again when a source changed after the build started, and names it', () => {
    const screens = tree()
    touch(join(root, 'vite.config.ts'), -60)
    writeFileSync(screens.output, '<html>')
    recordBuild(screens, Date.now() - 10_000)
    touch(join(root, 'src/deep/App.vue'), -5)
    expect(buildFreshness(screens, root)).toEqual({ current: false, why: 'changed', changed: 'src/deep/App.vue' })
  })

  it('builds again when the output is gone, even with a stamp', () => {
    const screens = tree()
    recordBuild(screens, Date.now())
    expect(buildFreshness(screens, root)).toMatchObject({ current: false, why: 'neverBuilt' })
  })
})

describe('freshnessLine', () => {
  it('says whether the build was skipped or run, and why', () => {
    expect(freshnessLine('the screens', { current: true })).toMatch(/the screens are up to date .*not rebuilt/u)
    expect(freshnessLine('the screens', { current: false, why: 'changed', changed: 'renderer/src/App.vue' })).toBe(
      'branch-lobby: building the screens (renderer/src/App.vue changed since the last build)…',
    )
    expect(freshnessLine('the screens', { current: true }, true)).toBe(
      'branch-lobby: building the screens (--rebuild)…',
    )
  })
})
