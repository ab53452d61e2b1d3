import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openHubLog } from '../../hub/log/hubLog'
import { systemClock } from '../../hub/clock'

let dir = ''
afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

describe('a log folder that cannot be written, at midnight', () => {
  it('does not throw when the day rolls over', async () => {
    dir = await mkdtemp(join(tmpdir(), 'branch-lobby-log-'))
    await writeFile(join(dir, 'logs'), 'not a folder\n')
    const midnight = new Date()
    midnight.setHours(23, 59, 59, 0)
    vi.useFakeTimers({ now: midnight, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const log = await openHubLog({}, join(dir, 'logs'), systemClock)
    expect(log.fileProblem).toMatch(/cannot be written to files/)
    expect(() => vi.advanceTimersByTime(5000)).not.toThrow()
    await log.close()
  })
})
