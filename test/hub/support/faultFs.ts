import { posix } from 'node:path'
import type { FileHandle, FileSystem, OpenMode } from '../../../hub/persistence/fileSystem'
import { fsError, type FsImage, type Ino, type TraceOp } from './fsImage'

/** One call the hub made, numbered from 0 in the order made (reads included). */
export interface FsCall {
  readonly n: number
  readonly name: CallName
  readonly path: string
}

export type CallName =
  | 'readFile'
  | 'readdir'
  | 'exists'
  | 'mkdir'
  | 'open'
  | 'rename'
  | 'unlink'
  | 'syncDir'
  | 'write'
  | 'datasync'
  | 'sync'
  | 'truncate'
  | 'size'
  | 'readAt'
  | 'close'

/** A fault to inject: the calls it matches fail with `code` (or, for `crash`, the process dies). */
export interface Fault {
  readonly when: (call: FsCall) => boolean
  readonly code: 'ENOSPC' | 'EIO' | 'crash'
  /** Fail only the first matching call (default); false: every one until removed. */
  readonly once?: boolean
}

/**
 * A file system in memory for the crash tests, in the manner of LevelDB's fault-injection
 * environment and ALICE (Pillai et al., OSDI 2014). It behaves as the operating system's page
 * cache does for the running hub, and records every change and every sync in `trace`, from
 * which `crashStates` builds what a power cut at any moment could leave on the disk.
 *
 * Faults: a chosen call can fail with `ENOSPC` or `EIO` (nothing is changed by the failed
 * call), or the process can die at it (`crash`: that call and every later one fail until
 * `revive`, as if the hub were killed; what it wrote stays in the page cache).
 */
export class FaultFs implements FileSystem {
  /** What the running hub sees (the page cache). */
  readonly live: FsImage
  /** Every change and sync, in order: the input of `crashStates`. */
  readonly trace: TraceOp[] = []
  /** The clock reading at each trace op (for restarting at the moment of a crash). */
  readonly traceTimes: number[] = []
  readonly calls: FsCall[] = []
  private faults: Fault[] = []
  private dead = false

  constructor(
    /** What is on the disk when the test begins: durable. */
    readonly initial: FsImage,
    private readonly now: () => number = () => 0,
  ) {
    this.live = initial.clone()
  }

  inject(fault: Fault): () => void {
    this.faults.push(fault)
    return () => {
      this.faults = this.faults.filter((f) => f !== fault)
    }
  }

  /** After a `crash` fault: the next process starts, seeing what the dead one left in the page cache. */
  revive(): void {
    this.dead = false
  }

  get isDead(): boolean {
    return this.dead
  }

  async readFile(path: string): Promise<Buffer> {
    this.enter('readFile', path)
    const ino = this.resolve(path, 'readFile')
    return Buffer.from(this.live.file(ino, path))
  }

  async readdir(path: string): Promise<string[]> {
    this.enter('readdir', path)
    return [...this.live.dir(this.resolve(path, 'scandir'), path).keys()]
  }

  async exists(path: string): Promise<boolean> {
    this.enter('exists', path)
    return this.live.lookup(path) !== undefined
  }

  async mkdir(path: string): Promise<void> {
    this.enter('mkdir', path)
    const { dir, name } = this.parent(path, 'mkdir')
    if (this.live.dir(dir, path).has(name)) throw fsError('EEXIST', 'mkdir', path)
    const ino = this.live.newDir()
    this.record({ kind: 'link', dir, name, ino, isDir: true })
  }

  async open(path: string, mode: OpenMode): Promise<FileHandle> {
    this.enter('open', path)
    const { dir, name } = this.parent(path, 'open')
    let ino = this.live.dir(dir, path).get(name)
    if (ino !== undefined && this.live.isDir(ino)) throw fsError('EISDIR', 'open', path)
    if (ino !== undefined && (mode === 'createNew' || mode === 'createPrivate')) throw fsError('EEXIST', 'open', path)
    if (ino === undefined) {
      if (mode === 'update' || mode === 'read') throw fsError('ENOENT', 'open', path)
      ino = this.live.newFile()
      this.record({ kind: 'link', dir, name, ino, isDir: false })
    } else if (mode === 'overwrite' && this.live.file(ino, path).length > 0) {
      this.record({ kind: 'truncate', ino, length: 0 })
    }
    return new FaultHandle(this, ino, path, mode === 'append')
  }

