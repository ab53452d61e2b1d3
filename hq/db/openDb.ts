import type { Db } from './db'
import { migrate } from './migrate'
import { openPglite } from './pgliteDb'
import { openPostgres } from './postgresDb'

/** Where HQ keeps its data: a PostgreSQL server, or PGlite files in a folder (or memory). */
export type DbTarget =
  { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dir: string | null }

/** Opens the database and brings its schema up to date. */
export async function openDb(target: DbTarget): Promise<Db> {
  const db = target.kind === 'postgres' ? await openPostgres(target.url) : await openPglite(target.dir)
  try {
    await migrate(db)
  } catch (e) {
    await db.close()
    throw e
  }
  return db
}
