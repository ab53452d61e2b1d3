import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * One SHA-256 over what a seeding keeps in a data folder: the journal of each day before `today`
 * (by name, oldest first; today's is the branch's own) and history.json, byte for byte. Equal
 * digests: the same days, each once and whole.
 */
export async function seededDigest(dataDir: string, today: string): Promise<string> {
  const hash = createHash('sha256')
  const journals = (await readdir(join(dataDir, 'journal')))
    .filter((n) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(n) && n < today)
    .sort()
  for (const name of journals) hash.update(`${name}\n`).update(await readFile(join(dataDir, 'journal', name)))
  hash.update('history.json\n').update(await readFile(join(dataDir, 'history.json')))
  return hash.digest('hex')
}
