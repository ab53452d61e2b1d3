import pg from 'pg'
import type { Db, Sql } from './db'

/**
 * HQ on a PostgreSQL server: a connection pool from a `postgres://` URL. The pool is small
 * (HQ's work is short transactions); each transaction holds one connection from BEGIN to COMMIT.
 */
export async function openPostgres(url: string, poolSize = 8): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'branch-lobby-hq' })
  // An idle connection the server drops (a restart) is reported here instead of crashing HQ.
  pool.on('error', () => undefined)
  const client = await pool.connect()
  client.release()
  const on = (q: pg.Pool | pg.PoolClient): Sql => ({
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await q.query(text, params === undefined ? undefined : [...params])).rows as T[],
    exec: async (script: string) => {
      await q.query(script)
    },
  })
  return {
    kind: 'postgres',
    ...on(pool),
    transaction: async <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
      const c = await pool.connect()
      try {
        await c.query('begin')
        const result = await work(on(c))
        await c.query('commit')
        return result
      } catch (e) {
        await c.query('rollback').catch(() => undefined)
        throw e
      } finally {
        c.release()
      }
    },
    close: () => pool.end(),
  }
}
