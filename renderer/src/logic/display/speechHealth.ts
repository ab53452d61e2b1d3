import type { SpeechHealth } from '../../../../shared/api/health'
import { LANGUAGES } from '../../../../shared/domain/text'
import { pickVoice, type VoiceLike } from './pickVoice'
import type { SpeechEngine, SpeechOutcome } from './soundEngines'

/**
 * How well this screen can speak: whether it has speech synthesis, whether a voice of each
 * language is installed (the one `pickVoice` would choose), and how the last sentence ended.
 *
 * @example
 * speechHealthOf({ getVoices: () => [{ lang: 'en-US', localService: true }] }, 'spoken')
 * //=> { available: true, voices: { 'zh-CN': false, en: true }, lastOutcome: 'spoken' }
 */
export function speechHealthOf(
  synth: { getVoices(): readonly VoiceLike[] } | undefined,
  lastOutcome: SpeechOutcome | null,
): SpeechHealth {
  const voices = synth?.getVoices() ?? []
  const has = Object.fromEntries(LANGUAGES.map((l) => [l, pickVoice(voices, l) !== null])) as SpeechHealth['voices']
  return { available: synth !== undefined, voices: has, lastOutcome }
}

/** A speech engine that tells `onOutcome` how each sentence ended. */
export function observedSpeech(engine: SpeechEngine, onOutcome: (o: SpeechOutcome) => void): SpeechEngine {
  return {
    async speak(text, lang) {
      const outcome = await engine.speak(text, lang)
      onOutcome(outcome)
      return outcome
    },
    cancel: () => engine.cancel(),
  }
}
