import { createServer as createPlainServer, type Server as PlainServer } from 'node:http'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionView } from '../../shared/api/views'
import { pairWithHub } from '../../electron/main/hubPairing'
import { createBranchCa, issueServerCertificate } from '../../hub/network/tls/certificates'
import { fingerprintOf } from '../../hub/network/tls/certificateFacts'
import { HubFixture } from '../hub/support/hubFixture'

/**
 * Pairing a desktop terminal from setup, against a real hub over real TLS: the terminal learns
 * the CA to pin only from a hub whose certificate actually chains to it.
 */

let f: HubFixture | null = null
let impostor: Server | PlainServer | null = null
afterEach(async () => {
  await f?.stop()
  f = null
  await new Promise<void>((resolve) => (impostor === null ? resolve() : impostor.close(() => resolve())))
  impostor = null
})

async function codeFor(hub: HubFixture, role: 'kiosk' | 'display'): Promise<string> {
  const r = await hub.request<{ code: string }>(
    'POST',
    '/api/v1/pairing-codes',
    { role, name: 'Counter PC' },
    await hub.manager(),
  )
  return r.body.code
}

/** A server on loopback with a certificate from another CA, answering pairing as `answer` says. */
async function startImpostor(answer: (body: string) => unknown): Promise<{ url: string; requests: string[] }> {
  const ca = await createBranchCa('Impostor', Date.now())
  const leaf = await issueServerCertificate(ca, { dns: ['localhost'], ips: ['127.0.0.1'] }, Date.now())
  const requests: string[] = []
  const server = createServer(
    { cert: `${leaf.certificate.trimEnd()}\n${ca.certificate}`, key: leaf.privateKey },
    (req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += String(c)))
      req.on('end', () => {
        requests.push(body)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(answer(body)))
      })
    },
  )
  impostor = server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }
}

/** A plain-HTTP server on loopback answering pairing with `text`, as a lab hub would. */
async function startPlainAnswer(text: string): Promise<string> {
  const server = createPlainServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(text)
    })
  })
  impostor = server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const TOKEN = 'dev_0123456789abcdef'

