import { computed, onBeforeUnmount, onMounted, ref, type ComputedRef } from 'vue'

/** The item shown now, and a way to bring one forward at once (the turn then lasts a full interval). */
export type Rotation<T> = ComputedRef<T | null> & { readonly show: (pick: (item: T) => boolean) => void }

/**
 * Turns through a list every `intervalMs` (about 10 s: long enough to read a sentence twice
 * from across the lobby). The item is found by index modulo the current length, so a list that
 * changes (a language switch, a new lobby message) never points past its end.
 *
 * @example
 * const slide = useRotation(() => slides.value, 10_000)
 * slide.show((s) => s.key === 'notice:1') // a new notice is shown at once
 */
export function useRotation<T>(items: () => readonly T[], intervalMs: number): Rotation<T> {
  const tick = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined
  const start = () => {
    clearInterval(timer)
    timer = setInterval(() => (tick.value += 1), intervalMs)
  }
  onMounted(start)
  onBeforeUnmount(() => clearInterval(timer))
  const current = computed(() => {
    const list = items()
    return list.length === 0 ? null : (list[tick.value % list.length] ?? null)
  })
  const show = (pick: (item: T) => boolean) => {
    const i = items().findIndex(pick)
    if (i < 0) return
    tick.value = i
    start()
  }
  return Object.assign(current, { show })
}
