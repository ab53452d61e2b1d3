import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Scales the whole screen with the display: the kiosk and the lobby TV size their type from the
 * viewport (read from 6 m away, touched by elderly customers), staff screens keep a normal size.
 */
export function useRootFontSize(size: string): void {
  const root = document.documentElement
  let before = ''
  onMounted(() => {
    before = root.style.fontSize
    root.style.fontSize = size
  })
  onBeforeUnmount(() => {
    root.style.fontSize = before
  })
}
