import { open, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { fsyncDir } from './fsyncDir'

/** A JSON file that is not valid JSON: says which file, and where. */
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

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    try {
      return JSON.parse(text) as T
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

  private async writeNow(text: string): Promise<void> {
    const dir = dirname(this.path)
    const tmp = join(dir, `.${basename(this.path)}.tmp`)
    const handle = await open(tmp, 'w')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, this.path)
    await fsyncDir(dir)
  }
}

/** "Unexpected token } at line 12, column 5" from a JSON.parse failure. */
export function describeJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const m = /position (\d+)/.exec(message)
  if (m === null) return `not valid JSON (${message})`
  const pos = Number(m[1])
  const before = text.slice(0, pos)
  const line = before.split('\n').length
  const column = pos - before.lastIndexOf('\n')
  return `not valid JSON at line ${line}, column ${column} (${message.replace(/ in JSON at position \d+.*/, '')})`
}
