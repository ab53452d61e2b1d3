import { onBeforeUnmount, watch, type Ref } from 'vue'

/**
 * Runs `load` at once and then every `everyMs` while `active` is true (a section on screen, a
 * manager signed in), and stops when it turns false or the component goes.
 *
 * @example
 * useWhileActive(toRef(props, 'active'), load, 5000)
 */
export function useWhileActive(active: Ref<boolean>, load: () => Promise<void>, everyMs: number): void {
  let timer: ReturnType<typeof setInterval> | undefined
  watch(
    active,
    (on) => {
      clearInterval(timer)
      if (!on) return
      void load()
      timer = setInterval(() => void load(), everyMs)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => clearInterval(timer))
}
