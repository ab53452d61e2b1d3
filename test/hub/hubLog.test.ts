import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import { LOG_FILES_KEPT, logFilesToPrune, scrubUrl } from '../../hub/log/hubLog'
import { hubLogLines, hubLogText, untilLogged } from './support/hubLogFile'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

describe('the hub log', () => {
  it('writes commands, refusals and warnings to a file under the data folder, with levels and request ids', async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    expect((await f.issue(kiosk, 'log-tap-1')).status).toBe(200)
    const refused = await fetch(`${f.url}/api/v1/counters/c1/call-next`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(refused.status).toBe(403)
    const reqId = refused.headers.get('request-id')
    expect(reqId).toMatch(/^req-/)
    await f.hub.close()
    const lines = await hubLogLines(f.dataDir)
    // The refusal, with its reason, under the request id the terminal was given.
    expect(lines.find((l) => l.reqId === reqId && l.event === 'request.refused')).toMatchObject({
      level: 30,
      code: 'forbidden',
      msg: expect.stringMatching(/a kiosk may not do this/),
    })
    // Every command at info; the screens' reads only when debugging.
    expect(
      lines.some((l) => l.msg === 'request completed' && (l.req as { url: string }).url === '/api/v1/tickets'),
    ).toBe(true)
    expect(lines.some((l) => (l.req as { method?: string } | undefined)?.method === 'GET')).toBe(false)
    // A warning the branch must act on: phones cannot reach a hub on loopback.
    expect(lines.find((l) => l.event === 'customerAddress.unreachable')).toMatchObject({ level: 40 })
    expect(lines.every((l) => typeof l.time === 'number')).toBe(true)
  })

  it('never writes a PIN, a token, a pairing code or a status key, even when debugging', async () => {
    f = await HubFixture.start({ log: { level: 'debug' } })
    const manager = await f.manager()
    await f.request('POST', '/api/v1/sessions', { staffId: 't01', pin: '73915846', counterId: 'c1' })
    const code = (
      await f.request<{ code: string }>('POST', '/api/v1/pairing-codes', { role: 'kiosk', name: 'K' }, manager)
    ).body.code
    const kiosk = (await f.request<{ token: string }>('POST', '/api/v1/pair', { code })).body.token
    const ticket = await f.issue(kiosk, 'log-tap-2')
    const key = ticket.body.statusPath.split('k=')[1] as string
    expect((await f.request('GET', `/api/v1/tickets/${ticket.body.ticketId}/status?k=${key}`)).status).toBe(200)
    await untilLogged(
      f.dataDir,
      (l) => (l.req as { url?: string } | undefined)?.url?.includes('/status?k=') === true,
      'the status read',
    )
    await f.hub.close()
    const text = await hubLogText(f.dataDir)
    for (const secret of [manager, kiosk, key, '73915846', `"${code}"`, `=${code}`]) expect(text).not.toContain(secret)
    expect(text).toContain('/status?k=[redacted]')
  })

  it('shows the recent warnings and where phones reach the hub to a manager, and to nobody else', async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)
    expect(status.body).toMatchObject({ customerUrl: null, customerUrlProblem: 'loopbackOnly' })
    // A code and its facts for the screen to word; the log's own English words beside them.
    expect(status.body.warnings[0]).toMatchObject({
      level: 'warn',
      event: 'customerAddress.unreachable',
      params: { problem: 'loopbackOnly' },
    })
    expect(status.body.warnings[0]?.message).toMatch(/Phones cannot reach this hub.*127\.0\.0\.1/)
    expect((await f.request('GET', '/api/v1/hub/status', undefined, await f.teller(1))).status).toBe(403)
  })

  it(`keeps the newest ${LOG_FILES_KEPT} files, also on a PC that is switched off every night`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-logs-'))
    await mkdir(join(dir, 'logs'))
    const old = Array.from({ length: 20 }, (_, i) => `hub.2020-01-${String(i + 1).padStart(2, '0')}.1.log`)
    for (const name of [...old, 'notes.txt']) await writeFile(join(dir, 'logs', name), '{}\n')
    f = await HubFixture.start({}, dir)
    const names = await readdir(join(dir, 'logs'))
    expect(names.filter((n) => n.startsWith('hub.')).length).toBeLessThanOrEqual(LOG_FILES_KEPT)
    expect(names).toContain('hub.2020-01-20.1.log')
    expect(names).not.toContain('hub.2020-01-06.1.log')
    expect(names).toContain('notes.txt')
  })
})

