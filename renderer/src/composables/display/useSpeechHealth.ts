import { onBeforeUnmount, watch, type Ref } from 'vue'
import type { SpeechHealth } from '../../../../shared/api/health'
import { useSessionStore } from '../../stores/session'
import type { SpeechEngine, SpeechOutcome } from '../../logic/display/soundEngines'
import { observedSpeech, speechHealthOf } from '../../logic/display/speechHealth'
import { browserSpeech } from '../../logic/display/speechEngine'

/** Voices load after the page; this long is enough for them to be listed. */
const VOICES_MS = 3000
/** Said again this often, so a restarted hub learns it again. */
const AGAIN_MS = 5 * 60_000

/**
 * The lobby display tells the hub how well it can speak (no speech synthesis, no voice of a
 * language, a sentence that failed or was blocked), so the manager's device list shows a
 * silent lobby instead of nobody noticing. Reported once the screen is paired and its voices
 * are listed, whenever it changes, and every five minutes. Answers the engine to speak with.
 */
export function useSpeechHealth(paired: Ref<boolean>, engine: SpeechEngine = browserSpeech()): SpeechEngine {
  const session = useSessionStore()
  const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined
  let lastOutcome: SpeechOutcome | null = null
  let reported = ''
  let voicesListed = false

  async function report(force = false): Promise<void> {
    if (!paired.value || !voicesListed) return
    const health: SpeechHealth = speechHealthOf(synth, lastOutcome)
    const text = JSON.stringify(health)
    if (text === reported && !force) return
    try {
      await session.client.call('reportSpeech', { body: health })
      reported = text
    } catch {
      // Not reported: tried again at the next change or in five minutes.
    }
  }

  const listed = (): void => {
    voicesListed = true
    void report()
  }
  synth?.addEventListener('voiceschanged', listed)
  const voicesTimer = setTimeout(listed, VOICES_MS)
  const again = setInterval(() => void report(true), AGAIN_MS)
  watch(paired, () => void report(true))
  onBeforeUnmount(() => {
    synth?.removeEventListener('voiceschanged', listed)
    clearTimeout(voicesTimer)
    clearInterval(again)
  })
  return observedSpeech(engine, (outcome) => {
    lastOutcome = outcome
    void report()
  })
}
