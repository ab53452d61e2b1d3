import { onBeforeUnmount, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { LANGUAGES, type Language } from '../../../../shared/domain/text'
import { getTicket } from '../../../../shared/queue/state'
import { useBranchStore } from '../../stores/branch'
import { useQueueStore, type CallNotice } from '../../stores/queue'
import { createAnnouncer, type Announcement, type Announcer } from './announcer'
import { webAudioChime } from '../../logic/display/chime'
import type { Chime, SpeechEngine } from '../../logic/display/soundEngines'
import { browserSpeech } from '../../logic/display/speechEngine'

export interface CallAnnouncerOptions {
  /** Default: the platform's speech synthesis. */
  readonly speech?: SpeechEngine
  /** Default: a Web Audio chime. */
  readonly chime?: Chime
  /** The order the sentences are spoken in; default Chinese, then English. */
  readonly languages?: readonly Language[]
}

/**
 * Announces every fresh call and recall the hub pushes (`queue.notices`): "请 A023 号到 3 号窗口",
 * then "Ticket A023, please go to counter 3", after a chime: the shared catalogue's `call.announce`
 * (`shared/i18n/customerWords.ts`), the words the screen shows under "now calling". Calls already in the notices when
 * the screen opens, and calls seen before, are never said again (a reload or reconnect does not
 * replay the morning).
 *
 * @example
 * const { soundBlocked, unlock } = useCallAnnouncer()
 */
export function useCallAnnouncer(options: CallAnnouncerOptions = {}): Pick<Announcer, 'soundBlocked' | 'unlock'> {
  const queue = useQueueStore()
  const branch = useBranchStore()
  const { t } = useI18n()
  const languages = options.languages ?? LANGUAGES
  const announcer = createAnnouncer({
    speech: options.speech ?? browserSpeech(),
    chime: options.chime ?? webAudioChime(),
    now: () => queue.hubNow(),
  })

  // Seq grows through the hub's log; `at` covers a hub whose data was reset (seq starts again).
  let seenSeq = Math.max(0, ...queue.notices.map((n) => n.seq))
  let seenAt = Math.max(0, ...queue.notices.map((n) => n.at))

  function announcementOf(n: CallNotice): Announcement | null {
    const ticket = queue.state === null ? undefined : getTicket(queue.state, n.ticketId)
    const counter = branch.counter(n.counterId)
    if (ticket === undefined || counter === undefined) return null
    return {
      key: `${n.ticketId}@${n.counterId}`,
      at: n.at,
      parts: languages.map((lang) => ({
        lang,
        text: t('call.announce', { number: ticket.number, counter: counter.number }, { locale: lang }),
      })),
    }
  }

  watch(
    () => queue.notices,
    (notices) => {
      for (const n of notices) {
        if (n.seq <= seenSeq && n.at <= seenAt) continue
        seenSeq = Math.max(seenSeq, n.seq)
        seenAt = Math.max(seenAt, n.at)
        const a = announcementOf(n)
        if (a !== null) announcer.announce(a)
      }
    },
  )
  onBeforeUnmount(() => announcer.stop())
  return { soundBlocked: announcer.soundBlocked, unlock: announcer.unlock }
}
