import type { Language, LocalizedText } from '../../../shared/domain/text'

/** The branch's own texts (service names, documents) in the screen's language. */
export function pick(text: LocalizedText | undefined, language: string): string {
  if (text === undefined) return ''
  return text[(language === 'en' ? 'en' : 'zh-CN') as Language]
}

/** Hour and minute in the branch's civil time. */
export function clockText(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(11, 16)
}
