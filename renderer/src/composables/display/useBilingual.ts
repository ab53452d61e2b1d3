import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Language, LocalizedText } from '../../../../shared/domain/text'
import { languageOf } from '../../format/localized'

/** One text in the screen's language (`main`) and in the other one (`sub`). */
export interface Bi {
  readonly main: string
  readonly sub: string
}

/** A translate function fixed to one language, shaped like the one `waitText` takes. */
export type TranslateIn = (key: string, named?: Record<string, unknown>, plural?: number) => string

export interface Bilingual {
  /** The screen's language: large type. */
  readonly main: ComputedRef<Language>
  /** The other language: smaller, under the first. */
  readonly sub: ComputedRef<Language>
  /** Translates in one given language, whatever the screen's language. */
  readonly tIn: (lang: Language) => TranslateIn
  /** A message of the i18n modules in both languages. */
  readonly bi: (key: string, named?: Record<string, unknown>, plural?: number) => Bi
  /** A text the branch wrote in both languages (service names, delay messages). */
  readonly biText: (text: LocalizedText | undefined) => Bi
  /** Words of both languages built by the same function (e.g. `waitText`). */
  readonly biWith: (make: (t: TranslateIn, lang: Language) => string) => Bi
}

/**
 * The lobby TV speaks to everyone in the lobby at once, so it shows each text in both
 * languages: the screen's language (vue-i18n's locale, `?lang=en` makes it English) large and
 * the other one under it. Reads the locale, so every text built with it follows a switch.
 *
 * @example
 * const { bi } = useBilingual()
 * bi('display.now.title') //=> { main: '正在叫号', sub: 'Now calling' }
 */
export function useBilingual(): Bilingual {
  const { t, locale } = useI18n()
  const main = computed<Language>(() => languageOf(locale.value))
  const sub = computed<Language>(() => (main.value === 'en' ? 'zh-CN' : 'en'))
  const tIn =
    (lang: Language): TranslateIn =>
    (key, named = {}, plural) =>
      t(key, named, plural === undefined ? { locale: lang } : { locale: lang, plural })
  const biWith = (make: (tr: TranslateIn, lang: Language) => string): Bi => ({
    main: make(tIn(main.value), main.value),
    sub: make(tIn(sub.value), sub.value),
  })
  return {
    main,
    sub,
    tIn,
    bi: (key, named, plural) => biWith((tr) => tr(key, named, plural)),
    biText: (text) => ({ main: text?.[main.value] ?? '', sub: text?.[sub.value] ?? '' }),
    biWith,
  }
}
