import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * Whether an element's content is taller than the room it was given, re-measured whenever its
 * size changes and when `measure()` is called after its content changed. Lets a panel show
 * less at once instead of spilling over the panel below.
 *
 * @example
 * const el = ref<HTMLElement | null>(null)
 * const { overflowing, measure } = useOverflow(el)
 */
export function useOverflow(el: Ref<HTMLElement | null>): { overflowing: Ref<boolean>; measure: () => void } {
  const overflowing = ref(false)
  let observer: ResizeObserver | undefined
  const measure = () => {
    const e = el.value
    overflowing.value = e !== null && e.scrollHeight > e.clientHeight + 1
  }
  onMounted(() => {
    observer = new ResizeObserver(measure)
    if (el.value !== null) observer.observe(el.value)
    measure()
  })
  onBeforeUnmount(() => observer?.disconnect())
  return { overflowing, measure }
}
