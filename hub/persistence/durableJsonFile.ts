import { basename, dirname, join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { TSchema } from 'typebox'
import { isNotFound, type FileSystem } from './fileSystem'
import { errorText } from '../../shared/util/errorText'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'

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

  /**
   * `schema`: what the file must hold. A file that parses but does not match it (edited by
   * hand, written by another program, damaged) is refused naming its fields, not cast and used.
   */
  constructor(
    private readonly fs: FileSystem,
    readonly path: string,
    private readonly schema?: TSchema,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = (await this.fs.readFile(this.path)).toString('utf8')
    } catch (e) {
      if (isNotFound(e)) return null
      throw e
    }
    if (text.trim() === '') throw new JsonFileError(this.path, 'the file is empty; restore it from backup')
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (e) {
      throw new JsonFileError(this.path, describeJsonError(text, e))
    }
    const problems = this.schema === undefined ? [] : schemaProblems(this.schema, value)
    if (problems.length > 0)
      throw new JsonFileError(
        this.path,
        `does not hold what the hub writes there; restore it from backup (${problemLines(problems).slice(0, 5).join('; ')})`,
      )
    return value as T
  }

  write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`
    const next = this.chain.then(() => this.writeNow(text))
    // A failed write must not poison the ones after it; the caller still sees its own failure.
    this.chain = next.catch(() => undefined)
    return next
  }

  private async writeNow(text: string): Promise<void> {
    const dir = dirname(this.path)
    const tmp = join(dir, `.${basename(this.path)}.tmp`)
    const handle = await this.fs.open(tmp, 'overwrite')
    try {
      await handle.write(Buffer.from(text, 'utf8'))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await this.fs.rename(tmp, this.path)
    await this.fs.syncDir(dir)
  }
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

/**
 * Opens a database on a durable JSON file checked against `schema`; a missing file is created
 * with `initial()`.
 */
export async function openDurableDb<T>(
  fs: FileSystem,
  path: string,
  schema: TSchema,
  initial: () => T,
): Promise<DurableDb<T>> {
  const adapter = new DurableJsonFile<T>(fs, path, schema)
  const found = await adapter.read()
  const db = new DurableDb<T>(adapter, found ?? initial())
  if (found === null) await db.write()
  return db
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
