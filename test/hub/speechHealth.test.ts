import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HubStatusView, SpeechHealth } from '../../shared/api/health'
import type { DeviceStatusView, LiveMessage } from '../../shared/api/live'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
let manager: string
let display: string
beforeEach(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  display = await f.pair('display', manager)
})
afterEach(async () => {
  await f.stop()
})

const report = (health: SpeechHealth, token = display) =>
  f.request('PUT', '/api/v1/terminals/current/speech', health, token)
const latestDevices = (ms: readonly LiveMessage[]): readonly DeviceStatusView[] => {
  const last = [...ms].reverse().find((m) => m.type === 'devices')
  return last?.type === 'devices' ? last.devices : []
}
const healthy: SpeechHealth = { available: true, voices: { 'zh-CN': true, en: true }, lastOutcome: 'spoken' }

describe('a lobby display’s voice', () => {
  it('is listed with the lobby devices when it cannot speak, and logged as a warning', async () => {
    const live = await f.live(manager, null)
    expect((await report({ ...healthy, voices: { 'zh-CN': false, en: true } })).status).toBe(200)
    await live.until((ms) => latestDevices(ms).some((d) => d.role === 'displaySpeech'), 'the display’s voice')
    expect(latestDevices(live.messages)).toEqual([
      expect.objectContaining({
        role: 'displaySpeech',
        label: 'test display',
        state: 'error',
        problem: 'noVoice',
        detail: 'no voice installed for zh-CN',
      }),
    ])
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)
    // A code and its facts, for the manager's screen to word in its language; the log's English beside them.
    expect(status.body.warnings[0]).toMatchObject({
      event: 'speech.noVoice',
      level: 'warn',
      params: { terminal: 'test display', missing: ['zh-CN'] },
    })
    expect(status.body.warnings[0]?.message).toMatch(/Lobby display 'test display' cannot announce calls/)

    // Fixed (a voice installed, the page reloaded): it says so, and the row turns healthy.
    expect((await report(healthy)).status).toBe(200)
    await live.until(
      (ms) => latestDevices(ms).some((d) => d.role === 'displaySpeech' && d.state === 'connected'),
      'healthy',
    )
    live.close()
  })

  it('names what is wrong, worst first', async () => {
    const live = await f.live(manager, null)
    await report({ available: false, voices: { 'zh-CN': false, en: false }, lastOutcome: null })
    await live.until((ms) => latestDevices(ms).some((d) => d.problem === 'speechUnavailable'), 'no speech')
    await report({ ...healthy, lastOutcome: 'timedOut' })
    await live.until((ms) => latestDevices(ms).some((d) => d.problem === 'speechFailed'), 'a failed call')
    await report({ ...healthy, lastOutcome: 'blocked' })
    await live.until((ms) => latestDevices(ms).some((d) => d.problem === 'soundBlocked'), 'blocked sound')
    live.close()
  })

  it('is reported by displays only, and forgotten when the display is revoked', async () => {
    expect((await report(healthy, await f.teller(1))).status).toBe(403)
    expect((await report(healthy, await f.pair('kiosk', manager))).status).toBe(403)
    await report({ ...healthy, voices: { 'zh-CN': true, en: false } })
    const list = await f.request<{ terminals: { id: string; role: string }[] }>(
      'GET',
      '/api/v1/paired-terminals',
      undefined,
      manager,
    )
    const id = list.body.terminals.find((t) => t.role === 'display')?.id
    await f.request('DELETE', `/api/v1/paired-terminals/${id}`, undefined, manager)
    const live = await f.live(manager, null)
    await live.until((ms) => ms.some((m) => m.type === 'devices'), 'the device list')
    expect(latestDevices(live.messages)).toEqual([])
    live.close()
  })
})
