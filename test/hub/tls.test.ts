import { X509Certificate } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { request as plainRequest } from 'node:http'
import { connect, type DetailedPeerCertificate } from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { HubStatusView } from '../../shared/api/health'
import type { ApiError, PairedView } from '../../shared/api/views'
import type { BranchFile } from '../../hub/config/branchFile'
import { createBranchCa, issueServerCertificate } from '../../hub/network/tls/certificates'
import { fingerprintOf } from '../../hub/network/tls/certificateFacts'
import { HSTS } from '../../hub/network/tls/secureServer'
import { HubFixture } from './support/hubFixture'
import { hubLogLines, hubLogText } from './support/hubLogFile'
import { requestTls, type RawAnswer } from './support/tlsClient'

/**
 * The hub's TLS for real: HTTPS and WSS on loopback with the branch CA the hub makes, checked by
 * clients that trust that CA, clients that do not, and plain HTTP on the same port.
 */
let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

const start = async (over: Parameters<typeof HubFixture.start>[0] = {}): Promise<HubFixture> => {
  f = await HubFixture.start({ tls: 'on', ...over })
  return f
}
const caOf = (hub: HubFixture): string => {
  if (hub.hub.ca === null) throw new Error('the hub serves no TLS')
  return hub.hub.ca.certificate
}

/** A plain-HTTP request to the hub's port, as a misconfigured terminal or a typed `http://` would make. */
function plain(url: string, method: string, path: string, body?: string): Promise<RawAnswer> {
  const target = new URL(path, url.replace(/^https:/, 'http:'))
  return new Promise((resolve, reject) => {
    const req = plainRequest(
      target,
      { method, headers: body === undefined ? {} : { 'content-type': 'application/json' } },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString('utf8')))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The manager's sign-in, PIN and all, sent in clear. */
const plainSignIn = (url: string): Promise<RawAnswer> =>
  plain(url, 'POST', '/api/v1/sessions', JSON.stringify({ staffId: 'm01', pin: '9999', counterId: null }))

/** The certificate chain the hub presents to a client that checks nothing (to inspect it). */
function presentedChain(url: string): Promise<DetailedPeerCertificate> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate(true))
      socket.end()
    })
    socket.on('error', reject)
  })
}

describe('the hub over TLS', () => {
  it('answers a client that trusts the branch CA, with HSTS, and refuses clients that do not', async () => {
    const hub = await start()
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const ok = await requestTls(`${hub.url}/api/v1/health`, { ca: caOf(hub) })
    expect(ok.status).toBe(200)
    expect(ok.headers['strict-transport-security']).toBe(HSTS)
    // The operating system's roots only: the branch CA is not among them.
    await expect(requestTls(`${hub.url}/api/v1/health`, { ca: null })).rejects.toThrow(/self.signed|unable to verify/i)
    // Another CA (another branch's, an attacker's) is not this one.
    const other = await createBranchCa('Another branch', Date.now())
    await expect(requestTls(`${hub.url}/api/v1/health`, { ca: other.certificate })).rejects.toThrow(
      /self.signed|unable to verify|signature/i,
    )
  })

  it('carries the live channel over WSS for a client that trusts the CA, and refuses one that does not', async () => {
    const hub = await start()
    const kiosk = await hub.pair('kiosk', await hub.manager())
    const live = await hub.live(kiosk, null)
    await live.until((m) => m.some((x) => x.type === 'snapshot'), 'the snapshot over WSS')
    live.close()
    const untrusting = new WebSocket(`${hub.url.replace('https', 'wss')}/api/v1/live`)
    const failure = await new Promise<Error>((resolve) => untrusting.once('error', resolve))
    expect(failure.message).toMatch(/self.signed|unable to verify/i)
  })

  it('names every address and name of this PC, and the pairing answer names the CA that signed it', async () => {
    const hub = await start()
    const chain = await presentedChain(hub.url)
    const leaf = new X509Certificate(chain.raw)
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(leaf.checkHost('localhost')).toBe('localhost')
    expect(leaf.ca).toBe(false)
    expect(leaf.keyUsage).toContain('1.3.6.1.5.5.7.3.1')
    const ca = new X509Certificate(chain.issuerCertificate.raw)
    expect(ca.ca).toBe(true)
    expect(leaf.verify(ca.publicKey)).toBe(true)
    const manager = await hub.manager()
    const code = await hub.request<{ code: string }>(
      'POST',
      '/api/v1/pairing-codes',
      { role: 'kiosk', name: 'K' },
      manager,
    )
    const paired = await hub.request<PairedView>('POST', '/api/v1/pair', { code: code.body.code })
    expect(paired.status).toBe(200)
    expect(paired.body.caFingerprint).toBe(ca.fingerprint256)
    expect(paired.body.caFingerprint).toBe(hub.hub.ca?.fingerprint)
    // The CA certificate a browser installs once is the same one.
    const pem = await requestTls(`${hub.url}/api/v1/tls/ca.pem`, { ca: caOf(hub) })
    expect(fingerprintOf(pem.text)).toBe(ca.fingerprint256)
  })

  it('keeps the CA across restarts, keys owner-only and out of the log', async () => {
    const hub = await start()
    const before = hub.hub.ca?.fingerprint
    await hub.restart({ tls: 'on' })
    expect(hub.hub.ca?.fingerprint).toBe(before)
    const files = (await readdir(`${hub.dataDir}/tls`)).sort()
    expect(files).toEqual(['branch-ca.key', 'branch-ca.pem', 'hub.key', 'hub.pem'])
    for (const key of ['branch-ca.key', 'hub.key'])
      expect((await stat(`${hub.dataDir}/tls/${key}`)).mode & 0o777).toBe(0o600)
    expect(await hubLogText(hub.dataDir)).not.toMatch(/PRIVATE KEY/)
    const created = (await hubLogLines(hub.dataDir)).filter((l) => l.event === 'tls.caCreated')
    expect(created).toHaveLength(1)
    expect(created[0]?.caFingerprint).toBe(before)
  })
})

