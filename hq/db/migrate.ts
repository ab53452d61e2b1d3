import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from './db'

const DIR = join(import.meta.dirname, '..', 'migrations')
const NAME = /^(\d{3})_[a-z0-9_]+\.sql$/

/**
 * Brings the schema up to date: applies each `hq/migrations/NNN_name.sql` not yet recorded in
 * `schema_migrations`, in order, all in one transaction under an advisory lock, so two HQ
 * processes starting together cannot both apply one, and a failed migration leaves nothing
 * half-done. Returns the versions applied.
 *
 * Plain SQL files and a dozen lines rather than a migration tool: the tools on npm drive a `pg`
 * client, and the same files must also run on PGlite.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(DIR)).filter((f) => NAME.test(f)).sort()
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('branch-lobby-hq migrations'))`)
    await tx.exec(`create table if not exists schema_migrations (version text primary key, applied_at bigint not null)`)
    const done = new Set(
      (await tx.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version),
    )
    const applied: string[] = []
    for (const file of files) {
      const version = file.slice(0, -4)
      if (done.has(version)) continue
      await tx.exec(await readFile(join(DIR, file), 'utf8'))
      await tx.query('insert into schema_migrations (version, applied_at) values ($1, $2)', [version, Date.now()])
      applied.push(version)
    }
    return applied
  })
}