describe('a log folder that cannot be written', () => {
  it('does not stop the hub, and the manager is told', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-nolog-'))
    // A file where the log folder should be: nothing can be created under it.
    await writeFile(join(dir, 'logs'), 'not a folder\n')
    f = await HubFixture.start({}, dir)
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, await f.manager())
    expect(status.status).toBe(200)
    const noFile = status.body.warnings.find((w) => w.event === 'log.noFile')
    expect(noFile?.message).toMatch(/The hub log cannot be written to files/)
    expect(noFile?.params).toEqual({ dir: join(dir, 'logs'), error: expect.any(String) })
    // Not only a warning that scrolls away: it stands in the hub's health while the hub runs so.
    expect(status.body.standing).toEqual([
      {
        what: 'logNoFile',
        since: f.clock.now(),
        detail: expect.stringMatching(/^The hub log cannot be written to files in /),
      },
    ])
  })
})

describe('a log file that stops taking lines while the hub runs', () => {
  it('does not stop the hub, and the manager is told from when it stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-fulllog-'))
    await mkdir(join(dir, 'logs'))
    // Today's log file is a full disk: it opens, and every write fails (ENOSPC), as when the disk
    // fills during the day. (The file is named by the PC's local date, as the log names it.)
    const now = new Date()
    const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-')
    await symlink('/dev/full', join(dir, 'logs', `hub.${today}.1.log`))
    f = await HubFixture.start({}, dir)
    const manager = await f.manager()
    const status = async () =>
      (await (f as HubFixture).request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)).body
    await vi.waitFor(async () => expect((await status()).standing.map((p) => p.what)).toEqual(['logStopped']))
    const body = await status()
    expect(body.standing[0]?.detail).toMatch(
      /^The hub log stopped writing to .*hub\.\d{4}-\d{2}-\d{2}\.1\.log \(ENOSPC/,
    )
    expect(body.warnings.filter((w) => w.event === 'log.fileStopped')).toHaveLength(1)
    // The queue goes on, and more lines do not say it again.
    const kiosk = await f.pair('kiosk', manager)
    for (let i = 0; i < 3; i++) expect((await f.issue(kiosk, `full-disk-${i}`)).status).toBe(200)
    const after = await status()
    expect(after.warnings.filter((w) => w.event === 'log.fileStopped')).toHaveLength(1)
    expect(after.standing).toEqual(body.standing)
  })
})

describe('logFilesToPrune', () => {
  it('orders by date, then by the roll number', () => {
    expect(logFilesToPrune(['hub.2026-11-24.10.log', 'hub.2026-11-24.9.log', 'hub.2026-11-23.1.log'], 1)).toEqual([
      'hub.2026-11-23.1.log',
      'hub.2026-11-24.9.log',
    ])
  })
})

describe('scrubUrl', () => {
  it('blanks keys, tokens, codes and PINs in a query, and nothing else', () => {
    expect(scrubUrl('/x?k=abc&lang=en&token=t&code=1&pin=2')).toBe(
      '/x?k=[redacted]&lang=en&token=[redacted]&code=[redacted]&pin=[redacted]',
    )
    expect(scrubUrl('/api/v1/health')).toBe('/api/v1/health')
  })
})

/** `npm run hub` as a person starts it, with what its terminal shows. */
function startCli(dir: string, flags: readonly string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve('hub/cli.ts'), '--data', dir, '--port', '0', '--demo', '--renderer', dir, ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const terminal = { stdout: '', stderr: '' }
  child.stdout.on('data', (c: Buffer) => (terminal.stdout += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (terminal.stderr += c.toString('utf8')))
  const exited = new Promise((r) => child.once('exit', r))
  return {
    terminal,
    /** The hub's address, once its start lines are printed. */
    async started(): Promise<string> {
      // tsx compiles the hub first, and a fresh demo simulates its month: on a busy machine that takes a while.
      const deadline = Date.now() + 90_000
      while (!terminal.stdout.includes('Ctrl+C stops the hub.') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100))
      const url = /hub for .* at (http:\/\/\S+)/.exec(terminal.stdout)?.[1]
      if (url === undefined) throw new Error(`the hub did not start:\n${terminal.stdout}\n${terminal.stderr}`)
      return url
    },
    /** Stops it the way Ctrl+C does; everything it wrote has then been read. */
    async stop(): Promise<void> {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** A manager signs in: a command, so one request line at `info`. */
async function signIn(url: string): Promise<void> {
  const r = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: 'm01', pin: '9999', counterId: null }),
  })
  expect(r.status).toBe(200)
}