describe('plain HTTP on a TLS listener', () => {
  it('is redirected to HTTPS for a page, and refused for the API, sign-in and the live channel, never served', async () => {
    const hub = await start()
    const page = await plain(hub.url, 'GET', '/#/kiosk')
    expect(page.status).toBe(308)
    expect(page.headers.location).toBe(`${hub.url}/`)
    const signIn = await plainSignIn(hub.url)
    expect(signIn.status).toBe(403)
    expect((JSON.parse(signIn.text) as ApiError).code).toBe('httpsRequired')
    const queue = await plain(hub.url, 'GET', '/api/v1/queue')
    expect(queue.status).toBe(403)
    // A host the hub does not carry gets no redirect to it.
    const forged = await new Promise<RawAnswer>((resolve, reject) => {
      const { port } = new URL(hub.url)
      plainRequest({ host: '127.0.0.1', port, path: '/', headers: { host: 'evil.example' } }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' }))
      })
        .on('error', reject)
        .end()
    })
    expect(forged.status).toBe(403)
    expect(forged.headers.location).toBeUndefined()
    const ws = new WebSocket(`${hub.url.replace('https', 'ws')}/api/v1/live`)
    const refused = await new Promise<Error>((resolve) => ws.once('error', resolve))
    expect(refused.message).toMatch(/403/)
    // Nothing the plain requests carried reached a route: no sign-in, no session.
    const lines = await hubLogLines(hub.dataDir)
    expect(lines.some((l) => typeof l.event === 'string' && l.event.startsWith('signIn'))).toBe(false)
    expect(lines.filter((l) => l.event === 'tls.plainRequest').length).toBeGreaterThanOrEqual(4)
    // And the hub still serves HTTPS afterwards.
    expect((await requestTls(`${hub.url}/api/v1/health`, { ca: caOf(hub) })).status).toBe(200)
  })

  it('is never served by a hub listening on every interface (a LAN listener, TLS by default)', async () => {
    f = await HubFixture.start({ host: '0.0.0.0' })
    expect(f.hub.url).toMatch(/^https:/)
    const r = await plainSignIn(f.url)
    expect(r.status).toBe(403)
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, await f.manager())
    expect(status.body.tls.protection).toBe('tls')
    expect(status.body.tls.certificateSource).toBe('branchCa')
    expect(status.body.tls.expiringSoon).toEqual([])
  })
})

describe('the opt-out and loopback', () => {
  it('serves plain HTTP on a LAN address only when opted out, logs it and shows the manager', async () => {
    f = await HubFixture.start({ host: '0.0.0.0', tls: 'off' })
    expect(f.hub.url).toMatch(/^http:/)
    expect(f.hub.ca).toBeNull()
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, await f.manager())
    expect(status.body.tls.protection).toBe('plainLan')
    expect(status.body.warnings.some((w) => w.event === 'tls.off')).toBe(true)
  })

  it('stays plain HTTP on loopback by default (nothing crosses a network)', async () => {
    f = await HubFixture.start()
    expect(f.hub.url).toMatch(/^http:\/\/127\.0\.0\.1:/)
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, await f.manager())
    expect(status.body.tls.protection).toBe('loopback')
    const paired = await f.pair('display', await f.manager())
    expect(paired).toMatch(/./)
  })
})

describe("the bank's own certificate", () => {
  it('is served by path, and pairing names the bank CA', async () => {
    const dir = await HubFixture.start().then(async (h) => {
      await h.stop(false)
      return h.dataDir
    })
    const bankCa = await createBranchCa('Bank PKI root', Date.now())
    const server = await issueServerCertificate(bankCa, { dns: ['localhost'], ips: ['127.0.0.1'] }, Date.now(), 200)
    await writeFile(`${dir}/bank.pem`, server.certificate)
    await writeFile(`${dir}/bank.key`, server.privateKey, { mode: 0o600 })
    await writeFile(`${dir}/bank-ca.pem`, bankCa.certificate)
    const file = JSON.parse(await readFile(`${dir}/branch.json`, 'utf8')) as BranchFile
    await writeFile(
      `${dir}/branch.json`,
      JSON.stringify({
        ...file,
        network: {
          ...file.network,
          tls: 'on',
          certificate: { certFile: 'bank.pem', keyFile: 'bank.key', caFile: `${dir}/bank-ca.pem` },
        },
      }),
    )
    f = await HubFixture.start({}, dir)
    expect(f.hub.ca?.fingerprint).toBe(fingerprintOf(bankCa.certificate))
    const r = await requestTls(`${f.url}/api/v1/health`, { ca: bankCa.certificate })
    expect(r.status).toBe(200)
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, await f.manager())
    expect(status.body.tls.certificateSource).toBe('bankCertificate')
    expect(status.body.tls.caFingerprint).toBe(fingerprintOf(bankCa.certificate))
    // The hub made no CA of its own.
    await expect(stat(`${dir}/tls/branch-ca.key`)).rejects.toThrow(/ENOENT/)
  })
})
