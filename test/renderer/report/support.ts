import { createI18n } from 'vue-i18n'
import type { Language } from '../../../shared/domain/text'
import { buildDayReport, type DayReport } from '../../../shared/reports/dayReport'
import { common } from '../../../renderer/src/i18n/messages/common'
import { manager } from '../../../renderer/src/i18n/messages/manager'
import { report } from '../../../renderer/src/i18n/messages/report'
import { reportFormat, type ReportFormat } from '../../../renderer/src/format/reportFormat'
import { handDayEvents } from '../../shared/reports/support/handDay'
import { TEST_BRANCH } from '../../shared/support/testBranch'

/**
 * The screen's own words (the message modules the renderer merges), in a real vue-i18n, so the
 * formatting is tested with the words the manager reads.
 */
export function translator(language: Language) {
  const i18n = createI18n({
    legacy: false,
    locale: language,
    messages: {
      'zh-CN': { ...common['zh-CN'], ...manager['zh-CN'], ...report['zh-CN'] },
      en: { ...common.en, ...manager.en, ...report.en },
    },
    pluralRules: { 'zh-CN': () => 0 },
  })
  return (key: string, named?: Record<string, unknown>, plural?: number): string =>
    plural === undefined ? i18n.global.t(key, named ?? {}) : i18n.global.t(key, named ?? {}, plural)
}

export function formatIn(language: Language, offset = 480): ReportFormat {
  return reportFormat(translator(language), language, offset)
}

/** The hand-computed day of `shared/reports`' tests, as the hub's report of it. */
export function handReport(): DayReport {
  return buildDayReport({
    events: handDayEvents(),
    branch: TEST_BRANCH,
    utcOffsetMinutes: 480,
    feedback: [],
    asOf: null,
  })
}