  async rename(from: string, to: string): Promise<void> {
    this.enter('rename', from)
    const src = this.parent(from, 'rename')
    const dst = this.parent(to, 'rename')
    const ino = this.live.dir(src.dir, from).get(src.name)
    if (ino === undefined) throw fsError('ENOENT', 'rename', from)
    this.record({ kind: 'rename', fromDir: src.dir, fromName: src.name, toDir: dst.dir, toName: dst.name, ino })
  }

  async unlink(path: string): Promise<void> {
    this.enter('unlink', path)
    const { dir, name } = this.parent(path, 'unlink')
    const ino = this.live.dir(dir, path).get(name)
    if (ino === undefined) throw fsError('ENOENT', 'unlink', path)
    this.record({ kind: 'unlink', dir, name, ino })
  }

  async syncDir(path: string): Promise<void> {
    this.enter('syncDir', path)
    this.record({ kind: 'sync', ino: this.resolve(path, 'open'), dataOnly: false })
  }

  /** Numbers a call and fails it if a fault says so (before it changes anything). */
  enter(name: CallName, path: string): void {
    const call: FsCall = { n: this.calls.length, name, path }
    this.calls.push(call)
    if (this.dead) throw fsError('ECRASHED', name, path)
    const fault = this.faults.find((f) => f.when(call))
    if (fault === undefined) return
    if (fault.once !== false) this.faults = this.faults.filter((f) => f !== fault)
    if (fault.code === 'crash') {
      this.dead = true
      throw fsError('ECRASHED', name, path)
    }
    throw fsError(fault.code, name, path)
  }

  /** Applies a change to the page cache and records it. */
  record(op: TraceOp): void {
    this.live.apply(op)
    this.trace.push(op)
    this.traceTimes.push(this.now())
  }

  private resolve(path: string, syscall: string): Ino {
    const ino = this.live.lookup(path)
    if (ino === undefined) throw fsError('ENOENT', syscall, path)
    return ino
  }

  private parent(path: string, syscall: string): { dir: Ino; name: string } {
    const dir = this.live.lookup(posix.dirname(path))
    if (dir === undefined || !this.live.isDir(dir)) throw fsError('ENOENT', syscall, path)
    return { dir, name: posix.basename(path) }
  }
}

class FaultHandle implements FileHandle {
  private position = 0
  private closed = false

  constructor(
    private readonly fs: FaultFs,
    private readonly ino: Ino,
    private readonly path: string,
    private readonly append: boolean,
  ) {}

  async write(data: Uint8Array): Promise<void> {
    this.use('write')
    const offset = this.append ? this.fs.live.file(this.ino, this.path).length : this.position
    this.fs.record({ kind: 'write', ino: this.ino, offset, data: Buffer.from(data) })
    this.position = offset + data.length
  }

  async datasync(): Promise<void> {
    this.use('datasync')
    this.fs.record({ kind: 'sync', ino: this.ino, dataOnly: true })
  }

  async sync(): Promise<void> {
    this.use('sync')
    this.fs.record({ kind: 'sync', ino: this.ino, dataOnly: false })
  }

  async truncate(length: number): Promise<void> {
    this.use('truncate')
    this.fs.record({ kind: 'truncate', ino: this.ino, length })
  }

  async size(): Promise<number> {
    this.use('size')
    return this.fs.live.file(this.ino, this.path).length
  }

  async readAt(position: number, length: number): Promise<Buffer> {
    this.use('readAt')
    return Buffer.from(this.fs.live.file(this.ino, this.path).subarray(position, position + length))
  }

  async close(): Promise<void> {
    this.use('close')
    this.closed = true
  }

  private use(name: CallName): void {
    if (this.closed) throw fsError('EBADF', name, this.path)
    this.fs.enter(name, this.path)
  }
}
