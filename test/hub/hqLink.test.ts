import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HqLink, HqRefused } from '../../hub/replication/hqLink'

describe('HqLink against a server answering what it likes', () => {
  let server: Server
  let answer: { status: number; body: string }
  let url: string
  beforeEach(async () => {
    server = createServer((_req, res) => {
      res.writeHead(answer.status, { 'content-type': 'application/json' })
      res.end(answer.body)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    await new Promise<void>((r) => server.close(() => r()))
  })
  const heartbeat = () =>
    new HqLink(url, 'token').send('heartbeat', { lastSeq: 3 } as never, new AbortController().signal)

  it('returns an acknowledgement of the contract', async () => {
    answer = { status: 200, body: JSON.stringify({ stored: 0, lastSeq: 3, expectedSeq: 4 }) }
    expect(await heartbeat()).toEqual({ stored: 0, lastSeq: 3, expectedSeq: 4 })
  })

  it('refuses an acknowledgement not of the contract, naming the field, before the cursor moves by it', async () => {
    answer = { status: 200, body: JSON.stringify({ stored: 0, lastSeq: 'three', expectedSeq: 4 }) }
    const e = await heartbeat().then(
      () => null,
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(HqRefused)
    expect((e as HqRefused).code).toBe('malformedAnswer')
    expect((e as HqRefused).message).toContain('lastSeq: must be')
  })

  it('reads a refusal whose fields are not text by its status', async () => {
    answer = { status: 409, body: JSON.stringify({ code: 7, message: ['no'] }) }
    const e = (await heartbeat().catch((x: unknown) => x)) as HqRefused
    expect(e).toBeInstanceOf(HqRefused)
    expect([e.status, e.code]).toEqual([409, 'unknown'])
  })
})
