import { connect, type DetailedPeerCertificate } from 'node:tls'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ACCEPT, CHROMIUM_DECIDES, decideCertificate, REFUSE, verifyHubChain } from '../../electron/main/hubCertificate'
import { chainOf, pinHubCertificate } from '../../electron/main/security'
import type { TerminalLog } from '../../electron/main/terminalLog'
import { createBranchCa, issueServerCertificate, type CertificateAndKey } from '../../hub/network/tls/certificates'
import { fingerprintOf } from '../../hub/network/tls/certificateFacts'
import { HubFixture } from '../hub/support/hubFixture'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-05T10:00:00Z')
const HUB_NAMES = { dns: ['hub-pc', 'localhost'], ips: ['127.0.0.1', '192.168.1.20'] }

let branchCa: CertificateAndKey
let pin: string
let server: CertificateAndKey
let otherCa: CertificateAndKey

beforeAll(async () => {
  branchCa = await createBranchCa('Lujiazui', NOW - 30 * DAY)
  pin = fingerprintOf(branchCa.certificate)
  server = await issueServerCertificate(branchCa, HUB_NAMES, NOW - DAY)
  otherCa = await createBranchCa('Lujiazui', NOW - 30 * DAY)
})

describe('verifyHubChain', () => {
  it("accepts the hub's certificate chained to the pinned CA, by address and by name", () => {
    const chain = [server.certificate, branchCa.certificate]
    expect(verifyHubChain(chain, '192.168.1.20', pin, NOW)).toEqual({ ok: true })
    expect(verifyHubChain(chain, 'HUB-PC', pin, NOW)).toEqual({ ok: true })
    expect(verifyHubChain(chain, '127.0.0.1', pin.toLowerCase(), NOW)).toEqual({ ok: true })
  })

  it('refuses a certificate from another CA, even one with the same name', async () => {
    const impostor = await issueServerCertificate(otherCa, HUB_NAMES, NOW - DAY)
    expect(verifyHubChain([impostor.certificate, otherCa.certificate], '192.168.1.20', pin, NOW)).toEqual({
      ok: false,
      reason: 'notPinnedCa',
    })
  })

  it('refuses a certificate from another CA presented with the pinned CA appended', async () => {
    const impostor = await issueServerCertificate(otherCa, HUB_NAMES, NOW - DAY)
    expect(verifyHubChain([impostor.certificate, branchCa.certificate], '192.168.1.20', pin, NOW)).toEqual({
      ok: false,
      reason: 'badSignature',
    })
  })

  it('refuses an expired server certificate, and one not valid yet', async () => {
    const expired = await issueServerCertificate(branchCa, HUB_NAMES, NOW - 20 * DAY, 10)
    expect(verifyHubChain([expired.certificate, branchCa.certificate], '192.168.1.20', pin, NOW)).toEqual({
      ok: false,
      reason: 'expired',
    })
    const early = await issueServerCertificate(branchCa, HUB_NAMES, NOW + 2 * DAY)
    expect(verifyHubChain([early.certificate, branchCa.certificate], '192.168.1.20', pin, NOW)).toEqual({
      ok: false,
      reason: 'notYetValid',
    })
  })

  it('refuses a chain whose pinned CA itself has expired', async () => {
    const oldCa = await createBranchCa('Lujiazui', NOW - 40 * DAY, 30)
    const leaf = await issueServerCertificate(oldCa, HUB_NAMES, NOW - 35 * DAY, 60)
    const chain = [leaf.certificate, oldCa.certificate]
    expect(verifyHubChain(chain, '192.168.1.20', fingerprintOf(oldCa.certificate), NOW - 20 * DAY)).toEqual({
      ok: true,
    })
    expect(verifyHubChain(chain, '192.168.1.20', fingerprintOf(oldCa.certificate), NOW)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('refuses a certificate for another name or address', () => {
    const chain = [server.certificate, branchCa.certificate]
    expect(verifyHubChain(chain, '192.168.1.21', pin, NOW)).toEqual({ ok: false, reason: 'wrongName' })
    expect(verifyHubChain(chain, 'evil.example', pin, NOW)).toEqual({ ok: false, reason: 'wrongName' })
    expect(verifyHubChain(chain, 'hub-pc.evil.example', pin, NOW)).toEqual({ ok: false, reason: 'wrongName' })
  })

  describe('edge cases', () => {
    it('refuses the server certificate alone, without its CA', () => {
      expect(verifyHubChain([server.certificate], '192.168.1.20', pin, NOW)).toEqual({
        ok: false,
        reason: 'notPinnedCa',
      })
    })

    it('refuses the CA certificate presented as the server certificate', () => {
      expect(verifyHubChain([branchCa.certificate, branchCa.certificate], '192.168.1.20', pin, NOW)).toEqual({
        ok: false,
        reason: 'notServer',
      })
    })

    it('refuses an empty chain and bytes that are no certificate', () => {
      expect(verifyHubChain([], '192.168.1.20', pin, NOW)).toEqual({ ok: false, reason: 'noChain' })
      expect(verifyHubChain(['not a certificate'], '192.168.1.20', pin, NOW)).toEqual({ ok: false, reason: 'noChain' })
    })
  })
})

describe('decideCertificate', () => {
  const hub = { hostname: '192.168.1.20', caFingerprint: pin }

  it("answers for the hub's host with its own verdict", () => {
    const good = decideCertificate(
      { hostname: '192.168.1.20', chain: [server.certificate, branchCa.certificate] },
      { ...hub, caFingerprint: pin },
      NOW,
    )
    expect(good.result).toBe(ACCEPT)
    const bad = decideCertificate(
      { hostname: '192.168.1.20', chain: [server.certificate] },
      { ...hub, caFingerprint: pin },
      NOW,
    )
    expect(bad).toEqual({ result: REFUSE, verdict: { ok: false, reason: 'notPinnedCa' } })
  })

  it("leaves other hosts, and a hub without a pin, to Chromium's own verification", () => {
    expect(decideCertificate({ hostname: 'example.com', chain: [] }, { ...hub, caFingerprint: pin }, NOW)).toEqual({
      result: CHROMIUM_DECIDES,
      verdict: null,
    })
    expect(
      decideCertificate(
        { hostname: '192.168.1.20', chain: [] },
        { hostname: '192.168.1.20', caFingerprint: null },
        NOW,
      ),
    ).toEqual({ result: CHROMIUM_DECIDES, verdict: null })
  })
})

/** Electron's `Certificate` as the verification callback gets it: PEM data and the issuer. */
interface ElectronCertificate {
  data: string
  issuerCert?: ElectronCertificate
}

function electronChain(...pems: string[]): ElectronCertificate {
  const [first, ...rest] = pems
  return rest.length === 0 ? { data: first as string } : { data: first as string, issuerCert: electronChain(...rest) }
}

function fakeSession() {
  const box: { proc: ((request: unknown, callback: (result: number) => void) => void) | null } = { proc: null }
  return {
    box,
    session: {
      setCertificateVerifyProc(proc: (request: unknown, callback: (result: number) => void) => void): void {
        box.proc = proc
      },
    },
  }
}

function recordingLog() {
  const errors: { event: string; fields: unknown }[] = []
  const log = {
    info: () => undefined,
    warn: () => undefined,
    error: (event: string, fields?: unknown) => errors.push({ event, fields }),
  } as unknown as TerminalLog
  return { log, errors }
}

describe('pinHubCertificate', () => {
  const ask = (box: ReturnType<typeof fakeSession>['box'], hostname: string, certificate: ElectronCertificate) =>
    new Promise<number>((resolve) => box.proc?.({ hostname, certificate }, resolve))

  it('accepts only the pinned chain for the hub, and logs each refusal', async () => {
    const { box, session } = fakeSession()
    const { log, errors } = recordingLog()
    pinHubCertificate(session as never, 'https://192.168.1.20:8420', pin, () => NOW, log)
    expect(await ask(box, '192.168.1.20', electronChain(server.certificate, branchCa.certificate))).toBe(ACCEPT)
    const impostor = await issueServerCertificate(otherCa, HUB_NAMES, NOW - DAY)
    expect(await ask(box, '192.168.1.20', electronChain(impostor.certificate, otherCa.certificate))).toBe(REFUSE)
    expect(errors).toEqual([{ event: 'certificate.refused', fields: { host: '192.168.1.20', reason: 'notPinnedCa' } }])
  })

  it('installs nothing without a pin (the operating system trusts the bank PKI)', () => {
    const { box, session } = fakeSession()
    pinHubCertificate(session as never, 'https://hub.bank.example', null, () => NOW, recordingLog().log)
    expect(box.proc).toBeNull()
  })

  it('reads the chain Electron hands over, stopping at a self-signed root', () => {
    const root: ElectronCertificate = { data: branchCa.certificate }
    root.issuerCert = root
    expect(chainOf({ data: server.certificate, issuerCert: root } as never)).toEqual([
      server.certificate,
      branchCa.certificate,
    ])
  })
})

describe('a real hub over TLS', () => {
  let f: HubFixture | null = null
  afterEach(async () => {
    await f?.stop()
    f = null
  })

  it('presents a chain the pinned terminal accepts, and no other pin accepts', async () => {
    f = await HubFixture.start({ tls: 'on' })
    const ca = f.hub.ca
    if (ca === null) throw new Error('the hub serves no TLS')
    const url = new URL(f.url)
    const peer = await new Promise<DetailedPeerCertificate>((resolve, reject) => {
      // Chromium's view before the verdict: whatever the server presents, unverified.
      const socket = connect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false }, () => {
        resolve(socket.getPeerCertificate(true))
        socket.end()
      })
      socket.on('error', reject)
    })
    const chain: Buffer[] = []
    for (
      let c: DetailedPeerCertificate | undefined = peer;
      c !== undefined && chain.length < 5;
      c = c.issuerCertificate
    ) {
      if (chain.some((d) => d.equals(c?.raw as Buffer))) break
      chain.push(c.raw)
    }
    expect(verifyHubChain(chain, url.hostname, ca.fingerprint, Date.now())).toEqual({ ok: true })
    expect(verifyHubChain(chain, url.hostname, fingerprintOf(otherCa.certificate), Date.now())).toEqual({
      ok: false,
      reason: 'notPinnedCa',
    })
  })
})
