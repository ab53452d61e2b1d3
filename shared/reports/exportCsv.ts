import type { Language } from '../domain/text'
import { toCsv, type CsvCell } from './csv'
import type { DayReport } from './dayReport'
import { KPI_KEYS, type Kpis } from './kpis'
import { KPI_LABELS, OUTCOME_LABELS, YES_NO } from './labels'
import { localDateTime } from '../domain/localTime'
import { TICKET_COLUMNS, type TicketColumn } from './ticketCsvColumns'

const round1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10)
const pct = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 10)

/**
 * A KPI's value as a spreadsheet wants it: shares as percentages with one decimal, durations in
 * seconds with one decimal, RAQFM with three.
 *
 * @example
 * kpiCell('waitWithinTargetShare', 0.8234) //=> 82.3
 */
export function kpiCell(key: string, value: number | null): number | null {
  if (value === null) return null
  if (key.endsWith('Share')) return pct(value)
  if (key === 'raqfm') return Math.round(value * 1000) / 1000
  return round1(value)
}

/**
 * The per-ticket CSV of a day report: one row per ticket, local times, headers in `language`.
 *
 * @example
 * ticketsCsv(report, 'zh-CN').split('\r\n')[0] //=> '\uFEFF号码,业务,实际办理业务,…'
 */
export function ticketsCsv(report: DayReport, language: Language): string {
  const off = report.utcOffsetMinutes
  const at = (ms: number | null): string | null => (ms === null ? null : localDateTime(ms, off))
  const yes = (b: boolean | null): string | null => (b === null ? null : YES_NO[b ? 'yes' : 'no'][language])
  const service = new Map(report.labels.services.map((s) => [s.id as string, s.name[language]]))
  const cls = new Map(report.labels.priorityClasses.map((p) => [p.id as string, p.name[language]]))
  const counter = new Map(report.labels.counters.map((c) => [c.id as string, c.number]))
  const columns = Object.keys(TICKET_COLUMNS) as TicketColumn[]
  const rows = report.tickets.map((r) => {
    const cell: Record<TicketColumn, CsvCell> = {
      number: r.number,
      service: service.get(r.serviceId) ?? r.serviceId,
      finalService: service.get(r.finalServiceId) ?? r.finalServiceId,
      priorityClass: r.priorityClassId === null ? null : (cls.get(r.priorityClassId) ?? r.priorityClassId),
      issuedAt: at(r.issuedAt),
      calledAt: at(r.calledAt),
      startedAt: at(r.startedAt),
      endedAt: at(r.endedAt),
      outcome: r.outcome === null ? null : OUTCOME_LABELS[r.outcome][language],
      waitSec: round1(r.waitSec),
      targetWaitSec: r.targetWaitSec,
      withinTarget: yes(r.withinTarget),
      responseSec: round1(r.responseSec),
      serviceSec: round1(r.serviceSec),
      withinStandard: yes(r.withinStandard),
      appointmentSec: round1(r.appointmentSec),
      guaranteeKept: yes(r.guaranteeKept),
      estimateSec: round1(r.estimate?.mean ?? null),
      estimateRange: r.estimate === null ? null : `${Math.round(r.estimate.p10)}–${Math.round(r.estimate.p90)}`,
      estimateErrorSec: round1(r.estimateErrorSec),
      counters: r.counterIds.map((c) => counter.get(c) ?? c).join(' '),
      staff: r.staffIds.join(' '),
      transfers: r.transfers,
      recalls: r.recalls,
      overtaken: r.overtaken,
      rating: r.rating,
    }
    return columns.map((c) => cell[c])
  })
  return toCsv([columns.map((c) => TICKET_COLUMNS[c][language]), ...rows])
}

/**
 * The per-KPI CSV: one row per KPI (name, value) for a day or a range.
 *
 * @example
 * kpisCsv(report.kpis, 'en').split('\r\n')[1] //=> 'Tickets issued,812'
 */
export function kpisCsv(kpis: Kpis, language: Language): string {
  const header = language === 'zh-CN' ? ['指标', '数值'] : ['KPI', 'Value']
  return toCsv([header, ...KPI_KEYS.map(({ key }) => [KPI_LABELS[key][language], kpiCell(key, kpis[key])])])
}

/**
 * The trend CSV: one row per day (or week), one column per KPI.
 *
 * @example
 * trendCsv(range.daily.map((d) => ({ label: d.date, kpis: d.kpis })), 'zh-CN')
 */
export function trendCsv(rows: readonly { readonly label: string; readonly kpis: Kpis }[], language: Language): string {
  const header = [language === 'zh-CN' ? '日期' : 'Date', ...KPI_KEYS.map(({ key }) => KPI_LABELS[key][language])]
  return toCsv([header, ...rows.map((r) => [r.label, ...KPI_KEYS.map(({ key }) => kpiCell(key, r.kpis[key]))])])
}
