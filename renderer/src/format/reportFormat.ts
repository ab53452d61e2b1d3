import type { Language, LocalizedText } from '../../../shared/domain/text'
import type { KpiKey } from '../../../shared/reports/kpis'
import { KPI_LABELS } from '../../../shared/reports/labels'
import { localClock, localDateTime } from '../../../shared/domain/localTime'
import { durationText } from './durationText'

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * How the report writes its figures, made once per language and branch offset: durations in
 * words, shares as whole percentages, counts grouped, local clock times, and a dash wherever
 * nothing was measured (a share of nothing is not 0 %).
 */
export interface ReportFormat {
  readonly language: Language
  readonly none: string
  duration(sec: number | null): string
  /** A duration that can be negative (an estimate's mean error): "+1 分钟", "−45 秒". */
  signedDuration(sec: number | null): string
  share(share: number | null): string
  /** A change of a share in percentage points: "+3.5 pp". */
  sharePoints(change: number | null): string
  count(n: number | null): string
  /** Counter-hours: "12.5 小时". */
  hours(h: number | null): string
  decimal(x: number | null, digits: number): string
  clock(epochMs: number | null): string
  dateTime(epochMs: number | null): string
  text(text: LocalizedText | undefined): string
}

/**
 * The report's formatter for a language and the branch's UTC offset.
 *
 * @example
 * const f = reportFormat(t, 'en', 480)
 * f.duration(252) //=> '4 min 12 s'
 * f.share(0.834) //=> '83%'
 * f.count(12000) //=> '12,000'
 */
export function reportFormat(t: Translate, language: Language, utcOffsetMinutes: number): ReportFormat {
  const none = t('manager.none')
  const grouped = new Intl.NumberFormat(language)
  const fixed = (digits: number) =>
    new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '')
  return {
    language,
    none,
    duration: (sec) => (sec === null ? none : durationText(t, sec)),
    signedDuration: (sec) => (sec === null ? none : `${sign(Math.round(sec))}${durationText(t, Math.abs(sec))}`),
    share: (share) => (share === null ? none : t('manager.percent', { n: Math.round(share * 100) })),
    sharePoints: (change) =>
      change === null
        ? none
        : t('report.units.points', { n: `${sign(change)}${fixed(1).format(Math.abs(change * 100))}` }),
    count: (n) => (n === null ? none : grouped.format(n)),
    hours: (h) => (h === null ? none : t('report.units.hours', { n: fixed(1).format(h) })),
    decimal: (x, digits) => (x === null ? none : fixed(digits).format(x)),
    clock: (ms) => (ms === null ? none : localClock(ms, utcOffsetMinutes).slice(0, 5)),
    dateTime: (ms) => (ms === null ? none : localDateTime(ms, utcOffsetMinutes).slice(0, 16)),
    text: (text) => (text === undefined ? none : text[language]),
  }
}

/** What a KPI measures, which decides how it is written. */
export type KpiUnit = 'count' | 'seconds' | 'signedSeconds' | 'share' | 'hours' | 'rating' | 'index'

/**
 * The unit of a KPI, read from its name (`…Sec`, `…Share`, `…Hours`) with the few exceptions.
 *
 * @example
 * kpiUnit('waitP90Sec') //=> 'seconds'
 * kpiUnit('estimateMeanErrorSec') //=> 'signedSeconds'
 */
export function kpiUnit(key: KpiKey): KpiUnit {
  if (key === 'estimateMeanErrorSec') return 'signedSeconds'
  if (key === 'ratingMean') return 'rating'
  if (key === 'raqfm') return 'index'
  if (key.endsWith('Sec')) return 'seconds'
  if (key.endsWith('Share')) return 'share'
  if (key.endsWith('Hours')) return 'hours'
  return 'count'
}

/**
 * A KPI's value as the report writes it.
 *
 * @example
 * kpiText(f, 'waitMeanSec', 252) //=> '4 min 12 s'
 * kpiText(f, 'raqfm', 0.614) //=> '0.61'
 */
export function kpiText(f: ReportFormat, key: KpiKey, value: number | null): string {
  switch (kpiUnit(key)) {
    case 'seconds':
      return f.duration(value)
    case 'signedSeconds':
      return f.signedDuration(value)
    case 'share':
      return f.share(value)
    case 'hours':
      return f.hours(value)
    case 'rating':
      return f.decimal(value, 1)
    case 'index':
      return f.decimal(value, 2)
    case 'count':
      return f.count(value)
  }
}

/**
 * A change of a KPI (this week − last week) as the report writes it, always signed.
 *
 * @example
 * kpiChangeText(f, 'waitMeanSec', -43) //=> '−43 s'
 * kpiChangeText(f, 'waitWithinTargetShare', 0.035) //=> '+3.5 pp'
 */
export function kpiChangeText(f: ReportFormat, key: KpiKey, change: number | null): string {
  if (change === null) return f.none
  const sign = change > 0 ? '+' : change < 0 ? '−' : ''
  switch (kpiUnit(key)) {
    case 'seconds':
    case 'signedSeconds':
      return f.signedDuration(change)
    case 'share':
      return f.sharePoints(change)
    case 'hours':
      return `${sign}${f.hours(Math.abs(change))}`
    case 'rating':
      return `${sign}${f.decimal(Math.abs(change), 1)}`
    case 'index':
      return `${sign}${f.decimal(Math.abs(change), 2)}`
    case 'count':
      return `${sign}${f.count(Math.abs(change))}`
  }
}

/**
 * A KPI's name from the report's shared label table (`shared/reports/labels.ts`, the CSV's
 * headers), without the unit the CSV needs in brackets, since the screen writes units with the
 * values.
 *
 * @example
 * kpiName('waitMeanSec', 'zh-CN') //=> '平均等候'
 * kpiName('waitWithinTargetShare', 'en') //=> 'Called within target'
 */
export function kpiName(key: KpiKey, language: Language): string {
  return KPI_LABELS[key][language].replace(/\s*\((?:秒|小时|%|s)\)$/u, '')
}
