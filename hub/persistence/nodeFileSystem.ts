import { mkdir, open, readdir, readFile, rename, stat, unlink, type FileHandle as NodeHandle } from 'node:fs/promises'
import type { FileHandle, FileSystem, OpenMode } from './fileSystem'
import { isNotFound } from './fileSystem'

const FLAGS: Record<OpenMode, string> = {
  append: 'a',
  overwrite: 'w',
  createNew: 'wx',
  createPrivate: 'wx',
  update: 'r+',
  read: 'r',
}

/**
 * Windows has no way to flush a folder (a folder handle cannot be opened for writing: `EPERM`).
 * There the hub relies on NTFS, which logs every change to a folder in its own metadata
 * journal (see the durability section of the install guide).
 */
const FOLDERS_CAN_BE_SYNCED = process.platform !== 'win32'

/** The operating system's file system (production). */
export const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path),
  readdir: (path) => readdir(path),
  exists: async (path) => {
    try {
      await stat(path)
      return true
    } catch (e) {
      if (isNotFound(e)) return false
      throw e
    }
  },
  mkdir: async (path) => {
    await mkdir(path)
  },
  // 0o600 for a private key: the owner reads and writes it, nobody else (the umask only narrows).
  open: async (path, mode) =>
    new NodeFileHandle(await open(path, FLAGS[mode], mode === 'createPrivate' ? 0o600 : 0o666)),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  syncDir: async (path) => {
    if (!FOLDERS_CAN_BE_SYNCED) return
    const handle = await open(path, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
}

class NodeFileHandle implements FileHandle {
  constructor(private readonly handle: NodeHandle) {}

  async write(data: Uint8Array): Promise<void> {
    let done = 0
    // A regular file takes the whole buffer at once; a short write (rare) is finished, not lost.
    while (done < data.length) {
      const { bytesWritten } = await this.handle.write(data, done, data.length - done)
      done += bytesWritten
    }
  }

  datasync(): Promise<void> {
    return this.handle.datasync()
  }

  sync(): Promise<void> {
    return this.handle.sync()
  }

  truncate(length: number): Promise<void> {
    return this.handle.truncate(length)
  }

  async size(): Promise<number> {
    return (await this.handle.stat()).size
  }

  async readAt(position: number, length: number): Promise<Buffer> {
    const buf = Buffer.alloc(length)
    const { bytesRead } = await this.handle.read(buf, 0, length, position)
    return buf.subarray(0, bytesRead)
  }

  close(): Promise<void> {
    return this.handle.close()
  }
}
