import { rm } from 'node:fs/promises'
import type { DbTarget } from '../../../hq/db/openDb'
import { freshPgliteDir } from './pgliteTemplate'
import { PostgresServer } from './postgresServer'

/** HQ's tests run on both kinds of database it supports. */
export const DATABASE_KINDS = ['postgres', 'pglite'] as const
export type DatabaseKind = (typeof DATABASE_KINDS)[number]

/**
 * Fresh, empty HQ databases of one kind for a test file: a database of its own on a throwaway
 * PostgreSQL server, or a PGlite folder of its own.
 */
export class TestDatabases {
  private server: PostgresServer | null = null
  private readonly dirs: string[] = []
  private n = 0

  constructor(readonly kind: DatabaseKind) {}

  async fresh(): Promise<DbTarget> {
    if (this.kind === 'pglite') {
      const dir = await freshPgliteDir()
      this.dirs.push(dir)
      return { kind: 'pglite', dir }
    }
    this.server ??= await PostgresServer.start()
    return { kind: 'postgres', url: await this.server.createDatabase(`hq_test_${++this.n}`) }
  }

  async cleanUp(): Promise<void> {
    await this.server?.stop()
    for (const d of this.dirs) await rm(d, { recursive: true, force: true })
  }
}
