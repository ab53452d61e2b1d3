import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import { branchDataDir } from '../hq/support/branchHub'
import { HubFixture } from './support/hubFixture'
import { closeRig, fakeHq, RIG_TOKEN, shipperTo } from './support/shipperRig'

/**
 * HQ refusing a branch in a way retrying will not change (its token revoked): the log says it at
 * the first and every twentieth failure, so the hub holds it as a standing problem the manager
 * sees until HQ takes a message again.
 */

let hub: HubFixture | null = null
afterEach(async () => {
  await hub?.stop()
  hub = null
  await closeRig()
})

describe('HQ refusing the branch', () => {
  it("stands on the hub's health, with HQ's words, however often the shipper retries", async () => {
    const { url } = await fakeHq()
    hub = await HubFixture.start({}, await branchDataDir(url, RIG_TOKEN))
    const manager = await hub.manager()
    const status = async () =>
      (await (hub as HubFixture).request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)).body
    await vi.waitFor(async () => expect((await status()).standing.map((p) => p.what)).toEqual(['replicationRefused']), {
      timeout: 10_000,
    })
    const [refused] = (await status()).standing
    expect(refused?.detail).toBe('shipping to HQ: HQ refused (401 unauthenticated): this branch token was revoked')
    expect(refused?.since).toBe(hub.clock.now())
  })

  it('is said at each refusal and ended once HQ takes a message again', async () => {
    const { url, asked, hq: state } = await fakeHq()
    const { shipper, said, logged } = await shipperTo(url, { heartbeatMs: 60_000 })
    shipper.start()
    try {
      await vi.waitFor(() => expect(said.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 })
      expect(new Set(said)).toEqual(
        new Set(['shipping to HQ: HQ refused (401 unauthenticated): this branch token was revoked']),
      )
      // The log keeps to its first line (and every twentieth); the standing state is what stays.
      expect(logged.length).toBeLessThan(said.length)
      state.revoked = false
      await vi.waitFor(() => expect(said.at(-1)).toBeNull(), { timeout: 10_000 })
      await vi.waitFor(() => expect(asked.at(-1)).toMatch(/events$/), { timeout: 10_000 })
      // Ended once, not at every message taken afterwards.
      expect(said.filter((s) => s === null)).toHaveLength(1)
    } finally {
      await shipper.stop()
    }
  })

  it('of one kind of message stands while HQ takes heartbeats, from the first refusal, until that kind is taken', async () => {
    const { url, asked, hq: state } = await fakeHq()
    state.revoked = false
    state.noEvents = true
    // Heartbeats every 30 ms against retries every 20: between two refusals a heartbeat is taken.
    const { shipper, said, logged } = await shipperTo(url, { heartbeatMs: 30 })
    shipper.start()
    try {
      await vi.waitFor(() => expect(asked.filter((p) => p.endsWith('/heartbeat')).length).toBeGreaterThanOrEqual(5), {
        timeout: 10_000,
      })
      expect(said.length).toBeGreaterThanOrEqual(3)
      expect(said).not.toContain(null)
      expect(said[0]).toBe('shipping to HQ: HQ refused (422 invalid): a record HQ will not take')
      // and the log says it once, however many heartbeats are taken between the refusals
      expect(logged).toEqual(['shipping to HQ: HQ refused (422 invalid): a record HQ will not take'])
      state.noEvents = false
      await vi.waitFor(() => expect(said.at(-1)).toBeNull(), { timeout: 10_000 })
      expect(said.filter((s) => s === null)).toHaveLength(1)
    } finally {
      await shipper.stop()
    }
  })
})
