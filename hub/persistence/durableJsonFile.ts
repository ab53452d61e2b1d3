import { basename, dirname, join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { isNotFound, type FileSystem } from './fileSystem'
import { errorText } from '../../shared/util/errorText'
import { withoutBom } from '../../shared/util/withoutBom'

/** A JSON file that is not valid JSON, or not what it should hold: says which file, and where. */
export class JsonFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`)
    this.name = 'JsonFileError'
  }
}

/**
 * A lowdb adapter that survives power cuts: write a temp file, fsync it, rename it over the
 * old one, fsync the folder. lowdb's own `JSONFile` (steno) renames without fsync, so a cut
 * right after a write can leave an empty file where the configuration was.
 *
 * Writes are serialised: a write never interleaves with another, and the last one wins.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private chain: Promise<void> = Promise.resolve()

  constructor(
    readonly fs: FileSystem,
    readonly path: string,
  ) {}

  /**
   * lowdb's read: the file's JSON, not yet checked. Every reader checks it before use: the
   * stores, branch.json and the replication cursor through `readStoreFile` (format, upgrade,
   * schema).
   */
  async read(): Promise<T | null> {
    const found = await this.readJson()
    return found === null ? null : (found.value as T)
  }

  /** The file's JSON, unchecked, and its bytes as they are; null when there is no file. Empty or not JSON: refused. */
  async readJson(): Promise<{ readonly value: unknown; readonly bytes: Buffer } | null> {
    let bytes: Buffer
    try {
      bytes = await this.fs.readFile(this.path)
    } catch (e) {
      if (isNotFound(e)) return null
      throw e
    }
    // A BOM (Notepad's "UTF-8 with BOM") is read past without a word; writes never add one.
    const text = withoutBom(bytes.toString('utf8'))
    if (text.trim() === '') throw new JsonFileError(this.path, 'the file is empty; restore it from backup')
    try {
      return { value: JSON.parse(text) as unknown, bytes }
    } catch (e) {
      throw new JsonFileError(this.path, describeJsonError(text, e))
    }
  }

  write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`
    const next = this.chain.then(() => this.writeNow(text))
    // A failed write must not poison the ones after it; the caller still sees its own failure.
    this.chain = next.catch(() => undefined)
    return next
  }

  private writeNow(text: string): Promise<void> {
    return writeDurably(this.fs, this.path, Buffer.from(text, 'utf8'))
  }
}

/**
 * Puts `bytes` at `path` so that a power cut leaves either the old file or the new one whole:
 * a temp file beside it, fsync'd, renamed over it, the folder fsync'd.
 */
export async function writeDurably(fs: FileSystem, path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.tmp`)
  const handle = await fs.open(tmp, 'overwrite')
  try {
    await handle.write(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.rename(tmp, path)
  await fs.syncDir(dir)
}

/** The refusal of a file that parses but does not hold what it should. */
export function restoreAdvice(problems: readonly string[]): string {
  return `does not hold what the hub writes there; restore it from backup (${problems.slice(0, 5).join('; ')})`
}

/**
 * A lowdb database whose updates are all or nothing: the change is made to a copy, the copy is
 * written, and only then does it become the data. A write that fails (a full disk) leaves the
 * data as it was, so the hub never shows or acts on what it could not keep. Updates run one
 * after another, each on the result of the last.
 */
export class DurableDb<T> extends Low<T> {
  private queue: Promise<void> = Promise.resolve()

  override update(change: (data: T) => unknown): Promise<void> {
    const next = this.queue.then(async () => {
      const draft = structuredClone(this.data)
      change(draft)
      await this.adapter.write(draft)
      this.data = draft
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}

/** "Unexpected token } at line 12, column 5" from a JSON.parse failure. */
export function describeJsonError(text: string, e: unknown): string {
  const message = errorText(e)
  const m = /position (\d+)/.exec(message)
  if (m === null) return `not valid JSON (${message})`
  const pos = Number(m[1])
  const before = text.slice(0, pos)
  const line = before.split('\n').length
  const column = pos - before.lastIndexOf('\n')
  return `not valid JSON at line ${line}, column ${column} (${message.replace(/ in JSON at position \d+.*/, '')})`
}
