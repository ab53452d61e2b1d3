import type { Language } from '../../../../shared/domain/text'

/** What `pickVoice` needs of a voice (a `SpeechSynthesisVoice` has these). */
export interface VoiceLike {
  readonly lang: string
  readonly localService: boolean
}

/** Voice tags that speak each language well, best first. */
const WANTED: Record<Language, readonly string[]> = {
  // Mandarin as spoken on the mainland first; a Taiwan Mandarin voice is still understood.
  'zh-CN': ['zh-cn', 'cmn-cn', 'cmn-hans-cn', 'zh', 'zh-hans', 'cmn', 'zh-tw', 'cmn-tw'],
  en: ['en-us', 'en-gb', 'en'],
}
/** A Chinese voice that does not speak Mandarin: reading the sentence in Cantonese would confuse. */
const NEVER = ['zh-hk', 'yue']

/**
 * The best installed voice for a language, or null to let the platform choose from `lang`.
 * An exact regional voice beats a neighbour; a voice on this machine beats a network one (the
 * branch LAN may have no internet, and a network voice then stays silent).
 *
 * @example
 * pickVoice([{ lang: 'en-GB', localService: true }, { lang: 'zh-CN', localService: true }], 'zh-CN')
 * //=> { lang: 'zh-CN', localService: true }
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: Language): V | null {
  const wanted = WANTED[lang]
  const primary = lang === 'en' ? 'en' : 'zh'
  let best: V | null = null
  let bestScore = -1
  for (const v of voices) {
    const tag = v.lang.toLowerCase().replace(/_/g, '-')
    if (NEVER.some((n) => tag === n || tag.startsWith(`${n}-`))) continue
    const rank = wanted.indexOf(tag)
    const sameLanguage = tag.split('-')[0] === primary || (primary === 'zh' && tag.startsWith('cmn'))
    if (rank < 0 && !sameLanguage) continue
    const score = (rank < 0 ? 0 : (wanted.length - rank) * 2) + (v.localService ? 1 : 0)
    if (score > bestScore) {
      best = v
      bestScore = score
    }
  }
  return best
}
