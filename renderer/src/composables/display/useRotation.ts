import { computed, onBeforeUnmount, onMounted, ref, watch, type ComputedRef } from 'vue'

/** The item shown now, and a way to bring one forward at once (the turn then lasts a full interval). */
export type Rotation<T> = ComputedRef<T | null> & { readonly show: (pick: (item: T) => boolean) => void }

/**
 * Turns through a list every `intervalMs` (about 10 s: long enough to read a sentence twice
 * from across the lobby), or for as long as the item shown needs when `intervalMs` is a
 * function of it (a long explanation read in pages keeps its turn until its last page). A need
 * that changes during a turn (measured once the item is on screen) moves that turn's end. The
 * item is found by index modulo the current length, so a list that changes (a language switch,
 * a new lobby message) never points past its end.
 *
 * @example
 * const slide = useRotation(() => slides.value, 10_000)
 * slide.show((s) => s.key === 'notice:1') // a new notice is shown at once
 */
export function useRotation<T>(
  items: () => readonly T[],
  intervalMs: number | ((item: T | null) => number),
): Rotation<T> {
  const tick = ref(0)
  const current = computed(() => {
    const list = items()
    return list.length === 0 ? null : (list[tick.value % list.length] ?? null)
  })
  const duration = computed(() => (typeof intervalMs === 'number' ? intervalMs : intervalMs(current.value)))
  let timer: ReturnType<typeof setTimeout> | undefined
  let startedAt = 0
  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      tick.value += 1
      start()
    }, ms)
  }
  const start = () => {
    startedAt = Date.now()
    schedule(duration.value)
  }
  onMounted(start)
  onBeforeUnmount(() => clearTimeout(timer))
  // Only a change of need within a turn: a new turn schedules itself in `start`.
  watch(duration, (ms) => {
    if (timer !== undefined) schedule(Math.max(0, ms - (Date.now() - startedAt)))
  })
  const show = (pick: (item: T) => boolean) => {
    const i = items().findIndex(pick)
    if (i < 0) return
    tick.value = i
    start()
  }
  return Object.assign(current, { show })
}
