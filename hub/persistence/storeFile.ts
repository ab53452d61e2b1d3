import { basename, dirname, extname, join } from 'node:path'
import type { TSchema } from 'typebox'
import { DurableDb, DurableJsonFile, JsonFileError, restoreAdvice, writeDurably } from './durableJsonFile'
import type { FileSystem } from './fileSystem'
import { assertNever } from '../../shared/util/assertNever'
import { upgradeStored, type StoredFormat } from '../../shared/util/storedFormat'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'

/**
 * A stored file written by a newer release than this one (a downgrade): refused, the file left as
 * it is. Its own class, so a reader that may start over on a damaged file (the replication
 * cursor) still never overwrites a newer one.
 */
export class NewerFormatError extends JsonFileError {
  constructor(file: string, detail: string) {
    super(file, detail)
    this.name = 'NewerFormatError'
  }
}

/** Where an upgrade is said (the hub's pino logger fits). */
export interface UpgradeLog {
  info(fields: Record<string, unknown>, message: string): void
}

/**
 * Reads a versioned store file (`shared/util/storedFormat.ts`) and returns what it holds in the
 * current format; null when there is no file. In order, each step before any write:
 * - empty, not JSON, or from a newer format than `format`: refused, the file untouched;
 * - an older format is brought to the current one by the format's upgrades;
 * - `check` throws when the result is not what the file should hold (refused, untouched);
 * - only then, for an upgraded file: its original bytes are written durably beside it
 *   (`history.v1.json.bak`), the upgraded file replaces it durably, and the upgrade is logged.
 * A power cut at any moment leaves the old file or the new one, and the new one only once the
 * backup is on the disk; a restart upgrades an old file again, into the same backup.
 */
export async function readStoreFile<T>(
  adapter: DurableJsonFile<T>,
  format: StoredFormat,
  check: (value: unknown) => void,
  log: UpgradeLog,
): Promise<T | null> {
  const found = await adapter.readJson()
  if (found === null) return null
  const read = upgradeStored(format, found.value)
  switch (read.kind) {
    case 'newer':
      throw new NewerFormatError(
        adapter.path,
        `was written by a newer version of Branch Lobby (format ${read.version}; this hub reads formats up to ` +
          `${format.version}). It is left as it is: run the newer version again, or restore the file from before it`,
      )
    case 'current':
      check(read.value)
      return read.value as T
    case 'upgraded': {
      check(read.value)
      const fs = adapter.fs
      const backup = await keepOriginal(fs, adapter.path, read.from, found.bytes)
      await adapter.write(read.value as T)
      log.info(
        { event: 'store.upgraded', file: adapter.path, from: read.from, to: format.version, backup },
        `${basename(adapter.path)} upgraded from format ${read.from} to ${format.version}; the original is kept in ${basename(backup)}`,
      )
      return read.value as T
    }
    default:
      return assertNever(read, 'stored upgrade')
  }
}

/**
 * Writes a file's original bytes durably beside it, as `<name>.v<from>.json.bak`; when that name
 * holds other bytes (an older upgrade of another file), as `<name>.v<from>-2.json.bak` and so on.
 * A backup already holding these bytes (a power cut fell during the upgrade) is used as it is.
 */
async function keepOriginal(fs: FileSystem, path: string, from: number, bytes: Buffer): Promise<string> {
  const ext = extname(path)
  const stem = basename(path, ext)
  for (let n = 1; ; n++) {
    const backup = join(dirname(path), `${stem}.v${from}${n === 1 ? '' : `-${n}`}${ext}.bak`)
    if (!(await fs.exists(backup))) {
      await writeDurably(fs, backup, bytes)
      return backup
    }
    if ((await fs.readFile(backup)).equals(bytes)) return backup
  }
}

/** A store file: its format (version and upgrades) and the schema of the current one. */
export interface StoreSpec {
  readonly format: StoredFormat
  readonly schema: TSchema
}

/**
 * Opens a database on a durable, versioned JSON file (`readStoreFile`) checked against the
 * store's schema; a missing file is created with `initial()`.
 */
export async function openDurableDb<T>(
  fs: FileSystem,
  path: string,
  store: StoreSpec,
  initial: () => T,
  log: UpgradeLog,
): Promise<DurableDb<T>> {
  const adapter = new DurableJsonFile<T>(fs, path)
  const found = await readStoreFile(
    adapter,
    store.format,
    (value) => {
      const problems = schemaProblems(store.schema, value)
      if (problems.length > 0) throw new JsonFileError(path, restoreAdvice(problemLines(problems)))
    },
    log,
  )
  const db = new DurableDb<T>(adapter, found ?? initial())
  if (found === null) await db.write()
  return db
}
