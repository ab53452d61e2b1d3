import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHubLog, type HubLog } from '../../hub/log/hubLog'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { namesOf, notAfterOf } from '../../hub/network/tls/certificateFacts'
import { createBranchCa, SERVER_VALID_DAYS } from '../../hub/network/tls/certificates'
import { hubNames, namesCovered, type HubNames } from '../../hub/network/tls/hubNames'
import { HubTls, listenerProtection, RENEW_BEFORE_MS, WARN_BEFORE_MS } from '../../hub/network/tls/hubTls'
import { TlsFiles } from '../../hub/network/tls/tlsFiles'
import { FakeClock } from './support/fakeClock'

const DAY = 86_400_000
let dir: string
let clock: FakeClock
let log: HubLog
let names: HubNames

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-tls-'))
  clock = new FakeClock(Date.now())
  log = await openHubLog({}, join(dir, 'logs'), clock)
  names = { dns: ['kiosk-01', 'localhost'], ips: ['127.0.0.1', '192.168.1.20'] }
})
afterEach(async () => {
  await log.close()
  await rm(dir, { recursive: true, force: true })
})

const open = () =>
  HubTls.open({
    fs: nodeFileSystem,
    dataDir: dir,
    bankCertificate: undefined,
    branchName: 'Test branch',
    now: () => clock.now(),
    names: () => names,
    log: log.logger,
  })

describe('listenerProtection', () => {
  it('puts TLS on every non-loopback listener unless opted out', () => {
    expect(listenerProtection('auto', '0.0.0.0')).toBe('tls')
    expect(listenerProtection('auto', '192.168.1.20')).toBe('tls')
    expect(listenerProtection('auto', '::')).toBe('tls')
    expect(listenerProtection('auto', '127.0.0.1')).toBe('loopback')
    expect(listenerProtection('auto', 'localhost')).toBe('loopback')
    expect(listenerProtection('on', '127.0.0.1')).toBe('tls')
    expect(listenerProtection('off', '0.0.0.0')).toBe('plainLan')
    expect(listenerProtection('off', '::1')).toBe('loopback')
  })
})

describe('hubNames', () => {
  it('names the PC, its addresses (not link-local IPv6) and the public address, never 0.0.0.0', () => {
    const nic = (address: string, family: 'IPv4' | 'IPv6') =>
      ({ address, family, internal: false, netmask: '', mac: '', cidr: null }) as never
    expect(
      hubNames({
        hostname: 'KIOSK-01',
        interfaces: { eth0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1', 'IPv6'), nic('fd00::20', 'IPv6')] },
        host: '0.0.0.0',
        publicUrl: 'https://lobby.example.cn',
      }),
    ).toEqual({
      dns: ['kiosk-01', 'lobby.example.cn', 'localhost'],
      ips: ['127.0.0.1', '192.168.1.20', '::1', 'fd00::20'],
    })
    // A Windows name with an underscore is no DNS name: left out rather than break the certificate.
    expect(hubNames({ hostname: 'KIOSK_01', interfaces: {}, host: '::', publicUrl: null }).dns).toEqual(['localhost'])
  })
})

describe('HubTls', () => {
  it('issues a server certificate for every name and keeps it until it must be renewed', async () => {
    const tls = await open()
    const first = tls.served.cert
    expect(namesCovered(namesOf(first), names)).toBe(true)
    await tls.refresh()
    expect(tls.served.cert).toBe(first)
    // A restart reads the same files.
    expect((await open()).served.cert).toBe(first)
  })

  it('renews the server certificate 60 days before it expires, and serves the new one at once', async () => {
    const tls = await open()
    const served: string[] = []
    tls.onChange((s) => served.push(s.cert))
    const expires = notAfterOf(tls.served.cert)
    expect(expires - clock.now()).toBeGreaterThan((SERVER_VALID_DAYS - 1) * DAY)
    clock.set(expires - RENEW_BEFORE_MS - DAY)
    await tls.refresh()
    expect(served).toHaveLength(0)
    clock.set(expires - RENEW_BEFORE_MS + 1)
    await tls.refresh()
    expect(served).toHaveLength(1)
    expect(notAfterOf(tls.served.cert)).toBeGreaterThan(expires)
    // Written to disk: a restart serves the renewed certificate, from the same CA.
    const files = await new TlsFiles(nodeFileSystem, dir).readServer()
    expect(tls.served.cert.startsWith(files?.certificate.trimEnd() ?? '-')).toBe(true)
    // Nothing expires within 30 days, so nothing is shown to the manager.
    expect(tls.expiringSoon()).toEqual([])
  })

  it('renews when the PC gains an address its certificate does not carry', async () => {
    const tls = await open()
    const before = tls.served.cert
    names = { ...names, ips: [...names.ips, '10.8.0.7'] }
    await tls.refresh()
    expect(tls.served.cert).not.toBe(before)
    expect(namesOf(tls.served.cert).ips).toContain('10.8.0.7')
  })

  it('warns the manager 30 days before the CA expires, once', async () => {
    const ca = await createBranchCa('Short-lived', clock.now(), 45)
    await new TlsFiles(nodeFileSystem, dir).writeCa(ca)
    const tls = await open()
    // The server certificate never outlives its CA.
    expect(notAfterOf(tls.served.cert)).toBeLessThanOrEqual(notAfterOf(ca.certificate))
    expect(tls.expiringSoon()).toEqual([])
    clock.set(notAfterOf(ca.certificate) - WARN_BEFORE_MS + DAY)
    await tls.refresh()
    await tls.refresh()
    const soon = tls.expiringSoon().map((c) => c.what)
    expect(soon).toContain('certificateAuthority')
    const warnings = log.warnings.recent().filter((w) => w.event === 'tls.expiring')
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/certificate authority expires on \d{4}-\d{2}-\d{2}/)
    expect(new Set(warnings.map((w) => w.message)).size).toBe(warnings.length)
    expect(tls.view('tls').expiringSoon[0]?.what).toBeDefined()
  })

  it('refuses to start with a CA certificate whose key is missing, naming the folder', async () => {
    const ca = await createBranchCa('Half', clock.now())
    await new TlsFiles(nodeFileSystem, dir).writeCa(ca)
    await rm(join(dir, 'tls', 'branch-ca.key'))
    await expect(open()).rejects.toThrow(/branch-ca: the certificate or its key is missing/)
    // Nothing was replaced: the certificate terminals pin is still there.
    expect(await readFile(join(dir, 'tls', 'branch-ca.pem'), 'utf8')).toBe(ca.certificate)
  })
})
