import { describe, expect, it } from 'vitest'
import { useReportData } from '../../../renderer/src/composables/manager/report/useReportData'

/** A fetch the test answers when it likes. */
function deferred<T>() {
  let resolve: (v: T) => void = () => {}
  let reject: (e: unknown) => void = () => {}
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useReportData', () => {
  it('keeps the last report on screen while the next loads, and drops an answer overtaken by a newer request', async () => {
    const d = useReportData<string>((e) => `failed: ${String(e)}`)
    await d.load(async () => 'Monday')
    const slow = deferred<string>()
    const fast = deferred<string>()
    const first = d.load(() => slow.promise)
    const second = d.load(() => fast.promise)
    expect(d.data.value).toBe('Monday')
    expect(d.loading.value).toBe(true)
    fast.resolve('Wednesday')
    await second
    slow.resolve('Tuesday')
    await first
    expect(d.data.value).toBe('Wednesday')
    expect(d.loading.value).toBe(false)
  })

  it('says why a report failed, and keeps the one before', async () => {
    const d = useReportData<string>((e) => `failed: ${String(e)}`)
    await d.load(async () => 'Monday')
    await d.load(async () => Promise.reject(new Error('hub down')))
    expect(d.error.value).toBe('failed: Error: hub down')
    expect(d.data.value).toBe('Monday')
  })
})
