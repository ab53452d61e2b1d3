import type { FileHandle, FileSystem } from '../persistence/fileSystem'

/**
 * `fs` with every file it creates to be written over (`overwrite`: the durable write's temp
 * file) created readable and writable by the hub's user only (`createPrivate`, 0600). The temp
 * file is renamed over the file, which so takes its permissions: the sign-ins' token hashes are
 * not left readable by every user of the machine. A temp file left by a write cut short is
 * removed first, never reused with its old permissions.
 */
export function privateFiles(fs: FileSystem): FileSystem {
  return {
    readFile: (path) => fs.readFile(path),
    readdir: (path) => fs.readdir(path),
    exists: (path) => fs.exists(path),
    mkdir: (path) => fs.mkdir(path),
    open: (path, mode) => (mode === 'overwrite' ? openPrivate(fs, path) : fs.open(path, mode)),
    rename: (from, to) => fs.rename(from, to),
    unlink: (path) => fs.unlink(path),
    syncDir: (path) => fs.syncDir(path),
  }
}

async function openPrivate(fs: FileSystem, path: string): Promise<FileHandle> {
  if (await fs.exists(path)) await fs.unlink(path)
  return fs.open(path, 'createPrivate')
}
