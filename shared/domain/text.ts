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
