import type { Language, LocalizedText } from '../../../shared/domain/text'

/** The screen's language from vue-i18n's locale (Chinese unless English). */
export function languageOf(locale: string): Language {
  return locale === 'en' ? 'en' : 'zh-CN'
}

/** The branch's own texts (service names, documents) in the screen's language. */
export function pick(text: LocalizedText | undefined, language: string): string {
  if (text === undefined) return ''
  return text[languageOf(language)]
}

/** Hour and minute in the branch's civil time. */
export function clockText(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(11, 16)
}
