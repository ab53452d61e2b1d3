import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

/**
 * True for `forMs` after the watched call changes (a new call or a recall), so the screen can
 * highlight it while the voice says it. The key is `undefined` until the queue has loaded: the
 * call found when the screen opens is shown plainly, since opening the screen is not a call.
 *
 * @example
 * const fresh = useFreshCall(() => (loaded.value ? (latest.value?.key ?? null) : undefined))
 */
export function useFreshCall(key: () => string | null | undefined, forMs = 8000): Ref<boolean> {
  const fresh = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(key, (now, before) => {
    if (before === undefined || now === undefined || now === null || now === before) return
    fresh.value = true
    clearTimeout(timer)
    timer = setTimeout(() => (fresh.value = false), forMs)
  })
  onBeforeUnmount(() => clearTimeout(timer))
  return fresh
}
