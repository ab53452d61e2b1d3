import { computed, onBeforeUnmount, onMounted, ref, type ComputedRef } from 'vue'

/**
 * Turns through a list every `intervalMs` (about 10 s: long enough to read a sentence twice
 * from across the lobby). The item is found by index modulo the current length, so a list that
 * changes (a language switch, a new lobby message) never points past its end.
 *
 * @example
 * const slide = useRotation(() => slides.value, 10_000)
 */
export function useRotation<T>(items: () => readonly T[], intervalMs: number): ComputedRef<T | null> {
  const tick = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(() => (tick.value += 1), intervalMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return computed(() => {
    const list = items()
    return list.length === 0 ? null : (list[tick.value % list.length] ?? null)
  })
}
