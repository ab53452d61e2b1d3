import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../hq/db/openDb'
import { freshPgliteDir } from './support/pgliteTemplate'

const HQ_CLI = join(import.meta.dirname, '..', '..', 'hq', 'cli.ts')

/** The HQ command line in its own process: its exit code and what it printed. */
async function hq(dir: string, args: readonly string[], stdin = '') {
  const child = promisify(execFile)(process.execPath, ['--import', 'tsx', HQ_CLI, '--pglite', dir, ...args])
  child.child.stdin?.end(stdin)
  try {
    const { stdout } = await child
    return { code: 0, out: stdout }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, out: failed.stdout + failed.stderr }
  }
}

const NAME = ['--zh', '浦东支行', '--en', 'Pudong']

describe('the HQ command line', () => {
  it('refuses the ids the HQ API refuses, saying which field and why, and stores nothing of them', async () => {
    const dir = await freshPgliteDir()
    expect((await hq(dir, ['add-region', 'east', ...NAME])).code).toBe(0)
    const refused = [
      ['add-branch', 'SH-Pudong', '--region', 'east', ...NAME],
      ['add-branch', '', '--region', 'east', ...NAME],
      ['add-branch', 'bad id!', '--region', 'east', ...NAME],
      ['add-branch', 'x'.repeat(300), '--region', 'east', ...NAME],
      ['add-region', 'East Region!', ...NAME],
      ['add-user', 'Bad User', '--name', 'Ann', '--role', 'headOffice'],
      ['issue-token', 'SH-Pudong'],
    ]
    for (const args of refused) {
      const r = await hq(dir, args, 'a good long password')
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.out, args.join(' ')).toMatch(/refused \(HQ's API refuses it too\):\n {2}(id|branchId): must /)
    }
    const short = await hq(dir, ['add-user', 'ann', '--name', 'Ann', '--role', 'headOffice'], 'short')
    expect(short).toMatchObject({ code: 1, out: expect.stringMatching(/password: must not have fewer than 10/) })
    expect((await hq(dir, ['add-branch', 'sh-pudong', '--region', 'east', ...NAME])).out).toMatch(
      /branch sh-pudong added/,
    )

    const db = await openDb({ kind: 'pglite', dir })
    try {
      expect(await db.query('select id from regions')).toEqual([{ id: 'east' }])
      expect(await db.query('select code from branches')).toEqual([{ code: 'sh-pudong' }])
      expect(await db.query('select id from hq_users')).toEqual([])
    } finally {
      await db.close()
    }
  }, 120_000)
})
