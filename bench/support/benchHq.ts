import { join } from 'node:path'
import { openDb } from '../../hq/db/openDb'
import { Registry } from '../../hq/store/registry'
import { kill, startChild } from '../../test/hq/support/childProcess'
import { freePort, PostgresServer } from '../../test/hq/support/postgresServer'

/** An HQ for a benchmark: a branch token to give a hub, and how far HQ's copy has come. */
export interface HqForBench {
  readonly url: string
  /** A new branch (`bench-1`, `bench-2` …) and its token. */
  newBranchToken(): Promise<string>
  lastSeq(): Promise<number>
  /** A head-office session token. */
  headOffice(): Promise<string>
  /** Bytes of the events partitions with their indexes, and their rows. */
  stored(): Promise<{ bytes: number; rows: number }>
}

const PASSWORD = 'bench password 1'

/**
 * Runs `work` with HQ in its own process on a throwaway PostgreSQL server with its default
 * (durable) settings, and stops both afterwards.
 */
export async function withHq<T>(work: (hq: HqForBench) => Promise<T>): Promise<T> {
  const pg = await PostgresServer.start(true)
  let child: Awaited<ReturnType<typeof startChild>> | null = null
  try {
    const dbUrl = await pg.createDatabase('hq_bench')
    const db = await openDb({ kind: 'postgres', url: dbUrl })
    const reg = new Registry(db, Date.now)
    await reg.addRegion('bench', { 'zh-CN': '测试', en: 'Bench' })
    await reg.addUser({ id: 'ho', name: 'bench', role: 'headOffice', regionId: null }, PASSWORD)
    const port = await freePort()
    child = await startChild(join(import.meta.dirname, '..', '..', 'hq', 'cli.ts'), [
      '--db',
      dbUrl,
      '--port',
      String(port),
      '--renderer',
      'none',
      '--quiet',
    ])
    let n = 0
    const url = child.url
    try {
      return await work({
        url,
        newBranchToken: async () => {
          const id = `bench-${++n}`
          await reg.addBranch(id, { 'zh-CN': id, en: id }, 'bench')
          return (await reg.issueToken(id, 'bench')).token
        },
        lastSeq: async () =>
          (await db.query<{ s: number | null }>('select max(last_seq) as s from replication_state'))[0]?.s ?? 0,
        headOffice: async () => (await reg.signIn('ho', PASSWORD))?.token ?? '',
        stored: async () => {
          const [row] = await db.query<{ bytes: number; rows: number }>(
            `select (select sum(pg_total_relation_size(inhrelid))::float8 from pg_inherits
                     where inhparent = 'events'::regclass) as bytes,
                    (select count(*)::float8 from events) as rows`,
          )
          await db.exec('vacuum analyze')
          return row ?? { bytes: 0, rows: 0 }
        },
      })
    } finally {
      await db.close()
    }
  } finally {
    if (child !== null) await kill(child.child)
    await pg.stop()
  }
}
