import type { Language } from '../../../../shared/domain/text'
import { pickVoice } from './pickVoice'
import type { SpeechEngine, SpeechOutcome } from './soundEngines'

/** The tag to speak with when no voice of the language is installed. */
const FALLBACK_TAG: Record<Language, string> = { 'zh-CN': 'zh-CN', en: 'en-US' }

/**
 * Utterances being spoken. Chromium can garbage-collect an utterance nothing refers to while it
 * is still speaking, and then never fires its `end`: holding them here keeps the queue moving.
 */
const speaking = new Set<SpeechSynthesisUtterance>()

/**
 * The Web Speech API (`speechSynthesis`). Picks an installed voice of the language when there
 * is one, else speaks with `lang` set. A sentence that never reports its end (a voice that
 * hangs) is cut after a generous time so one stuck call cannot silence the lobby.
 *
 * @example
 * await browserSpeech().speak('请 A023 号到 3 号窗口', 'zh-CN') //=> 'spoken'
 */
export function browserSpeech(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
  rate = 0.9,
): SpeechEngine {
  return {
    speak(text, lang) {
      if (synth === undefined) return Promise.resolve('unavailable')
      return new Promise((resolve) => {
        const u = new SpeechSynthesisUtterance(text)
        const voice = pickVoice(synth.getVoices(), lang)
        u.lang = voice?.lang ?? FALLBACK_TAG[lang]
        if (voice !== null) u.voice = voice
        u.rate = rate
        // Slow voices take about 0.3 s a character in Chinese; more than that and 4 s is a hang.
        const timer = setTimeout(
          () => {
            finish('timedOut')
            synth.cancel()
          },
          4000 + text.length * 400,
        )
        const finish = (outcome: SpeechOutcome) => {
          if (!speaking.delete(u)) return
          clearTimeout(timer)
          resolve(outcome)
        }
        u.addEventListener('end', () => finish('spoken'))
        u.addEventListener('error', (e) => finish(e.error === 'not-allowed' ? 'blocked' : 'failed'))
        speaking.add(u)
        synth.speak(u)
      })
    },
    cancel() {
      synth?.cancel()
    },
  }
}
