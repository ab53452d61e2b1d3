import { isAbsolute, join } from 'node:path'
import { errorText } from '../../../shared/util/errorText'
import type { ExpiringCertificate, HubTlsView, ListenerProtection } from '../../../shared/api/health'
import type { BranchFile } from '../../config/branchFile'
import type { HubLogger } from '../../log/hubLog'
import { logWarning } from '../../log/hubWarning'
import type { FileSystem } from '../../persistence/fileSystem'
import { isLoopback } from '../customerAddress'
import { createBranchCa, issueServerCertificate, SERVER_VALID_DAYS, type CertificateAndKey } from './certificates'
import { fingerprintOf, namesOf, notAfterOf, splitPem } from './certificateFacts'
import { namesCovered, type HubNames } from './hubNames'
import { TlsFiles } from './tlsFiles'

export type TlsMode = 'auto' | 'on' | 'off'
type BankCertificate = NonNullable<BranchFile['network']['certificate']>

const DAY_MS = 86_400_000
/** The manager is warned this long before a certificate expires. */
export const WARN_BEFORE_MS = 30 * DAY_MS
/** The hub's own server certificate is renewed this long before it expires (well before the warning). */
export const RENEW_BEFORE_MS = 60 * DAY_MS

/**
 * How a listener on `host` is protected under `network.tls`. Every non-loopback listener gets
 * TLS unless the branch opted out; loopback stays plain HTTP under `auto` (nothing crosses a
 * network: the demo, a hub for this PC only).
 *
 * @example
 * listenerProtection('auto', '0.0.0.0') //=> 'tls'
 * listenerProtection('auto', '127.0.0.1') //=> 'loopback'
 * listenerProtection('off', '192.168.1.20') //=> 'plainLan'
 */
export function listenerProtection(mode: TlsMode, host: string): ListenerProtection {
  switch (mode) {
    case 'on':
      return 'tls'
    case 'auto':
      return isLoopback(host) ? 'loopback' : 'tls'
    case 'off':
      return isLoopback(host) ? 'loopback' : 'plainLan'
  }
}

/** The certificate and key the listener serves: the server certificate followed by its chain. */
export interface ServedCertificate {
  readonly cert: string
  readonly key: string
}

interface Material {
  readonly served: ServedCertificate
  /** The CA terminals trust (PEM). */
  readonly ca: string
  readonly serverNotAfter: number
  readonly serverNames: HubNames
}

export interface HubTlsOptions {
  readonly fs: FileSystem
  readonly dataDir: string
  /** `network.certificate`: the bank's own, by path (relative paths from the data folder). */
  readonly bankCertificate: BankCertificate | undefined
  readonly branchName: string
  readonly now: () => number
  /** Every name the server certificate must carry, as of now. */
  readonly names: () => HubNames
  readonly log: HubLogger
}

/**
 * The hub's certificates: the branch CA, made at the first start that serves TLS (or the bank's
 * own certificate and CA, read from their paths), and the server certificate it serves, issued
 * for every name of this PC and renewed 60 days before it expires or when the PC gains a name
 * or address it does not carry. The keys stay in the data folder (`tlsFiles.ts`) and are never
 * logged. `refresh` runs at the start and every minute; `onChange` tells the listener to serve
 * the new certificate (no restart, no dropped connection).
 */
export class HubTls {
  private material: Material
  private readonly changed = new Set<(served: ServedCertificate) => void>()
  private readonly warned = new Set<string>()

  private constructor(
    private readonly o: HubTlsOptions,
    private readonly files: TlsFiles,
    private readonly branchCa: CertificateAndKey | null,
    material: Material,
  ) {
    this.material = material
  }

  static async open(o: HubTlsOptions): Promise<HubTls> {
    const files = new TlsFiles(o.fs, o.dataDir)
    if (o.bankCertificate !== undefined) {
      const material = await readBankCertificate(o.fs, o.dataDir, o.bankCertificate)
      o.log.info(
        { event: 'tls.bankCertificate', caFingerprint: fingerprintOf(material.ca), file: o.bankCertificate.certFile },
        "Serving the bank's own certificate",
      )
      const tls = new HubTls(o, files, null, material)
      tls.warnIfExpiring()
      return tls
    }
    let ca = await files.readCa()
    if (ca === null) {
      ca = await createBranchCa(o.branchName, o.now())
      await files.writeCa(ca)
      o.log.info(
        { event: 'tls.caCreated', caFingerprint: fingerprintOf(ca.certificate), dir: files.dir },
        'Created the branch certificate authority',
      )
    }
    const server = await files.readServer()
    const tls = new HubTls(o, files, ca, server === null ? await issue(o, files, ca) : branchMaterial(ca, server))
    await tls.refresh()
    return tls
  }

  get served(): ServedCertificate {
    return this.material.served
  }

  /** The CA certificate terminals trust (PEM): public, served at `/api/v1/tls/ca.pem`. */
  get caCertificate(): string {
    return this.material.ca
  }

  get caFingerprint(): string {
    return fingerprintOf(this.material.ca)
  }

  /** Told of each new server certificate, to serve it at once. */
  onChange(listener: (served: ServedCertificate) => void): () => void {
    this.changed.add(listener)
    return () => this.changed.delete(listener)
  }

