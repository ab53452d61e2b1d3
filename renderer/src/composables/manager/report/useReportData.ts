import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'

/** A report being fetched: the last answer kept on screen while the next loads. */
export interface Loaded<T> {
  readonly data: ShallowRef<T | null>
  readonly loading: Ref<boolean>
  readonly error: Ref<string | null>
  /** Fetches again; an answer that arrives after a newer request is dropped. */
  load(fetcher: () => Promise<T>): Promise<void>
}

/**
 * Holds one report (a day, a range, a simulation) as it is fetched. The report is kept in a
 * `shallowRef`: a 2,000-ticket day is a few megabytes of JSON that is only ever replaced, never
 * edited, so Vue need not make every row reactive. The previous answer stays until the next
 * arrives, so the charts are updated in place rather than torn down.
 *
 * @example
 * const day = useReportData<DayReport>((e) => reportFailureText(t, e))
 * await day.load(() => client.call('dayReport', { params: { date } }))
 */
export function useReportData<T>(failure: (e: unknown) => string): Loaded<T> {
  const data = shallowRef<T | null>(null) as ShallowRef<T | null>
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latest = 0

  async function load(fetcher: () => Promise<T>): Promise<void> {
    const mine = ++latest
    loading.value = true
    try {
      const value = await fetcher()
      if (mine !== latest) return
      data.value = value
      error.value = null
    } catch (e) {
      if (mine !== latest) return
      error.value = failure(e)
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { data, loading, error, load }
}
