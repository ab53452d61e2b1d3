import type { Low } from 'lowdb'
import { branchConsistencyProblems, stretchProblems } from '../../shared/config/branchSchema'
import { parseDeviceConfigs } from '../../hardware/index'
import { DurableDb, DurableJsonFile } from '../persistence/durableJsonFile'
import { readStoreFile, type UpgradeLog } from '../persistence/storeFile'
import { BRANCH_FILE_FORMAT } from '../../shared/config/branchFileFormat'
import type { FileSystem } from '../persistence/fileSystem'
import { BranchFileSchema, type BranchFile } from './branchFile'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'
import { addressPortProblem } from '../../shared/config/fetchBadPorts'

/** The configuration cannot be used: every problem found, each naming its field. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is not a valid branch configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Every problem with a parsed configuration file: schema first, then cross-field rules. */
export function branchFileProblems(value: unknown): string[] {
  const problems = problemLines(schemaProblems(BranchFileSchema, value))
  if (problems.length > 0) return problems
  const file = value as BranchFile
  const more = branchConsistencyProblems(file.branch).map((p) => `branch.${p}`)
  const opening = file.calendar.opening
  if (opening !== undefined) {
    for (const kind of ['workingDays', 'weekends', 'holidays'] as const)
      more.push(...stretchProblems(opening[kind], `calendar.opening.${kind}`))
  }
  const ids = new Set<string>()
  file.staff.forEach((s, i) => {
    if (ids.has(s.id)) more.push(`staff[${i}].id: duplicate staff id '${s.id}'`)
    ids.add(s.id)
  })
  if (!file.staff.some((s) => s.role === 'manager')) more.push('staff: at least one manager is needed')
  const devices = parseDeviceConfigs(file.devices, 'devices')
  if (!devices.ok) more.push(...devices.error.map((i) => `${i.path}: ${i.message}`))
  const numbers = new Set(file.branch.counters.map((c) => c.number))
  file.devices.forEach((d, i) => {
    if (d.counterNumber != null && !numbers.has(d.counterNumber)) {
      more.push(`devices[${i}].counterNumber: there is no counter ${d.counterNumber}`)
    }
  })
  // The pattern lets any port through; one fetch refuses would only fail at run time, as "bad port".
  const hqPort = file.hq === undefined ? null : addressPortProblem(file.hq.url)
  if (hqPort !== null) more.push(`hq.url: ${hqPort}`)
  return more
}

/**
 * Opens the configuration file as a lowdb database. A missing file gets `seed` (when given);
 * a file that is not JSON or not valid is refused with all its problems: the hub never starts
 * on half a configuration. A file of an older format is upgraded first (`readStoreFile`: the
 * original kept beside it, and only once the upgraded one is valid); a newer one is refused.
 */
export async function loadBranchFile(
  fs: FileSystem,
  path: string,
  seed: (() => Promise<BranchFile>) | null,
  log: UpgradeLog,
): Promise<Low<BranchFile>> {
  const adapter = new DurableJsonFile<BranchFile>(fs, path)
  const found = await readStoreFile(
    adapter,
    BRANCH_FILE_FORMAT,
    (value) => {
      const problems = branchFileProblems(value)
      if (problems.length > 0) throw new ConfigError(path, problems)
    },
    log,
  )
  if (found === null) {
    if (seed === null) {
      throw new ConfigError(path, [
        'the file does not exist: copy one to start from and edit it (`npm run demo` writes the demo ' +
          "branch's to .data/demo/branch.json; its fields: docs/installing.md)",
      ])
    }
    const db = new DurableDb<BranchFile>(adapter, await seed())
    await db.write()
    return db
  }
  return new DurableDb<BranchFile>(adapter, found)
}
