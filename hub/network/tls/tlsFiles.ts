import { basename, dirname, join } from 'node:path'
import { ensureDurableDir } from '../../persistence/durableDir'
import { isNotFound, type FileSystem } from '../../persistence/fileSystem'
import type { CertificateAndKey } from './certificates'

/**
 * The hub's TLS files in `<data folder>/tls/`: the branch CA (`branch-ca.pem`, `branch-ca.key`)
 * and the hub's server certificate (`hub.pem`, `hub.key`). Certificates are public; the keys are
 * created readable by the hub's user only (`createPrivate`). Each file is written whole and made
 * durable (temp file, sync, rename, sync the folder): a power cut must not lose the CA that every
 * terminal pins.
 */
export class TlsFiles {
  readonly dir: string

  constructor(
    private readonly fs: FileSystem,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'tls')
  }

  readCa(): Promise<CertificateAndKey | null> {
    return this.readPair('branch-ca')
  }

  readServer(): Promise<CertificateAndKey | null> {
    return this.readPair('hub')
  }

  async writeCa(ca: CertificateAndKey): Promise<void> {
    await this.writePair('branch-ca', ca)
  }

  async writeServer(server: CertificateAndKey): Promise<void> {
    await this.writePair('hub', server)
  }

  private async readPair(name: string): Promise<CertificateAndKey | null> {
    const certificate = await this.readText(join(this.dir, `${name}.pem`))
    const privateKey = await this.readText(join(this.dir, `${name}.key`))
    if (certificate === null && privateKey === null) return null
    if (certificate === null || privateKey === null)
      throw new Error(
        `${join(this.dir, name)}: the certificate or its key is missing; restore the tls folder from backup (or remove both to make new ones)`,
      )
    return { certificate, privateKey }
  }

  private async writePair(name: string, pair: CertificateAndKey): Promise<void> {
    await ensureDurableDir(this.fs, this.dir)
    // The key first: a certificate on disk always has its key beside it.
    await this.writeFile(join(this.dir, `${name}.key`), pair.privateKey, 'createPrivate')
    await this.writeFile(join(this.dir, `${name}.pem`), pair.certificate, 'createNew')
  }

  private async readText(path: string): Promise<string | null> {
    try {
      return (await this.fs.readFile(path)).toString('utf8')
    } catch (e) {
      if (isNotFound(e)) return null
      throw e
    }
  }

  private async writeFile(path: string, text: string, mode: 'createPrivate' | 'createNew'): Promise<void> {
    const dir = dirname(path)
    const tmp = join(dir, `.${basename(path)}.tmp`)
    // A temp file left by a write cut short is replaced, never reused with its old permissions.
    if (await this.fs.exists(tmp)) await this.fs.unlink(tmp)
    const handle = await this.fs.open(tmp, mode)
    try {
      await handle.write(Buffer.from(text, 'utf8'))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await this.fs.rename(tmp, path)
    await this.fs.syncDir(dir)
  }
}