const isSignInLine = (l: { msg?: string; req?: unknown }) =>
  l.msg === 'request completed' && (l.req as { url?: string } | undefined)?.url === '/api/v1/sessions'
const kioskToken = (stdout: string) => /#\/kiosk\?token=(\S+)/.exec(stdout)?.[1]

describe('npm run hub', () => {
  it(
    'writes request lines to the log file and shows only warnings and errors in the terminal; --verbose shows every line',
    { timeout: 240_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-cli-'))
      try {
        const quiet = startCli(dir, [])
        try {
          await signIn(await quiet.started())
          await untilLogged(dir, isSignInLine, 'the sign-in request')
        } finally {
          await quiet.stop()
        }
        const first = quiet.terminal
        // The start lines and the demo's links stay on screen: no request line, no info line under them.
        expect(`${first.stdout}${first.stderr}`).not.toContain('request completed')
        expect(first.stderr).not.toContain('"level":30')
        expect(first.stdout).toMatch(/Kiosk .*#\/kiosk\?token=/)
        // A warning a person must act on is still shown: as JSON lines, since a program reads this
        // stderr (a pipe, not a terminal).
        expect(first.stderr).toContain('"event":"customerAddress.unreachable"')
        // Where the log files are, for whoever wants every line.
        expect(first.stdout).toContain(`log:  ${join(dir, 'logs')} (JSON lines`)

        const verbose = startCli(dir, ['--verbose'])
        try {
          await signIn(await verbose.started())
          await vi.waitFor(() => expect(verbose.terminal.stderr).toContain('"msg":"request completed"'), {
            timeout: 10_000,
          })
          expect(verbose.terminal.stderr).toContain('"event":"hub.started"')
        } finally {
          await verbose.stop()
        }
        // The second start links the same demo kiosk, not a newly paired one.
        expect(kioskToken(verbose.terminal.stdout)).toBe(kioskToken(first.stdout))

        // A person's terminal (as npm start asks): readable lines, no JSON among the start lines.
        const readable = startCli(dir, ['--log-format', 'readable'])
        try {
          await readable.started()
        } finally {
          await readable.stop()
        }
        expect(readable.terminal.stderr).toMatch(
          /^\d{2}:\d{2}:\d{2} WARN {2}Phones cannot reach this hub.* \[customerAddress\.unreachable\]$/m,
        )
        expect(readable.terminal.stderr).not.toContain('{"level"')
        // The files still hold JSON lines, for machines.
        await untilLogged(dir, (l) => l.event === 'customerAddress.unreachable', 'the warning in the file')
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  )
})

describe('a damaged journal end', () => {
  it('reaches the manager’s recent warnings, naming the file and where its bytes were kept', async () => {
    f = await HubFixture.start()
    const kiosk = await f.pair('kiosk', await f.manager())
    expect((await f.issue(kiosk, 'damaged-1')).status).toBe(200)
    await f.hub.close()
    const journal = join(f.dataDir, 'journal')
    const [file] = (await readdir(journal)).filter((n) => n.endsWith('.jsonl'))
    if (file === undefined) throw new Error('no journal was written')
    // A whole line that cannot be read: written in full, so its command may have been acknowledged.
    await writeFile(join(journal, file), '{"e":{"seq":99,"type":"ticketIss\n', { flag: 'a' })
    await f.restart()
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, await f.manager())
    const warning = status.body.warnings.find((w) => w.event === 'journal.damagedJournalLine')
    expect(warning).toMatchObject({ level: 'error' })
    expect(warning?.message).toContain(file)
    expect(warning?.message).toMatch(/damaged-at-\d+/)
  })
})
