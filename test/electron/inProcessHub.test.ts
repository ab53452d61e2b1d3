import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startInProcessHub } from '../../electron/main/inProcessHub'
import { untilLogged } from '../hub/support/hubLogFile'

describe('the hub the desktop app starts in its main process', () => {
  it('writes its log to rotating files under the data folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'branch-lobby-main-'))
    const hub = await startInProcessHub(
      { dataDir, host: '127.0.0.1', port: 0, demo: true, rendererDir: join(dataDir, 'no-renderer') },
      null,
    )
    try {
      const started = await untilLogged(dataDir, (l) => l.event === 'hub.started', 'the start')
      expect(started).toMatchObject({ level: 30, url: hub.url })
      // The demo's local terminals are still registered directly, without a pairing code.
      const token = await hub.registerLocalTerminal?.('kiosk', 'Demo kiosk')
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    } finally {
      await hub.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it("gives the demo's kiosk the same terminal at the next start, not one more", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'branch-lobby-main-'))
    const options = { dataDir, host: '127.0.0.1', port: 0, demo: true, rendererDir: join(dataDir, 'no-renderer') }
    try {
      const first = await startInProcessHub(options, null)
      const token = await first.registerLocalTerminal?.('kiosk', 'Demo kiosk')
      await first.close()
      const second = await startInProcessHub(options, null)
      try {
        expect(await second.registerLocalTerminal?.('kiosk', 'Demo kiosk')).toBe(token)
        const session = await fetch(`${second.url}/api/v1/sessions/current`, {
          headers: { authorization: `Bearer ${token}` },
        })
        expect(session.status).toBe(200)
        const security = JSON.parse(await readFile(join(dataDir, 'security.json'), 'utf8')) as { devices: unknown[] }
        expect(security.devices).toHaveLength(1)
      } finally {
        await second.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
