import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadBranchFile } from '../../hub/config/loadBranchFile'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { ReportStore } from '../../hub/reports/reportStore'
import { crashStates, type CrashModel } from './support/crashStates'
import { FaultFs } from './support/faultFs'
import { FsImage } from './support/fsImage'
import { DATA } from './support/powerCut'
import { UpgradeLines } from './support/upgradeLog'

const FIRST = fileURLToPath(new URL('./fixtures/first-release/', import.meta.url))
const MODEL: CrashModel = { reorder: true, randomPerBoundary: 4, seed: 20261206 }

let root = ''
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bl-upgrade-cut-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Opens both stores as the hub does, on a real data folder. */
async function openBoth(dataDir: string, log: UpgradeLines) {
  const config = await loadBranchFile(nodeFileSystem, join(dataDir, 'branch.json'), null, log)
  const journals = new JournalFolder(nodeFileSystem, join(dataDir, 'journal'), () => undefined)
  const history = await ReportStore.open(nodeFileSystem, join(dataDir, 'history.json'), journals, log)
  return { config: config.data, days: history.summaries() }
}

describe('a power cut during an upgrade', () => {
  it('leaves the old file or the new one, the new one only beside its backup, and loses nothing', async () => {
    const branch = await readFile(join(FIRST, 'branch.json'))
    // A history.json without a version (format 1 by definition) is upgraded too: two files, one after the other.
    const { version: _, ...unversioned } = JSON.parse(await readFile(join(FIRST, 'history.json'), 'utf8')) as object & {
      version: number
    }
    const history = Buffer.from(JSON.stringify(unversioned))
    const fs = new FaultFs(FsImage.of({ [`${DATA}/branch.json`]: branch, [`${DATA}/history.json`]: history }))
    const log = new UpgradeLines()
    await loadBranchFile(fs, `${DATA}/branch.json`, null, log)
    const journals = new JournalFolder(fs, `${DATA}/journal`, () => undefined)
    await ReportStore.open(fs, `${DATA}/history.json`, journals, log)
    expect(log.lines).toHaveLength(2)
    const upgraded = {
      branch: fs.live.read(`${DATA}/branch.json`)!,
      history: fs.live.read(`${DATA}/history.json`)!,
    }
    const expected = await (async () => {
      const dir = join(root, 'expected')
      await fs.live.materialise(dir)
      return openBoth(join(dir, DATA), new UpgradeLines())
    })()

    const seen = { branchOld: 0, branchNew: 0, historyOld: 0, historyNew: 0 }
    let states = 0
    for (const state of crashStates(fs.initial, fs.trace, MODEL)) {
      states++
      const at = (p: string) => state.image.read(`${DATA}/${p}`)
      const files = [
        { name: 'branch.json', old: branch, new: upgraded.branch, backup: 'branch.v1.json.bak', key: 'branch' },
        { name: 'history.json', old: history, new: upgraded.history, backup: 'history.v1.json.bak', key: 'history' },
      ] as const
      for (const f of files) {
        const now = at(f.name)
        const why = `${f.name} after ${state.boundary} ops (${state.how})`
        if (now?.equals(f.old) === true) seen[`${f.key}Old`]++
        else if (now?.equals(f.new) === true) seen[`${f.key}New`]++
        else expect.fail(`${why}: neither the old file nor the upgraded one`)
        // A backup is whole under its name, or not there; the upgraded file never without it.
        const backup = at(f.backup)
        if (backup !== undefined) expect(backup.equals(f.old), `${why}: a torn backup`).toBe(true)
        if (now.equals(f.new)) expect(backup, `${why}: upgraded without its backup`).toBeDefined()
      }
      // Restarted on this disk, the hub reads the same configuration and history, and ends upgraded.
      const dir = join(root, String(states))
      await state.image.materialise(dir)
      expect(await openBoth(join(dir, DATA), new UpgradeLines()), `after ${state.boundary} ops`).toEqual(expected)
      for (const f of files) {
        expect(await readFile(join(dir, DATA, f.name))).toEqual(f.new)
        expect(await readFile(join(dir, DATA, f.backup))).toEqual(f.old)
      }
      const names = (await readdir(join(dir, DATA))).filter((n) => !n.startsWith('.'))
      expect(names.sort()).toEqual(['branch.json', 'branch.v1.json.bak', 'history.json', 'history.v1.json.bak'])
      await rm(dir, { recursive: true, force: true })
    }
    console.log(`upgrade power cuts: ${fs.trace.length} file operations, ${states} crash states`, seen)
    // The cut fell both before and after each file was replaced.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true)
  }, 120_000)
})
