// Headquarters: `npm run hq` serves it; the other commands manage its registry directly.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { DbTarget } from './db/openDb'
import { openDb } from './db/openDb'
import { Registry } from './store/registry'
import { startHq } from './startHq'
import { readStdin } from '../server/readStdin'
import { HQ_USER_ROLES, type HqUserRole } from '../shared/hq/hqRoles'

const USAGE = `usage:
  npm run hq -- [--db postgres://…] [--pglite DIR] [--host ADDRESS] [--port N] [--renderer DIR] [--quiet]
      serves HQ (default: PGlite files in .data/hq; HQ_DATABASE_URL also names a server)
  npm run hq -- add-region ID --zh 华东区 --en "East"
  npm run hq -- add-branch ID --region ID --zh 浦东支行 --en "Pudong"
  npm run hq -- issue-token BRANCH_ID [--label TEXT]     prints the token once
  npm run hq -- revoke-token TOKEN_ID
  npm run hq -- add-user ID --name NAME --role headOffice|regional [--region ID]   (password on stdin)`

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
  const db = await openDb(target)
  try {
    const registry = new Registry(db, Date.now)
    const name = () => ({ 'zh-CN': need(values.zh, '--zh'), en: need(values.en, '--en') })
    switch (command) {
      case 'add-region':
        await registry.addRegion(id, name())
        return console.log(`region ${id} added`)
      case 'add-branch':
        await registry.addBranch(id, name(), need(values.region, '--region'))
        return console.log(`branch ${id} added; issue its token with: npm run hq -- issue-token ${id}`)
      case 'issue-token': {
        const t = await registry.issueToken(id, values.label)
        return console.log(
          `token ${t.tokenId} for ${id} (shown once; put it in the branch's branch.json, hq.token):\n${t.token}`,
        )
      }
      case 'revoke-token':
        return console.log((await registry.revokeToken(Number(id))) ? `token ${id} revoked` : `no live token ${id}`)
      case 'add-user': {
        const role = need(values.role, '--role') as HqUserRole
        if (!HQ_USER_ROLES.includes(role)) throw new Error(`--role must be one of ${HQ_USER_ROLES.join(', ')}`)
        const password = (await readStdin()).trim()
        if (password.length < 10) throw new Error('A password has at least 10 characters (read from stdin)')
        await registry.addUser(
          { id, name: need(values.name, '--name'), role, regionId: values.region ?? null },
          password,
        )
        return console.log(`user ${id} added`)
      }
      default:
        throw new Error(USAGE)
    }
  } finally {
    await db.close()
  }
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
