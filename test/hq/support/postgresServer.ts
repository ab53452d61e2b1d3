import { execFile } from 'node:child_process'
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

/**
 * A throwaway PostgreSQL server for one test file: `initdb` into a temporary folder and
 * `pg_ctl start` on a free loopback port, as the `postgres` user when the tests run as root
 * (PostgreSQL refuses to run as root). Never skipped: if the server cannot be started, the
 * error says why and what to install.
 */
export class PostgresServer {
  private constructor(
    private readonly dir: string,
    private readonly bin: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  /**
   * `durable`: the server's own defaults (fsync on), for benchmarks; otherwise fsync off, which
   * no test needs and every test run is quicker for.
   */
  static async start(durable = false): Promise<PostgresServer> {
    const bin = await findBin()
    const asPostgres = process.getuid?.() === 0
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-pg-'))
    const server = new PostgresServer(dir, bin, await freePort(), asPostgres)
    try {
      if (asPostgres) {
        const { stdout } = await run('id', ['-u', 'postgres']).catch((cause: unknown) => {
          throw new Error(
            'running as root, but there is no "postgres" user to run PostgreSQL as (apt-get install postgresql creates it)',
            { cause },
          )
        })
        const { stdout: gid } = await run('id', ['-g', 'postgres'])
        await chown(dir, Number(stdout.trim()), Number(gid.trim()))
      }
      await server.pg('initdb', [
        '-D',
        server.data,
        '-A',
        'trust',
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ])
      const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
      const opts = `-p ${server.port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_wal_size=4GB${fast}`
      await server.pg('pg_ctl', [
        '-D',
        server.data,
        '-o',
        opts,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        'start',
      ])
    } catch (e) {
      const log = await readFile(join(dir, 'server.log'), 'utf8').catch(() => '(no server log)')
      await rm(dir, { recursive: true, force: true })
      throw new Error(
        `Could not start a PostgreSQL server for the HQ tests (${e instanceof Error ? e.message : String(e)}).\n` +
          `Install Debian's package: apt-get install postgresql. Server log:\n${log}`,
        { cause: e },
      )
    }
    return server
  }

  private get data(): string {
    return join(this.dir, 'data')
  }

  /** A new, empty database on the server; its URL. */
  async createDatabase(name: string): Promise<string> {
    const admin = new pg.Client({ connectionString: this.url('postgres') })
    await admin.connect()
    try {
      await admin.query(`create database "${name}"`)
    } finally {
      await admin.end()
    }
    return this.url(name)
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  async stop(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
    await rm(this.dir, { recursive: true, force: true })
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const path = join(this.bin, tool)
    if (this.asPostgres) await run('runuser', ['-u', 'postgres', '--', path, ...args], { cwd: this.dir })
    else await run(path, args, { cwd: this.dir })
  }
}

/** The newest installed server's programs: `PG_BIN`, else /usr/lib/postgresql/<version>/bin. */
async function findBin(): Promise<string> {
  if (process.env.PG_BIN !== undefined) return process.env.PG_BIN
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[])
  const newest = versions.filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))[0]
  if (newest === undefined) {
    throw new Error(
      'No PostgreSQL server is installed (no /usr/lib/postgresql/<version>/bin): apt-get install postgresql',
    )
  }
  return `/usr/lib/postgresql/${newest}/bin`
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}
