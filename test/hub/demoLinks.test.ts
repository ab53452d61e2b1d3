import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { phoneLine, whereLinksOpen, withHostCommand } from '../../hub/demo/demoLinks'
import { customerAddress } from '../../hub/network/customerAddress'

const lan = { address: '192.168.1.20', family: 'IPv4', internal: false } as never
const facts = (host: string) =>
  customerAddress({ publicUrl: null, host, port: 8420, scheme: 'https', interfaces: { eth0: [lan] } })

/** Whether any process of the group led by `pid` is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

describe('the demo’s start-up lines about phones', () => {
  it('says a hub on loopback has no phone page and no QR code, and how to let phones in', () => {
    const line = phoneLine(facts('127.0.0.1'), 'npm start -- --host 0.0.0.0')
    expect(line).not.toMatch(/scan the QR code/)
    expect(line).toMatch(/this computer only.*no QR code.*--host 0\.0\.0\.0/)
    expect(whereLinksOpen(facts('127.0.0.1'))).toBe('in a browser on this computer')
  })

  it('names the address phones open when they can reach the hub', () => {
    expect(phoneLine(facts('0.0.0.0'), 'npm start -- --host 0.0.0.0')).toBe(
      'Phone status page: scan the QR code of a ticket (phones open https://192.168.1.20:8420)',
    )
    expect(whereLinksOpen(facts('0.0.0.0'))).toBe('from any browser on this network')
  })
})

describe('the start-up hint names the command the hub was started with', () => {
  it('gives each way of starting its own command', () => {
    expect(withHostCommand('start', ['--demo', '--simulate', '--data', '.data/demo'])).toBe(
      'npm start -- --host 0.0.0.0',
    )
    expect(withHostCommand('demo', ['--demo', '--simulate', '--data', '.data/demo'])).toBe(
      'npm run demo -- --host 0.0.0.0',
    )
    // the person's own flags kept, an earlier --host replaced
    expect(withHostCommand('hub', ['--demo', '--data', 'my data', '--host', '127.0.0.1', '--port', '8420'])).toBe(
      "npm run hub -- --demo --data 'my data' --port 8420 --host 0.0.0.0",
    )
    expect(withHostCommand(undefined, ['--demo', '--host=::1'])).toBe('npx tsx hub/cli.ts --demo --host 0.0.0.0')
  })

  it('tells `npm run hub` to run `npm run hub` again, not `npm start`', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-cli-'))
    const hub = spawn('npm', ['run', 'hub', '--', '--demo', '--data', dir, '--port', '0'], {
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = ''
        hub.stdout.on('data', (b: Buffer) => {
          out += b.toString()
          const found = /^ {2}Phone status page:.*$/m.exec(out)
          if (found !== null) resolve(found[0])
        })
        hub.on('exit', (code) => reject(new Error(`the hub stopped (${code}) before its links:\n${out}`)))
      })
      expect(line).toContain(`(npm run hub -- --demo --data ${dir} --port 0 --host 0.0.0.0)`)
      expect(line).not.toContain('npm start')
    } finally {
      // the whole group: npm, tsx and the hub (the demo's history is not left running)
      if (hub.exitCode === null && hub.signalCode === null) {
        const exited = new Promise((r) => hub.once('exit', r))
        if (hub.pid !== undefined) process.kill(-hub.pid, 'SIGTERM')
        await exited
      }
      // npm exits first; the hub behind it is still stopping cleanly (writing its journal's
      // identity): wait until no process of the group is left before removing its folder
      for (let i = 0; i < 100 && hub.pid !== undefined && groupAlive(hub.pid); i++)
        await new Promise((r) => setTimeout(r, 100))
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
