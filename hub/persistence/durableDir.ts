import { dirname } from 'node:path'
import { errorCode, type FileSystem } from './fileSystem'

/**
 * Makes sure a folder exists and that its name is durable: each missing folder on the way is
 * made and its parent synced, and the parent of `dir` is synced even when `dir` was already
 * there — an earlier run may have made it and been cut off before syncing, and from now on
 * acknowledged data is kept in it. Without this, a power cut can take the whole folder with
 * everything written in it, however carefully each file inside was synced.
 *
 * @example
 * await ensureDurableDir(fs, '/home/kiosk/.config/Branch Lobby/data/journal')
 * //=> made what was missing; each made folder's parent and `data` synced
 */
export async function ensureDurableDir(fs: FileSystem, dir: string): Promise<void> {
  const missing: string[] = []
  for (let p = dir; !(await fs.exists(p)); p = dirname(p)) {
    missing.unshift(p)
    if (dirname(p) === p) break
  }
  for (const p of missing) {
    try {
      await fs.mkdir(p)
    } catch (e) {
      // Made meanwhile by someone else: it is there, which is all that is asked.
      if (errorCode(e) !== 'EEXIST') throw e
    }
    await fs.syncDir(dirname(p))
  }
  if (missing.length === 0) await fs.syncDir(dirname(dir))
}
