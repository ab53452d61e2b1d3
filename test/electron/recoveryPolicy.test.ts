import { describe, expect, it } from 'vitest'
import {
  CRASH_MEMORY_MS,
  HANG_GRACE_MS,
  MAX_CRASH_DELAY_MS,
  decideCrashRecovery,
  decideHang,
  decideLoadFailure,
  type GoneReason,
} from '../../electron/main/recoveryPolicy'

describe('decideCrashRecovery', () => {
  it('reloads at once after a first crash', () => {
    expect(decideCrashRecovery([], 1_000, 'crashed')).toEqual({ action: 'reload', delayMs: 250, recent: [1_000] })
  })

  it('backs off on a crash loop and rebuilds the window from the third crash', () => {
    let recent: readonly number[] = []
    const steps: [string, number][] = []
    for (let i = 0; i < 7; i++) {
      const d = decideCrashRecovery(recent, i * 1_000, 'crashed')
      recent = d.recent
      steps.push([d.action, d.delayMs])
    }
    expect(steps).toEqual([
      ['reload', 250],
      ['reload', 1_000],
      ['recreate', 4_000],
      ['recreate', 16_000],
      ['recreate', MAX_CRASH_DELAY_MS],
      ['recreate', MAX_CRASH_DELAY_MS],
      ['recreate', MAX_CRASH_DELAY_MS],
    ])
  })

  it('forgets crashes older than ten minutes', () => {
    const d = decideCrashRecovery([0, 1_000], CRASH_MEMORY_MS + 1_000, 'crashed')
    expect(d).toEqual({ action: 'reload', delayMs: 250, recent: [CRASH_MEMORY_MS + 1_000] })
  })

  it('rebuilds the window when the renderer could not start or ran out of memory', () => {
    const fresh: GoneReason[] = ['launch-failed', 'oom', 'integrity-failure']
    for (const reason of fresh) expect(decideCrashRecovery([], 0, reason).action, reason).toBe('recreate')
    const reload: GoneReason[] = ['clean-exit', 'abnormal-exit', 'killed', 'crashed', 'memory-eviction']
    for (const reason of reload) expect(decideCrashRecovery([], 0, reason).action, reason).toBe('reload')
  })
})

describe('decideHang', () => {
  it('waits fifteen seconds before killing a hung renderer', () => {
    expect(decideHang(5_000, 5_000 + HANG_GRACE_MS - 1)).toBe('wait')
    expect(decideHang(5_000, 5_000 + HANG_GRACE_MS)).toBe('kill')
  })
})

describe('decideLoadFailure', () => {
  it('retries the hub after 1, 2, 4 … seconds up to 30', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => {
      const d = decideLoadFailure(-102, true, attempt)
      return d.action === 'retry' ? d.delayMs : -1
    })
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000])
  })

  it('ignores superseded loads and sub-frames', () => {
    expect(decideLoadFailure(-3, true, 1)).toEqual({ action: 'ignore' })
    expect(decideLoadFailure(-105, false, 1)).toEqual({ action: 'ignore' })
  })
})