  /**
   * Renews the server certificate when it expires within 60 days or misses one of the PC's
   * names; re-reads the bank's certificate when its files changed. Warns the manager (the log's
   * warnings) of anything expiring within 30 days.
   */
  async refresh(): Promise<void> {
    const next = await this.renewed()
    if (next !== null) {
      this.material = next
      for (const listener of this.changed) listener(next.served)
    }
    this.warnIfExpiring()
  }

  private async renewed(): Promise<Material | null> {
    if (this.branchCa === null) {
      const bank = this.o.bankCertificate as BankCertificate
      const read = await readBankCertificate(this.o.fs, this.o.dataDir, bank)
      if (read.served.cert === this.material.served.cert && read.served.key === this.material.served.key) return null
      this.o.log.info({ event: 'tls.bankCertificateChanged', file: bank.certFile }, "The bank's certificate changed")
      return read
    }
    const names = this.o.names()
    const dueAt = this.material.serverNotAfter - RENEW_BEFORE_MS
    const why =
      this.o.now() >= dueAt ? 'expires soon' : namesCovered(this.material.serverNames, names) ? null : 'new name'
    if (why === null) return null
    const next = await issue(this.o, this.files, this.branchCa)
    this.o.log.info(
      { event: 'tls.serverRenewed', reason: why, dns: next.serverNames.dns, ips: next.serverNames.ips },
      `Issued a new server certificate (${why})`,
    )
    return next
  }

  /** What expires within 30 days, soonest first. */
  expiringSoon(): ExpiringCertificate[] {
    const now = this.o.now()
    const all: ExpiringCertificate[] = [
      { what: 'serverCertificate', expiresAt: this.material.serverNotAfter },
      { what: 'certificateAuthority', expiresAt: notAfterOf(this.material.ca) },
    ]
    return all.filter((c) => c.expiresAt - now <= WARN_BEFORE_MS).sort((a, b) => a.expiresAt - b.expiresAt)
  }

  private warnIfExpiring(): void {
    for (const c of this.expiringSoon()) {
      const key = `${c.what}@${c.expiresAt}`
      if (this.warned.has(key)) continue
      this.warned.add(key)
      const what = c.what === 'serverCertificate' ? "The hub's server certificate" : 'The certificate authority'
      logWarning(
        this.o.log,
        'warn',
        'tls.expiring',
        {
          what: c.what,
          expiresAt: c.expiresAt,
          source: this.branchCa === null ? 'bankCertificate' : 'branchCa',
        },
        `${what} expires on ${new Date(c.expiresAt).toISOString().slice(0, 10)}: ${
          this.branchCa === null
            ? "ask the bank's IT for a new one and replace the files network.certificate names"
            : 'see "Renewing the branch CA" in docs/installing.md'
        }`,
      )
    }
  }

  view(protection: ListenerProtection): HubTlsView {
    return {
      protection,
      certificateSource: this.branchCa === null ? 'bankCertificate' : 'branchCa',
      caFingerprint: this.caFingerprint,
      serverCertificateExpiresAt: this.material.serverNotAfter,
      caExpiresAt: notAfterOf(this.material.ca),
      expiringSoon: this.expiringSoon(),
    }
  }
}

/** The status of a hub without TLS (loopback or the LAN opt-out). */
export function plainView(protection: ListenerProtection): HubTlsView {
  return {
    protection,
    certificateSource: null,
    caFingerprint: null,
    serverCertificateExpiresAt: null,
    caExpiresAt: null,
    expiringSoon: [],
  }
}

async function issue(o: HubTlsOptions, files: TlsFiles, ca: CertificateAndKey): Promise<Material> {
  const now = o.now()
  // Never past the CA's own end: a certificate outliving its issuer is refused anyway.
  const days = Math.min(SERVER_VALID_DAYS, Math.floor((notAfterOf(ca.certificate) - now) / DAY_MS))
  const server = await issueServerCertificate(ca, o.names(), now, Math.max(1, days))
  await files.writeServer(server)
  return branchMaterial(ca, server)
}

function branchMaterial(ca: CertificateAndKey, server: CertificateAndKey): Material {
  return {
    served: { cert: `${server.certificate.trimEnd()}\n${ca.certificate.trimEnd()}\n`, key: server.privateKey },
    ca: ca.certificate,
    serverNotAfter: notAfterOf(server.certificate),
    serverNames: namesOf(server.certificate),
  }
}

async function readBankCertificate(fs: FileSystem, dataDir: string, bank: BankCertificate): Promise<Material> {
  const read = async (file: string, what: string): Promise<string> => {
    const path = isAbsolute(file) ? file : join(dataDir, file)
    try {
      return (await fs.readFile(path)).toString('utf8')
    } catch (e) {
      throw new Error(`network.certificate.${what}: cannot read ${path} (${errorText(e)})`, { cause: e })
    }
  }
  const cert = await read(bank.certFile, 'certFile')
  const key = await read(bank.keyFile, 'keyFile')
  const ca = await read(bank.caFile, 'caFile')
  const [leaf] = splitPem(cert)
  if (leaf === undefined) throw new Error(`network.certificate.certFile: ${bank.certFile} holds no PEM certificate`)
  if (splitPem(ca).length === 0) throw new Error(`network.certificate.caFile: ${bank.caFile} holds no PEM certificate`)
  const chain = cert.includes(ca.trim()) ? cert : `${cert.trimEnd()}\n${ca.trimEnd()}\n`
  return { served: { cert: chain, key }, ca, serverNotAfter: notAfterOf(leaf), serverNames: namesOf(leaf) }
}
