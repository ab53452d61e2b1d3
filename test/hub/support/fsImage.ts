import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, posix } from 'node:path'

export type Ino = number

/**
 * One change to a file system, as the crash model sees it. A folder entry is a name in a
 * folder pointing at an inode (`link` made it: a new file or folder); data changes are on
 * inodes, whatever their names.
 */
export type TraceOp =
  | { readonly kind: 'link'; readonly dir: Ino; readonly name: string; readonly ino: Ino; readonly isDir: boolean }
  | { readonly kind: 'unlink'; readonly dir: Ino; readonly name: string; readonly ino: Ino }
  | {
      readonly kind: 'rename'
      readonly fromDir: Ino
      readonly fromName: string
      readonly toDir: Ino
      readonly toName: string
      readonly ino: Ino
    }
  | { readonly kind: 'write'; readonly ino: Ino; readonly offset: number; readonly data: Buffer }
  | { readonly kind: 'truncate'; readonly ino: Ino; readonly length: number }
  /** fsync / fdatasync of a file, or fsync of a folder (`ino` is the folder). */
  | { readonly kind: 'sync'; readonly ino: Ino; readonly dataOnly: boolean }

/** How much of a write reached the disk when it is torn. */
export interface Tear {
  /** Bytes of the write that made it, from its start. */
  readonly keep: number
  /** The file's length grew by the whole write but the rest of the data did not land: zeros. */
  readonly zeroFill: boolean
}

type Node = { readonly kind: 'dir'; readonly entries: Map<string, Ino> } | { kind: 'file'; data: Buffer }

const ROOT: Ino = 0

/** A file system's contents: folders and files by inode, reachable from the root `/`. */
export class FsImage {
  private constructor(
    private readonly nodes: Map<Ino, Node>,
    private nextIno: number,
  ) {}

  static empty(): FsImage {
    return new FsImage(new Map([[ROOT, { kind: 'dir', entries: new Map() }]]), 1)
  }

  /** An image from paths: a string is a file's content, null a folder; parents are made. */
  static of(spec: Record<string, string | Buffer | null>): FsImage {
    const image = FsImage.empty()
    for (const [path, content] of Object.entries(spec)) {
      const parts = path.split('/').filter((p) => p !== '')
      let dir = ROOT
      parts.forEach((name, i) => {
        const entries = image.dir(dir, path)
        const last = i === parts.length - 1
        const existing = entries.get(name)
        if (existing !== undefined && !(last && content !== null)) {
          dir = existing
          return
        }
        const ino = last && content !== null ? image.newFile() : image.newDir()
        if (last && content !== null) (image.nodes.get(ino) as { data: Buffer }).data = Buffer.from(content)
        entries.set(name, ino)
        dir = ino
      })
    }
    return image
  }

  clone(): FsImage {
    const nodes = new Map<Ino, Node>()
    for (const [ino, n] of this.nodes) {
      nodes.set(ino, n.kind === 'dir' ? { kind: 'dir', entries: new Map(n.entries) } : { kind: 'file', data: n.data })
    }
    return new FsImage(nodes, this.nextIno)
  }

  newDir(): Ino {
    const ino = this.nextIno++
    this.nodes.set(ino, { kind: 'dir', entries: new Map() })
    return ino
  }

  newFile(): Ino {
    const ino = this.nextIno++
    this.nodes.set(ino, { kind: 'file', data: Buffer.alloc(0) })
    return ino
  }

  lookup(path: string): Ino | undefined {
    let ino: Ino = ROOT
    for (const name of path.split('/').filter((p) => p !== '')) {
      const node = this.nodes.get(ino)
      if (node?.kind !== 'dir') return undefined
      const next = node.entries.get(name)
      if (next === undefined) return undefined
      ino = next
    }
    return ino
  }

  isDir(ino: Ino): boolean {
    return this.nodes.get(ino)?.kind === 'dir'
  }

  dir(ino: Ino, path: string): Map<string, Ino> {
    const node = this.nodes.get(ino)
    if (node?.kind !== 'dir') throw fsError('ENOTDIR', 'scandir', path)
    return node.entries
  }

  file(ino: Ino, path: string): Buffer {
    const node = this.nodes.get(ino)
    if (node?.kind !== 'file') throw fsError('EISDIR', 'read', path)
    return node.data
  }

