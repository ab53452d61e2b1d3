import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb } from '../../../hq/db/openDb'

const MIGRATIONS = join(import.meta.dirname, '..', '..', '..', 'hq', 'migrations')

/**
 * A fresh PGlite folder for a test, with HQ's schema already in it. PGlite's initdb takes tens
 * of seconds on this machine, so it runs once per version of the migrations into a template
 * folder, which each test copies (a second or two).
 */
export async function freshPgliteDir(): Promise<string> {
  const template = await templateDir()
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-pglite-'))
  await cp(template, dir, { recursive: true })
  return dir
}

async function templateDir(): Promise<string> {
  const files = (await readdir(MIGRATIONS)).sort()
  const hash = createHash('sha256')
  for (const f of files) hash.update(f).update(await readFile(join(MIGRATIONS, f)))
  const path = join(tmpdir(), `branch-lobby-pglite-template-${hash.digest('hex').slice(0, 12)}`)
  if (await exists(path)) return path
  // Built aside and renamed into place, so parallel test files never see half a template.
  const building = await mkdtemp(join(tmpdir(), 'branch-lobby-pglite-building-'))
  const db = await openDb({ kind: 'pglite', dir: building })
  await db.close()
  try {
    await rename(building, path)
  } catch {
    await rm(building, { recursive: true, force: true })
  }
  return path
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
