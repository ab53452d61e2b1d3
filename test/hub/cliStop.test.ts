import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

/**
 * `npm run hub` stopped with Ctrl+C: the terminal says the hub heard it and has stopped, and the
 * log has the line with the signal — not silence until the prompt comes back.
 */
const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

describe('npm run hub stopped by a signal', () => {
  it('prints a "stopped" line and logs the stop with the signal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-stop-'))
    dirs.push(dir)
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve('hub/cli.ts'), '--data', dir, '--port', '0', '--demo', '--renderer', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.resume()
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    const deadline = Date.now() + 90_000
    while (!stdout.includes('Ctrl+C stops the hub.') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    expect(stdout).toContain('Ctrl+C stops the hub.')
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(stdout).toContain('Stopping the hub (SIGINT)…')
    expect(stdout).toContain(`branch-lobby hub stopped (SIGINT); its data is saved in ${dir}.`)
    const logs = join(dir, 'logs')
    const lines = (await Promise.all((await readdir(logs)).map((f) => readFile(join(logs, f), 'utf8'))))
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { event?: string; reason?: string })
    expect(lines.find((l) => l.event === 'hub.stopped')).toMatchObject({ reason: 'SIGINT' })
  }, 120_000)
})
