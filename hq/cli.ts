// Headquarters: `npm run hq` serves it; the other commands manage its registry directly.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { DbTarget } from './db/openDb'
import { openDb } from './db/openDb'
import { Registry } from './store/registry'
import { startHq } from './startHq'
import { readStdin } from '../server/readStdin'
import { Type, type Static, type TSchema } from 'typebox'
import { hqRoutes } from '../shared/hq/routes'
import { problemLines, schemaProblems } from '../shared/util/schemaProblems'

const USAGE = `usage:
  npm run hq -- [--db postgres://…] [--pglite DIR] [--host ADDRESS] [--port N] [--renderer DIR] [--quiet]
      serves HQ (default: PGlite files in .data/hq; HQ_DATABASE_URL also names a server)
  npm run hq -- add-region ID --zh 华东区 --en "East"
  npm run hq -- add-branch ID --region ID --zh 浦东支行 --en "Pudong"
  npm run hq -- issue-token BRANCH_ID [--label TEXT]     prints the token once
  npm run hq -- revoke-token TOKEN_ID
  npm run hq -- add-user ID --name NAME --role headOffice|regional [--region ID]   (password on stdin, 10+ characters)`

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      pglite: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8430' },
      renderer: { type: 'string', default: 'out/renderer' },
      zh: { type: 'string' },
      en: { type: 'string' },
      region: { type: 'string' },
      label: { type: 'string', default: 'branch hub' },
      name: { type: 'string' },
      role: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return console.log(USAGE)
  const url = values.db ?? process.env.HQ_DATABASE_URL
  const target: DbTarget =
    url !== undefined ? { kind: 'postgres', url } : { kind: 'pglite', dir: resolve(values.pglite ?? '.data/hq') }
  const [command, id] = positionals
  if (command === undefined) return serve(target, values.host, values.port, values.renderer, !values.quiet)
  if (id === undefined) throw new Error(USAGE)
  const run = await prepared(command, id, values)
  const db = await openDb(target)
  try {
    return console.log(await run(new Registry(db, Date.now)))
  } finally {
    await db.close()
  }
}

/** The command line's values a registry command reads. */
interface Values {
  readonly zh?: string | undefined
  readonly en?: string | undefined
  readonly region?: string | undefined
  readonly label: string
  readonly name?: string | undefined
  readonly role?: string | undefined
}

/**
 * What a registry command does, its input checked first — with the very schema the HQ API checks
 * the same request with (`hqRoutes`), so the command line cannot store an id the API then
 * refuses (a branch whose reports could never be opened). Checked before the database is opened:
 * a refused command stores nothing.
 */
async function prepared(command: string, id: string, values: Values): Promise<(r: Registry) => Promise<string>> {
  const name = () => ({ 'zh-CN': need(values.zh, '--zh'), en: need(values.en, '--en') })
  switch (command) {
    case 'add-region': {
      const body = checked(hqRoutes.addRegion.body, { id, name: name() })
      return async (r) => {
        await r.addRegion(body.id, body.name)
        return `region ${id} added`
      }
    }
    case 'add-branch': {
      const body = checked(hqRoutes.addBranch.body, { id, name: name(), regionId: need(values.region, '--region') })
      return async (r) => {
        await r.addBranch(body.id, body.name, body.regionId)
        return `branch ${id} added; issue its token with: npm run hq -- issue-token ${id}`
      }
    }
    case 'issue-token': {
      checked(hqRoutes.issueToken.params, { branchId: id })
      checked(hqRoutes.issueToken.body, { label: values.label })
      return async (r) => {
        const t = await r.issueToken(id, values.label)
        return `token ${t.tokenId} for ${id} (shown once; put it in the branch's branch.json, hq.token):\n${t.token}`
      }
    }
    case 'revoke-token': {
      const { tokenId } = checked(hqRoutes.revokeToken.params, { tokenId: Number(id) })
      return async (r) => ((await r.revokeToken(tokenId)) ? `token ${id} revoked` : `no live token ${id}`)
    }
    case 'add-user': {
      const user = checked(Type.Omit(hqRoutes.addUser.body, ['password']), {
        id,
        name: need(values.name, '--name'),
        role: need(values.role, '--role'),
        regionId: values.region ?? null,
      })
      // Read only once the rest is known good: nobody types a password for a refused id.
      const { password: secret } = checked(Type.Pick(hqRoutes.addUser.body, ['password']), {
        password: (await readStdin()).trim(),
      })
      return async (r) => {
        await r.addUser(user, secret)
        return `user ${id} added`
      }
    }
    default:
      throw new Error(USAGE)
  }
}

/** The value, if the schema takes it; else an error naming each field at fault, worded as the API words it. */
function checked<S extends TSchema>(schema: S, value: unknown): Static<S> {
  const problems = problemLines(schemaProblems(schema, value))
  if (problems.length > 0) throw new Error(`refused (HQ's API refuses it too):\n  ${problems.join('\n  ')}`)
  return value as Static<S>
}

async function serve(
  target: DbTarget,
  host: string,
  portText: string,
  renderer: string,
  logger: boolean,
): Promise<void> {
  const port = Number(portText)
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) throw new Error(`--port ${portText} is not a port`)
  if (target.kind === 'pglite')
    console.log(`HQ on PGlite in ${target.dir} (the first start prepares it: up to a minute)`)
  const hq = await startHq({ db: target, host, port, rendererDir: resolve(renderer), logger })
  console.log(`READY branch-lobby HQ at ${hq.url}  (screens: ${hq.url}/#/hq, API: ${hq.url}/api/hq/v1/openapi.json)`)
  const stop = async () => {
    await hq.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new Error(`${flag} is needed\n${USAGE}`)
  return value
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
