import { createI18n } from 'vue-i18n'
import type { Language } from '../../../shared/domain/text'
import { CATALOGUE } from '../../../shared/i18n/catalogue'
import { choiceIndex } from '../../../shared/i18n/format'
import { book } from './messages/book'
import { common } from './messages/common'
import { counter } from './messages/counter'
import { display } from './messages/display'
import { health } from './messages/health'
import { hq } from './messages/hq'
import { kiosk } from './messages/kiosk'
import { manager } from './messages/manager'
import { report } from './messages/report'
import { rules } from './messages/rules'
import { setup } from './messages/setup'
import { status } from './messages/status'

/**
 * Each screen keeps its words in its own module; they are merged per language here, after the
 * shared catalogue (`shared/i18n/catalogue.ts`: the words also printed, spoken, posted to the
 * lobby or written to the CSV, read here as `ticket.*`, `wait.*`, `people`, `call.*`, `delay.*`
 * and the report's `labels.*`). A word read on more than one surface lives only there. The
 * English messages must have exactly the keys of the Chinese ones (a type error otherwise).
 */
const zh = {
  ...CATALOGUE['zh-CN'],
  ...common['zh-CN'],
  ...kiosk['zh-CN'],
  ...rules['zh-CN'],
  ...counter['zh-CN'],
  ...display['zh-CN'],
  ...manager['zh-CN'],
  ...status['zh-CN'],
  ...setup['zh-CN'],
  ...report['zh-CN'],
  ...health['zh-CN'],
  ...hq['zh-CN'],
  ...book['zh-CN'],
}
const en: typeof zh = {
  ...CATALOGUE.en,
  ...common.en,
  ...kiosk.en,
  ...rules.en,
  ...counter.en,
  ...display.en,
  ...manager.en,
  ...status.en,
  ...setup.en,
  ...report.en,
  ...health.en,
  ...hq.en,
  ...book.en,
}

export const i18n = createI18n<[typeof zh], Language, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'en',
  messages: { 'zh-CN': zh, en },
  // Chinese has no plural forms, but a message can still change with a count ("排在队首" when
  // nobody is to be let ahead): the screens choose as the paper does (`choiceIndex`).
  pluralRules: { 'zh-CN': (count, choices) => choiceIndex(choices, count) },
})

export function setLanguage(lang: Language): void {
  i18n.global.locale.value = lang
  document.documentElement.lang = lang
}
