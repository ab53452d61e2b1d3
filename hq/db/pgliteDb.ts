import { PGlite } from '@electric-sql/pglite'
import type { Db, Sql } from './db'

/**
 * HQ on PGlite: PostgreSQL compiled to WebAssembly, in this process, its files in `dataDir`
 * (null: in memory). For a trial or a demonstration without a database server; PGlite serves
 * one connection, so queries take turns. The first start of a new folder runs initdb (tens of
 * seconds on a small machine).
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const db = await PGlite.create(dataDir === null ? {} : { dataDir })
  const on = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await q.query<T>(text, params === undefined ? undefined : [...params])).rows,
    exec: async (script: string) => {
      await q.exec(script)
    },
  })
  return {
    kind: 'pglite',
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: () => db.close(),
  }
}
