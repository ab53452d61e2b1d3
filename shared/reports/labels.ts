import type { LocalizedText } from '../domain/text'
import { messageOf, type CatalogueKey } from '../i18n/catalogue'
import type { TicketOutcome } from '../queue/ticket'
import type { KpiKey } from './kpis'

/**
 * The report's words in both languages, for what is written outside the screens (the CSV
 * export, HQ's comparison columns). Each is one message of the shared catalogue
 * (`shared/i18n/reportWords.ts`, under `labels.*`), the same message the manager's report
 * screens read through vue-i18n: this file keeps no words of its own.
 */

const label = (key: CatalogueKey): LocalizedText => ({ 'zh-CN': messageOf('zh-CN', key), en: messageOf('en', key) })

function table<K extends string>(keys: Readonly<Record<K, CatalogueKey>>): Readonly<Record<K, LocalizedText>> {
  return Object.fromEntries(Object.entries<CatalogueKey>(keys).map(([k, key]) => [k, label(key)])) as Record<
    K,
    LocalizedText
  >
}

/** The catalogue key of each KPI's name; a KPI counting an outcome is named by the outcome. */
export const KPI_LABEL_KEYS: Readonly<Record<KpiKey, CatalogueKey>> = {
  issued: 'labels.kpi.issued',
  served: 'labels.outcome.served',
  noShows: 'labels.kpi.noShows',
  cancelled: 'labels.outcome.cancelled',
  removedAtClose: 'labels.outcome.removedAtClose',
  dayEnded: 'labels.outcome.dayEnded',
  transferred: 'labels.kpi.transferred',
  waitMeanSec: 'labels.kpi.waitMeanSec',
  waitMedianSec: 'labels.kpi.waitMedianSec',
  waitP90Sec: 'labels.kpi.waitP90Sec',
  waitMaxSec: 'labels.kpi.waitMaxSec',
  waitWithinTargetShare: 'labels.kpi.waitWithinTargetShare',
  guaranteeKeptShare: 'labels.kpi.guaranteeKeptShare',
  responseWithinShare: 'labels.kpi.responseWithinShare',
  appointmentWithinShare: 'labels.kpi.appointmentWithinShare',
  transactionMeanSec: 'labels.kpi.transactionMeanSec',
  transactionWithinStandardShare: 'labels.kpi.transactionWithinStandardShare',
  estimateMeanErrorSec: 'labels.kpi.estimateMeanErrorSec',
  estimateRmseSec: 'labels.kpi.estimateRmseSec',
  estimateInsideRangeShare: 'labels.kpi.estimateInsideRangeShare',
  overtakes: 'labels.kpi.overtakes',
  fcfsExceptions: 'labels.kpi.fcfsExceptions',
  unexplainedOvertakes: 'labels.kpi.unexplainedOvertakes',
  maxOrdinaryOvertakenWaitSec: 'labels.kpi.maxOrdinaryOvertakenWaitSec',
  raqfm: 'labels.kpi.raqfm',
  ratings: 'labels.kpi.ratings',
  ratingMean: 'labels.kpi.ratingMean',
  counterHours: 'labels.kpi.counterHours',
  pausedHours: 'labels.kpi.pausedHours',
}

export const KPI_LABELS = table(KPI_LABEL_KEYS)

const keysOf = <K extends string>(group: string, keys: readonly K[]): Record<K, CatalogueKey> =>
  Object.fromEntries(keys.map((k) => [k, `labels.${group}.${k}`])) as Record<K, CatalogueKey>

export const OUTCOME_LABELS: Readonly<Record<TicketOutcome, LocalizedText>> = table(
  keysOf<TicketOutcome>('outcome', ['served', 'noShow', 'cancelled', 'removedAtClose', 'dayEnded']),
)

export const YES_NO: Readonly<Record<'yes' | 'no', LocalizedText>> = {
  yes: label('labels.yes'),
  no: label('labels.no'),
}
