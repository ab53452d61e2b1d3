import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FileSystem } from '../../../hub/persistence/fileSystem'
import { HqLink } from '../../../hub/replication/hqLink'
import { CursorFile, freshCursor } from '../../../hub/replication/replicationCursor'
import { Shipper } from '../../../hub/replication/shipper'
import { JournalFolder } from '../../../hub/persistence/journal'
import { nodeFileSystem } from '../../../hub/persistence/nodeFileSystem'
import { TEST_BRANCH } from '../../shared/support/testBranch'

export const RIG_TOKEN = 'branch-token-0123456789abcdef'

/** What a test made: closed after each test (`closeRig`). */
const servers: Server[] = []
const dirs: string[] = []

export async function closeRig(): Promise<void> {
  for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()))
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
}

/**
 * A stand-in for HQ on loopback: refuses the branch's token (401) while `revoked`, and a batch of
 * events (422) while `noEvents`; else takes everything, and answers with the seq it expects next
 * as HQ does. `asked` lists the paths asked, in order.
 */
export async function fakeHq(): Promise<{
  url: string
  asked: string[]
  hq: { revoked: boolean; noEvents: boolean }
}> {
  const asked: string[] = []
  const state = { revoked: true, noEvents: false }
  let lastSeq: number | null = null
  const ack = () => ({ stored: 0, lastSeq, expectedSeq: lastSeq === null ? null : lastSeq + 1 })
  const server = createServer((req, res) => {
    asked.push(req.url ?? '')
    const body: Buffer[] = []
    req.on('data', (b: Buffer) => body.push(b))
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (state.revoked) {
        res.writeHead(401)
        res.end('{"code":"unauthenticated","message":"this branch token was revoked"}')
      } else if (state.noEvents && req.url?.endsWith('/events')) {
        res.writeHead(422)
        res.end('{"code":"invalid","message":"a record HQ will not take"}')
      } else if (req.url?.endsWith('/config')) res.end('{"stored":true}')
      else {
        if (req.url?.endsWith('/events')) {
          const records = (JSON.parse(Buffer.concat(body).toString()) as { records: { e: { seq: number } }[] }).records
          lastSeq = records.at(-1)?.e.seq ?? lastSeq
        }
        res.end(JSON.stringify(ack()))
      }
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked, hq: state }
}

/**
 * A shipper of a journal of three events to `url`, retrying every 20 ms, and what it said. Its
 * journal is read through `fs` (the real file system unless a test must hold a read).
 */
export async function shipperTo(
  url: string,
  o: { heartbeatMs: number; fs?: FileSystem },
): Promise<{ shipper: Shipper; said: (string | null)[]; logged: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-shipper-'))
  dirs.push(dir)
  await mkdir(join(dir, 'journal'))
  const line = (seq: number) =>
    `${JSON.stringify({ e: { type: 'ticketCancelled', ticketId: `t${seq}`, seq, at: 1000 + seq }, m: { actor: { kind: 'system', reason: 'x' } } })}\n`
  await writeFile(join(dir, 'journal', '2026-11-24.jsonl'), [1, 2, 3].map(line).join(''))
  const said: (string | null)[] = []
  const logged: string[] = []
  const shipper = new Shipper({
    journals: new JournalFolder(o.fs ?? nodeFileSystem, join(dir, 'journal')),
    link: new HqLink(url, RIG_TOKEN),
    cursorFile: new CursorFile(nodeFileSystem, join(dir, 'replication.json')),
    cursor: freshCursor(url),
    committed: () => ({ seq: 3, day: '2026-11-24' }),
    replayed: { seq: 3, day: '2026-11-24' },
    reportConfig: () => ({ branch: TEST_BRANCH, utcOffsetMinutes: 480, staff: [] }),
    summaries: () => [],
    feedback: () => [],
    now: () => Date.now(),
    log: (_level, message) => logged.push(message),
    warn: (_level, _event, _facts, message) => logged.push(message),
    onRefused: (refusal) => said.push(refusal),
    heartbeatMs: o.heartbeatMs,
    lingerMs: 10,
    backoff: () => 20,
  })
  return { shipper, said, logged }
}
