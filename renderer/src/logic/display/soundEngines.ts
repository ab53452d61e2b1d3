import type { Language } from '../../../../shared/domain/text'

/**
 * The announcer's two doors to the platform's sound, as interfaces free of DOM types, so the
 * announcer's queue runs the same on the browser's engines (`speechEngine.ts`, `chime.ts`)
 * and on a test's.
 */

/** How speaking one sentence ended. */
export type SpeechOutcome = 'spoken' | 'blocked' | 'failed' | 'timedOut' | 'unavailable'

/** Speaks a sentence. */
export interface SpeechEngine {
  /** Resolves once the sentence has been spoken (or could not be); never rejects. */
  speak(text: string, lang: Language): Promise<SpeechOutcome>
  /** Stops whatever is being spoken. */
  cancel(): void
}

/** How playing the chime ended. */
export type ChimeOutcome = 'played' | 'blocked' | 'unavailable'

/** The short sound before each announcement, so the lobby looks up before the words start. */
export interface Chime {
  /** Resolves when the chime has finished (or could not play); never rejects. */
  play(): Promise<ChimeOutcome>
  /** Tries to start audio after a tap (browsers allow sound only after a gesture unless told otherwise). */
  unlock(): Promise<boolean>
  close(): void
}