  /** The content of the file at `path`, or undefined. */
  read(path: string): Buffer | undefined {
    const ino = this.lookup(path)
    const node = ino === undefined ? undefined : this.nodes.get(ino)
    return node?.kind === 'file' ? node.data : undefined
  }

  /** Applies one change (a torn write applies only part of its data). */
  apply(op: TraceOp, tear?: Tear): void {
    switch (op.kind) {
      case 'link':
        if (!this.nodes.has(op.ino)) {
          this.nodes.set(
            op.ino,
            op.isDir ? { kind: 'dir', entries: new Map() } : { kind: 'file', data: Buffer.alloc(0) },
          )
        }
        this.dirNode(op.dir).set(op.name, op.ino)
        return
      case 'unlink': {
        const entries = this.dirNode(op.dir)
        if (entries.get(op.name) === op.ino) entries.delete(op.name)
        return
      }
      case 'rename': {
        const from = this.dirNode(op.fromDir)
        if (from.get(op.fromName) === op.ino) from.delete(op.fromName)
        this.dirNode(op.toDir).set(op.toName, op.ino)
        return
      }
      case 'write': {
        const node = this.fileNode(op.ino)
        const data = tear === undefined ? op.data : op.data.subarray(0, tear.keep)
        const length = Math.max(node.data.length, op.offset + (tear?.zeroFill === true ? op.data.length : data.length))
        const next = Buffer.alloc(length)
        node.data.copy(next)
        data.copy(next, op.offset)
        node.data = next
        return
      }
      case 'truncate': {
        const node = this.fileNode(op.ino)
        const next = Buffer.alloc(op.length)
        node.data.copy(next, 0, 0, Math.min(op.length, node.data.length))
        node.data = next
        return
      }
      case 'sync':
        return
    }
  }

  /** Every folder and file reachable from the root, by path, sorted. */
  entries(): { path: string; data: Buffer | null }[] {
    const out: { path: string; data: Buffer | null }[] = []
    const walk = (ino: Ino, path: string) => {
      for (const [name, child] of [...this.dirNode(ino)].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const p = posix.join(path, name)
        const node = this.nodes.get(child)
        if (node?.kind === 'dir') {
          out.push({ path: p, data: null })
          walk(child, p)
        } else if (node?.kind === 'file') {
          out.push({ path: p, data: node.data })
        }
      }
    }
    walk(ROOT, '/')
    return out
  }

  /** A fingerprint of what is reachable: equal images have equal digests. */
  digest(): string {
    const h = createHash('sha256')
    for (const e of this.entries()) {
      h.update(`${e.path}\0${e.data === null ? 'dir' : createHash('sha256').update(e.data).digest('hex')}\n`)
    }
    return h.digest('hex')
  }

  /** Writes what is reachable under `root` on the real disk. */
  async materialise(root: string): Promise<void> {
    await mkdir(root, { recursive: true })
    for (const e of this.entries()) {
      const real = join(root, e.path)
      if (e.data === null) await mkdir(real, { recursive: true })
      else await writeFile(real, e.data)
    }
  }

  private dirNode(ino: Ino): Map<string, Ino> {
    let node = this.nodes.get(ino)
    // A folder whose own entry was lost still exists as an inode, unreachable: changes go to it.
    if (node === undefined) {
      node = { kind: 'dir', entries: new Map() }
      this.nodes.set(ino, node)
    }
    if (node.kind !== 'dir') throw new Error(`inode ${ino} is not a folder`)
    return node.entries
  }

  private fileNode(ino: Ino): { data: Buffer } {
    let node = this.nodes.get(ino)
    if (node === undefined) {
      node = { kind: 'file', data: Buffer.alloc(0) }
      this.nodes.set(ino, node)
    }
    if (node.kind !== 'file') throw new Error(`inode ${ino} is not a file`)
    return node
  }
}

const MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file already exists',
  EISDIR: 'illegal operation on a directory',
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EBADF: 'bad file descriptor',
  ECRASHED: 'the process was killed (simulated)',
  ENOTDIR: 'not a directory',
}

/** An error shaped like Node's: `ENOSPC: no space left on device, write '/srv/data/x'`. */
export function fsError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${MESSAGES[code] ?? code}, ${syscall} '${path}'`), { code, syscall, path })
}
