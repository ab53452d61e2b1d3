/**
 * What HQ needs of a database: parameterised queries, transactions and plain SQL scripts. Two
 * implementations, one SQL dialect: a PostgreSQL server through `pg` (`postgresDb.ts`), and
 * PGlite, PostgreSQL compiled to WebAssembly in this process, for a trial without a server
 * (`pgliteDb.ts`). Queries cast dates to text and bigints to float8, so both give the same rows.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>
}

export interface Db extends Sql {
  readonly kind: 'postgres' | 'pglite'
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** A PostgreSQL error's SQLSTATE (`23505` unique violation, `42P07` duplicate table …), if it has one. */
export function sqlState(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : null
}
