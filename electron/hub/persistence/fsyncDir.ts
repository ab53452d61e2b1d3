import { open } from 'node:fs/promises'

/**
 * Makes a directory entry (a new or renamed file) durable. Without it a power cut after a
 * rename can bring back the old name, or no file at all.
 */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
