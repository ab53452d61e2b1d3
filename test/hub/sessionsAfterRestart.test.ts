import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SESSIONS_FILE, SESSION_TTL_MS } from '../../hub/auth/sessionStore'
import { hashToken } from '../../hub/auth/tokens'
import type { SessionView } from '../../shared/api/views'
import { FaultFs } from './support/faultFs'
import { FakeClock } from './support/fakeClock'
import { FsImage } from './support/fsImage'
import { HubFixture } from './support/hubFixture'
import { untilLogged } from './support/hubLogFile'

/**
 * Teller and manager sign-ins survive a hub restart (`sessions.json`): a power cut mid-customer
 * does not sign every counter screen out. The file keeps a hash of each token, never the token.
 */
let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

const whoAmI = (token: string) => f!.request<SessionView>('GET', '/api/v1/sessions/current', undefined, token)

describe('sign-ins across a hub restart', () => {
  it('keeps a teller and a manager signed in, and the teller works their counter on', async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    await f.restart()
    expect((await whoAmI(teller)).body).toMatchObject({ role: 'teller', counterId: 'c1' })
    expect((await whoAmI(manager)).body).toMatchObject({ role: 'manager' })
    expect(
      (await f.request('POST', '/api/v1/counters/c1/pause', { reason: { code: 'other', note: 'x' } }, teller)).status,
    ).toBe(200)
  })

  it('keeps the hash of each token, never the token', async () => {
    f = await HubFixture.start()
    const teller = await f.teller(1)
    const text = await readFile(join(f.dataDir, SESSIONS_FILE), 'utf8')
    expect(text).not.toContain(teller)
    expect(text).toContain(hashToken(teller))
  })

  it("keeps the file readable by the hub's user only, also over a file or temp file left readable by all", async () => {
    f = await HubFixture.start()
    await f.teller(1)
    const path = join(f.dataDir, SESSIONS_FILE)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    await f.hub.close()
    // an older release's file, and a temp file left by a write cut short
    await chmod(path, 0o644)
    await writeFile(join(f.dataDir, `.${SESSIONS_FILE}.tmp`), '{', { mode: 0o644 })
    await f.restart()
    await f.teller(2)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('does not bring back a session signed out before the restart', async () => {
    f = await HubFixture.start()
    const stays = await f.teller(2)
    const leaves = await f.teller(1)
    expect((await f.request('DELETE', '/api/v1/sessions/current', undefined, leaves)).status).toBe(200)
    // signed out at once, before any restart
    expect((await whoAmI(leaves)).status).toBe(401)
    expect(await readFile(join(f.dataDir, SESSIONS_FILE), 'utf8')).not.toContain(hashToken(leaves))
    await f.restart()
    expect((await whoAmI(leaves)).status).toBe(401)
    expect((await whoAmI(stays)).status).toBe(200)
  })

  it('drops a session that expired while the hub was down', async () => {
    f = await HubFixture.start()
    const old = await f.teller(1)
    f.clock.advance(SESSION_TTL_MS / 1000 - 3600)
    const recent = await f.teller(2)
    await f.hub.close()
    f.clock.advance(2 * 3600)
    await f.restart()
    expect((await whoAmI(old)).status).toBe(401)
    expect((await whoAmI(recent)).status).toBe(200)
    // the next write leaves the expired one out of the file too
    await f.manager()
    expect(await readFile(join(f.dataDir, SESSIONS_FILE), 'utf8')).not.toContain(hashToken(old))
  })

  it('signs out at the restart whoever was removed, given another role or a new PIN in branch.json', async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const newPin = await f.teller(1)
    const gone = await f.teller(2)
    const promoted = await f.teller(3)
    const kept = await f.teller(4)
    await f.hub.close()
    const path = join(f.dataDir, 'branch.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { staff: { id: string; role: string; pinHash: string }[] }
    const [t1, t2, t3] = file.staff.filter((m) => m.role === 'teller')
    const other = file.staff.find((m) => m.role === 'manager')
    if (t1 === undefined || t2 === undefined || t3 === undefined || other === undefined) throw new Error('demo staff')
    t1.pinHash = other.pinHash
    t3.role = 'manager'
    file.staff = file.staff.filter((m) => m !== t2)
    await writeFile(path, JSON.stringify(file))
    await f.restart()
    for (const token of [newPin, gone, promoted]) expect((await whoAmI(token)).status).toBe(401)
    for (const token of [manager, kept]) expect((await whoAmI(token)).status).toBe(200)
  })

  it('drops a removed member from the file at the start: a branch.json restored from a backup does not bring them back', async () => {
    f = await HubFixture.start()
    const removed = await f.teller(2)
    const kept = await f.teller(1)
    await f.hub.close()
    const path = join(f.dataDir, 'branch.json')
    const original = await readFile(path, 'utf8')
    const file = JSON.parse(original) as { staff: { id: string; role: string }[] }
    const t2 = file.staff.filter((m) => m.role === 'teller')[1]
    file.staff = file.staff.filter((m) => m !== t2)
    await writeFile(path, JSON.stringify(file))
    await f.restart()
    expect((await whoAmI(removed)).status).toBe(401)
    // nobody signs in or out before the next restart, on the old configuration
    await f.hub.close()
    await writeFile(path, original)
    await f.restart()
    expect((await whoAmI(removed)).status).toBe(401)
    expect((await whoAmI(kept)).status).toBe(200)
  })

  it('signs a teller out at the restart when their counter was taken out of branch.json', async () => {
    f = await HubFixture.start()
    const atC3 = await f.teller(3)
    const atC1 = await f.teller(1)
    expect((await whoAmI(atC3)).body).toMatchObject({ counterId: 'c3' })
    await f.hub.close()
    const path = join(f.dataDir, 'branch.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { branch: { counters: { id: string }[] } }
    file.branch.counters = file.branch.counters.filter((c) => c.id !== 'c3')
    await writeFile(path, JSON.stringify(file))
    await f.restart()
    // signed in again, not stuck at a counter every action of which is refused
    expect((await whoAmI(atC3)).status).toBe(401)
    expect((await whoAmI(atC1)).status).toBe(200)
  })

  it('starts on a damaged file with nobody signed in, and says so', async () => {
    f = await HubFixture.start()
    const teller = await f.teller(1)
    await f.hub.close()
    await writeFile(join(f.dataDir, SESSIONS_FILE), '{"version": 1, "sessions": [{"tokenHash": ')
    await f.restart()
    expect((await whoAmI(teller)).status).toBe(401)
    const logged = await untilLogged(f.dataDir, (l) => l.event === 'sessions.unreadable', 'the damaged file')
    expect(logged.level).toBe(40)
    expect(String(logged.msg)).toMatch(/not valid JSON/)
    // signing in again works, and mends the file
    const again = await f.teller(1)
    expect((await whoAmI(again)).status).toBe(200)
  })

  it('leaves a file of a newer release as it is, says so, and keeps the sign-ins in memory only', async () => {
    f = await HubFixture.start()
    await f.teller(1)
    await f.hub.close()
    const path = join(f.dataDir, SESSIONS_FILE)
    const newer = `${JSON.stringify({ version: 2, sessions: [], devices: [] })}\n`
    await writeFile(path, newer)
    await f.restart()
    const teller = await f.teller(1)
    expect((await whoAmI(teller)).status).toBe(200)
    expect((await f.request('DELETE', '/api/v1/sessions/current', undefined, await f.manager())).status).toBe(200)
    await f.hub.close()
    expect(await readFile(path, 'utf8')).toBe(newer)
    const logged = await untilLogged(f.dataDir, (l) => l.event === 'sessions.newerFormat', 'the newer file')
    expect(logged.level).toBe(50)
    expect(String(logged.msg)).toMatch(/newer version/)
  })

  it('signs in on a full disk, and says once that the sign-ins are not kept', async () => {
    const clock = new FakeClock()
    const fs = new FaultFs(FsImage.of({ '/srv': null }), () => clock.now())
    fs.inject({
      when: (c) => c.name === 'open' && c.path.endsWith(`.${SESSIONS_FILE}.tmp`),
      code: 'ENOSPC',
      once: false,
    })
    f = await HubFixture.start({ fileSystem: fs }, '/srv/data', clock)
    const teller = await f.teller(1)
    await f.manager()
    expect((await whoAmI(teller)).status).toBe(200)
    expect(f.hub.context.warnings.recent().filter((w) => w.event === 'sessions.notKept')).toHaveLength(1)
  })
})
