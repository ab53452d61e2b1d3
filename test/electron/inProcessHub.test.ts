import { mkdtemp, rm } from 'node:fs/promises'
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
      false,
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
})