describe('pairWithHub', () => {
  it("answers the device token and the CA the hub's certificate chains to", async () => {
    f = await HubFixture.start({ tls: 'on' })
    const result = await pairWithHub({
      hubUrl: f.url,
      code: await codeFor(f, 'display'),
      expectedFingerprint: null,
      now: Date.now(),
    })
    expect(result).toMatchObject({ ok: true, role: 'display', caFingerprint: f.hub.ca?.fingerprint })
    if (!result.ok) throw new Error('not paired')
    const session = await f.request<SessionView>('GET', '/api/v1/sessions/current', undefined, result.deviceToken)
    expect(session.body.role).toBe('display')
  })

  it('checks a typed fingerprint before the code is sent, so a wrong hub never sees it', async () => {
    f = await HubFixture.start({ tls: 'on' })
    const code = await codeFor(f, 'kiosk')
    const other = fingerprintOf((await createBranchCa('Elsewhere', Date.now())).certificate)
    expect(await pairWithHub({ hubUrl: f.url, code, expectedFingerprint: other, now: Date.now() })).toEqual({
      ok: false,
      reason: 'certificateMismatch',
    })
    // The code was not used: it still pairs once the right fingerprint is typed (lower-case is fine).
    const typed = (f.hub.ca?.fingerprint ?? '').toLowerCase()
    expect(await pairWithHub({ hubUrl: f.url, code, expectedFingerprint: typed, now: Date.now() })).toMatchObject({
      ok: true,
      role: 'kiosk',
    })
  })

  it('refuses an answer naming a CA the presented certificate does not chain to', async () => {
    f = await HubFixture.start({ tls: 'on' })
    const real = f.hub.ca?.fingerprint ?? null
    const fake = await startImpostor(() => ({ token: 'dev_0123456789abcdef', role: 'kiosk', caFingerprint: real }))
    expect(await pairWithHub({ hubUrl: fake.url, code: '123456', expectedFingerprint: null, now: Date.now() })).toEqual(
      { ok: false, reason: 'certificateMismatch' },
    )
    expect(fake.requests).toHaveLength(1)
    const typed = await startImpostor(() => ({ token: 'dev_0123456789abcdef', role: 'kiosk', caFingerprint: real }))
    expect(
      await pairWithHub({ hubUrl: typed.url, code: '123456', expectedFingerprint: real, now: Date.now() }),
    ).toEqual({ ok: false, reason: 'certificateMismatch' })
    expect(typed.requests).toHaveLength(0)
  })

  it('says why pairing failed: a wrong code, a hub that is not there, bad arguments', async () => {
    f = await HubFixture.start({ tls: 'on' })
    const now = Date.now()
    expect(await pairWithHub({ hubUrl: f.url, code: '000000', expectedFingerprint: null, now })).toEqual({
      ok: false,
      reason: 'refused',
    })
    expect(
      await pairWithHub({ hubUrl: 'https://127.0.0.1:1', code: '123456', expectedFingerprint: null, now }),
    ).toEqual({ ok: false, reason: 'unreachable' })
    for (const [hubUrl, code, expectedFingerprint] of [
      ['192.168.1.20:8420', '123456', null],
      [f.url, '12345', null],
      [f.url, '123456', 'AB:CD'],
    ] as const) {
      expect(await pairWithHub({ hubUrl, code, expectedFingerprint, now })).toEqual({
        ok: false,
        reason: 'badArguments',
      })
    }
  })

  it('pairs with a plain-HTTP hub (the lab opt-out) with nothing to pin', async () => {
    f = await HubFixture.start()
    const result = await pairWithHub({
      hubUrl: f.url,
      code: await codeFor(f, 'kiosk'),
      expectedFingerprint: null,
      now: Date.now(),
    })
    expect(result).toMatchObject({ ok: true, role: 'kiosk', caFingerprint: null })
  })

  it.each([
    ['not JSON', '<html>pairing</html>', /^the answer is not JSON \(/],
    [
      'a role setup cannot pair',
      { token: TOKEN, role: 'teller', caFingerprint: null },
      /^role: must be "kiosk" or "display"/,
    ],
    [
      'a token too short to be one',
      { token: 'dev_1', role: 'kiosk', caFingerprint: null },
      /^token: must be the token the hub issued/,
    ],
    ['no token', { role: 'kiosk', caFingerprint: null }, /^token: is required$/],
    [
      'a fingerprint that is not one',
      { token: TOKEN, role: 'kiosk', caFingerprint: 'AB:CD' },
      /^caFingerprint: must be null or the CA/,
    ],
    [
      'a fingerprint from a plain-HTTP hub',
      { token: TOKEN, role: 'kiosk', caFingerprint: 'AB:'.repeat(31) + 'AB' },
      /^caFingerprint: must be null from a plain-HTTP hub$/,
    ],
  ] as const)(
    'refuses an answer with %s as unexpected, naming the field, and keeps nothing',
    async (_, answer, words) => {
      const url = await startPlainAnswer(typeof answer === 'string' ? answer : JSON.stringify(answer))
      const result = await pairWithHub({ hubUrl: url, code: '123456', expectedFingerprint: null, now: Date.now() })
      // Not `refused`: that says the code was wrong, and a person would retry it forever.
      expect(result).toMatchObject({ ok: false, reason: 'unexpectedAnswer' })
      expect('problems' in result ? result.problems : []).toEqual([expect.stringMatching(words)])
    },
  )

  it("refuses an https hub's answer whose token is malformed before anything else is believed", async () => {
    f = await HubFixture.start({ tls: 'on' })
    const fake = await startImpostor(() => ({
      token: 42,
      role: 'kiosk',
      caFingerprint: f?.hub.ca?.fingerprint ?? null,
    }))
    expect(await pairWithHub({ hubUrl: fake.url, code: '123456', expectedFingerprint: null, now: Date.now() })).toEqual(
      {
        ok: false,
        reason: 'unexpectedAnswer',
        problems: ['token: must be the token the hub issued when this screen was paired'],
      },
    )
  })

  it('tells a hub that answers over HTTPS only, asked at http://, and its code stays good', async () => {
    f = await HubFixture.start({ tls: 'on' })
    const code = await codeFor(f, 'kiosk')
    const typed = f.url.replace(/^https:/, 'http:')
    expect(await pairWithHub({ hubUrl: typed, code, expectedFingerprint: null, now: Date.now() })).toEqual({
      ok: false,
      reason: 'httpsRequired',
    })
    expect(await pairWithHub({ hubUrl: f.url, code, expectedFingerprint: null, now: Date.now() })).toMatchObject({
      ok: true,
      role: 'kiosk',
    })
  })

  it.each([
    [404, 'Not Found', 'unexpectedAnswer'],
    [503, '{"error":"diskFailed","message":"The disk failed"}', 'hubFailed'],
  ] as const)(
    'tells a server answering %i from a hub refusing the code (401), with what it said',
    async (status, text, reason) => {
      const server = createPlainServer((req, res) => {
        req.resume()
        req.on('end', () => {
          res.writeHead(status, { 'content-type': 'text/plain' })
          res.end(text)
        })
      })
      impostor = server
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      expect(await pairWithHub({ hubUrl: url, code: '123456', expectedFingerprint: null, now: Date.now() })).toEqual({
        ok: false,
        reason,
        problems: [`the server answered HTTP ${status} (${text})`],
      })
    },
  )
})
