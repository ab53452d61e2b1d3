import { afterEach, describe, expect, it } from 'vitest'
import type { FileSystem } from '../../hub/persistence/fileSystem'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { closeRig, fakeHq, shipperTo } from './support/shipperRig'

afterEach(closeRig)

/**
 * The real file system, except that the first listing of a folder once `when` holds waits until
 * `release`: a journal read the shipper is in the middle of when the hub is asked to stop.
 */
function holdingListing(when: () => boolean): { fs: FileSystem; reached: Promise<void>; release: () => void } {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  let reach = () => {}
  const reached = new Promise<void>((resolve) => (reach = resolve))
  let holding = true
  const fs: FileSystem = {
    ...nodeFileSystem,
    readdir: async (path) => {
      if (holding && when()) {
        holding = false
        reach()
        await held
      }
      return nodeFileSystem.readdir(path)
    },
  }
  return { fs, reached, release }
}

describe('stopping the shipper', () => {
  // The hub waits for its shipper when it closes (a power-off, an upgrade, a test's end). A stop
  // that came while the shipper read its journal used to wait for the next heartbeat (30 s).
  it('in the middle of reading the journal ends at once, not after the next heartbeat', async () => {
    const { url, asked, hq } = await fakeHq()
    hq.revoked = false
    // Once the events are shipped, the shipper looks for a newer journal, and is held there.
    const disk = holdingListing(() => asked.some((p) => p.endsWith('/events')))
    const { shipper } = await shipperTo(url, { heartbeatMs: 60_000, fs: disk.fs })
    shipper.start()
    await disk.reached
    const stopped = shipper.stop().then(() => 'stopped')
    disk.release()
    const late = new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000).unref())
    expect(await Promise.race([stopped, late])).toBe('stopped')
  })
})
