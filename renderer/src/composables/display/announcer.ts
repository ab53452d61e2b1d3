import { ref, type Ref } from 'vue'
import type { Language } from '../../../../shared/domain/text'
import type { Chime, SpeechEngine } from '../../logic/display/soundEngines'

/** One sentence of an announcement, in one language. */
export interface AnnouncementPart {
  readonly text: string
  readonly lang: Language
}

/** One call to announce: a chime, then each sentence in turn. */
export interface Announcement {
  /** The same ticket at the same counter: a repeat already waiting its turn is not queued twice. */
  readonly key: string
  /** When the call was made (hub time, epoch ms). */
  readonly at: number
  readonly parts: readonly AnnouncementPart[]
}

export interface AnnouncerOptions {
  readonly speech: SpeechEngine
  readonly chime: Chime
  /** The hub's clock. */
  readonly now: () => number
  /** A call still unsaid this long after it was made is left to the screen (default 60 s). */
  readonly staleAfterMs?: number
  /** Silence between two announcements (default 0.6 s), so they do not run together. */
  readonly pauseMs?: number
}

export interface Announcer {
  /** Queues a call; it is said after the ones before it, never over them. */
  announce(a: Announcement): void
  /** True when the platform refused to play sound (no user gesture yet): the screen asks for a tap. */
  readonly soundBlocked: Ref<boolean>
  /** Calls queued and not yet started. */
  readonly pending: Ref<number>
  /** After a tap: starts audio, so the next calls are heard. */
  unlock(): Promise<void>
  /** Drops the queue and stops speaking (the screen is leaving). */
  stop(): void
}

/**
 * The lobby's voice: one announcement at a time, each a chime followed by its sentences, in
 * the order the calls were made, so two counters calling together are both heard in full.
 * Engines are parameters, so the same queue runs on the platform's speech or a test's.
 *
 * @example
 * const a = createAnnouncer({ speech: browserSpeech(), chime: webAudioChime(), now: () => Date.now() })
 * a.announce({ key: 'A023@c3', at: Date.now(), parts: [{ text: '请 A023 号到 3 号窗口', lang: 'zh-CN' }] })
 */
export function createAnnouncer(options: AnnouncerOptions): Announcer {
  const staleAfterMs = options.staleAfterMs ?? 60_000
  const pauseMs = options.pauseMs ?? 600
  const queue: Announcement[] = []
  const soundBlocked = ref(false)
  const pending = ref(0)
  let draining = false
  let stopped = false

  function announce(a: Announcement): void {
    if (stopped || queue.some((q) => q.key === a.key)) return
    queue.push(a)
    pending.value = queue.length
    void drain()
  }

  async function drain(): Promise<void> {
    if (draining) return
    draining = true
    try {
      for (let next = queue.shift(); next !== undefined && !stopped; next = queue.shift()) {
        pending.value = queue.length
        if (options.now() - next.at > staleAfterMs) continue
        await say(next)
        if (queue.length > 0 && !stopped) await wait(pauseMs)
      }
    } finally {
      draining = false
      pending.value = queue.length
    }
  }

  async function say(a: Announcement): Promise<void> {
    let blocked = (await options.chime.play()) === 'blocked'
    for (const part of a.parts) {
      if (stopped) return
      if ((await options.speech.speak(part.text, part.lang)) === 'blocked') blocked = true
    }
    soundBlocked.value = blocked
  }

  return {
    announce,
    soundBlocked,
    pending,
    async unlock() {
      if (await options.chime.unlock()) soundBlocked.value = false
    },
    stop() {
      stopped = true
      queue.length = 0
      pending.value = 0
      options.speech.cancel()
      options.chime.close()
    },
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
