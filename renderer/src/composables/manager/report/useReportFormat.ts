import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Language } from '../../../../../shared/domain/text'
import { reportFormat, type ReportFormat } from '../../../format/reportFormat'
import type { NameWords } from '../../../logic/report/reportNames'
import { languageOf } from '../../../format/localized'

/**
 * The report's formatter in the screen's language, for a branch offset that may change (a report
 * carries its own), and the words the names need.
 */
export function useReportFormat(utcOffsetMinutes: () => number): {
  readonly f: ComputedRef<ReportFormat>
  readonly nameWords: ComputedRef<NameWords>
  readonly language: ComputedRef<Language>
} {
  const { t, locale } = useI18n()
  const language = computed<Language>(() => languageOf(locale.value))
  const f = computed(() => reportFormat(t, language.value, utcOffsetMinutes()))
  const nameWords = computed<NameWords>(() => ({
    ordinary: t('report.ordinary'),
    counter: (n: number) => t('counterNo', { n }),
    noStaff: t('report.noStaff'),
  }))
  return { f, nameWords, language }
}
