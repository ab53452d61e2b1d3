/** The languages every customer-facing text is written in. */
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** A text the branch writes once per language (service names, documents, notices). */
export interface LocalizedText {
  readonly 'zh-CN': string
  readonly en: string
}

/** Picks the text for a language. */
export function localize(text: LocalizedText, language: Language): string {
  return text[language]
}

/**
 * Whether a person's text says nothing: empty or white space only (ideographic spaces too). The
 * hub refuses such a text and the screens' forms refuse it before sending, by this one rule.
 *
 * @example
 * isBlank(' \u3000 ') //=> true
 * isBlank(' 请稍候 ') //=> false
 */
export function isBlank(text: string): boolean {
  return text.trim() === ''
}

/**
 * The languages a localized text leaves blank, in `LANGUAGES` order: a lobby screen in that
 * language would show nothing (`localize` has no fallback, on purpose: each language is written).
 *
 * @example
 * blankLanguages({ 'zh-CN': '系统维护', en: ' ' }) //=> ['en']
 */
export function blankLanguages(text: LocalizedText): Language[] {
  return LANGUAGES.filter((l) => isBlank(text[l]))
}
