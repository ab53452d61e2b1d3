// Key and certificate generation for the branch CA and the hub's server certificate, with
// @peculiar/x509 on Node's WebCrypto. It needs the `reflect-metadata` polyfill (its dependency
// injection uses decorators), loaded here before it, the one place that imports it.
import 'reflect-metadata'
import { randomBytes, webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import type { HubNames } from './hubNames'

x509.cryptoProvider.set(webcrypto as unknown as ReturnType<typeof x509.cryptoProvider.get>)

/** A certificate and its private key, both PEM. The key never leaves the data folder. */
export interface CertificateAndKey {
  readonly certificate: string
  readonly privateKey: string
}

/** ECDSA P-256 with SHA-256: small, fast, and accepted by every browser, Android and iOS. */
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
const DAY_MS = 86_400_000
/** The branch CA lasts as long as a branch's PCs; the manager is warned 30 days before. */
export const CA_VALID_DAYS = 3650
/** Under Apple's 825-day and the browsers' 398-day ceilings; renewed long before. */
export const SERVER_VALID_DAYS = 397
/** Issued this long before now, so a terminal whose clock is a little behind accepts it. */
const BACKDATE_MS = 60 * 60_000

const subtle = webcrypto.subtle

const newKeys = () => subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await subtle.exportKey('pkcs8', key))
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`
}

function importPrivateKey(pem: string): Promise<webcrypto.CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64')
  return subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign'])
}

/** A positive 128-bit serial number, as the CA/Browser Forum asks (at least 64 random bits). */
const serial = (): string => {
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  return bytes.toString('hex')
}

/** A distinguished name value: commas and other DN syntax characters escaped. */
const dnValue = (text: string): string => text.replace(/([,+"\\<>;=#])/g, '\\$1')

/**
 * A new branch certificate authority: its own key, valid `validDays` from `now`, allowed to sign
 * server certificates only (no intermediate CAs below it).
 */
export async function createBranchCa(
  branchName: string,
  now: number,
  validDays = CA_VALID_DAYS,
): Promise<CertificateAndKey> {
  const keys = await newKeys()
  const created = new Date(now).toISOString().slice(0, 10)
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${dnValue(`Branch Lobby CA, ${branchName}, ${created}`)}, O=Branch Lobby`,
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + validDays * DAY_MS),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  })
  return { certificate: certificate.toString('pem'), privateKey: await privateKeyPem(keys.privateKey) }
}

/**
 * The hub's server certificate, signed by the branch CA, naming every address and host name in
 * `names`, valid `validDays` from `now` (a test passes a `now` in the past to make an expired one).
 */
export async function issueServerCertificate(
  ca: CertificateAndKey,
  names: HubNames,
  now: number,
  validDays = SERVER_VALID_DAYS,
): Promise<CertificateAndKey> {
  const caCertificate = new x509.X509Certificate(ca.certificate)
  const keys = await newKeys()
  const subjectName = names.dns.find((n) => n !== 'localhost') ?? names.ips[0] ?? 'localhost'
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${dnValue(subjectName)}, O=Branch Lobby`,
    issuer: caCertificate.subject,
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + validDays * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: await importPrivateKey(ca.privateKey),
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCertificate),
    ],
  })
  return { certificate: certificate.toString('pem'), privateKey: await privateKeyPem(keys.privateKey) }
}
