import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { useQueueStore } from '../stores/queue'

/** The hub's time, ticking: screens time transactions by the hub clock, not the PC's. */
export function useNow(intervalMs = 1000): Ref<number> {
  const queue = useQueueStore()
  const now = ref(queue.hubNow())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(() => (now.value = queue.hubNow()), intervalMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
