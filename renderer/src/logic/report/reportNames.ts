import type { ReportLabels } from '../../../../shared/reports/dayReport'
import type { ReportFormat } from '../../format/reportFormat'

/** Words the names need that the report's labels do not carry. */
export interface NameWords {
  /** A ticket of no priority class. */
  readonly ordinary: string
  /** "3 号窗口" for a counter number. */
  counter(n: number): string
  /** A transaction with no signed-in teller. */
  readonly noStaff: string
}

/** Names of the report's services, counters, classes and tellers, in the screen's language. */
export interface ReportNames {
  service(id: string): string
  counter(id: string): string
  priorityClass(id: string | null): string
  staff(id: string | null): string
  /** Rows in the branch's own order: services and classes as configured, counters by number, tellers by id. */
  byService<T extends { readonly serviceId: string }>(rows: readonly T[]): T[]
  byCounter<T extends { readonly counterId: string }>(rows: readonly T[]): T[]
  byClass<T extends { readonly priorityClassId: string | null }>(rows: readonly T[]): T[]
  byStaff<T extends { readonly staffId: string | null }>(rows: readonly T[]): T[]
}

/**
 * Names from the report's own labels (`DayReport.labels`), so a report of a past day still names
 * a service the branch has since renamed the way it was named then; an id the labels do not
 * know is shown as it is.
 *
 * @example
 * const n = reportNames(report.labels, f, words)
 * n.service('personal') //=> '个人业务'
 * n.counter('c3') //=> '3 号窗口'
 * n.priorityClass(null) //=> '普通客户'
 * n.staff('t01') //=> '王芳 (t01)'
 * n.byCounter(report.transactions.byCounter).map((c) => c.counterId) //=> ['c1', 'c2', 'c3']
 */
export function reportNames(labels: ReportLabels | null, f: ReportFormat, words: NameWords): ReportNames {
  const services = new Map((labels?.services ?? []).map((s) => [s.id as string, f.text(s.name)]))
  const counters = new Map((labels?.counters ?? []).map((c) => [c.id as string, words.counter(c.number)]))
  const classes = new Map((labels?.priorityClasses ?? []).map((p) => [p.id as string, f.text(p.name)]))
  const staff = new Map((labels?.staff ?? []).map((s) => [s.id as string, s.name]))
  const rank = (order: readonly string[]) => {
    const at = new Map(order.map((id, i) => [id, i]))
    return (id: string | null): number => (id === null ? -1 : (at.get(id) ?? order.length))
  }
  const serviceRank = rank((labels?.services ?? []).map((s) => s.id))
  const classRank = rank((labels?.priorityClasses ?? []).map((p) => p.id))
  const counterNumber = new Map((labels?.counters ?? []).map((c) => [c.id as string, c.number]))
  const sorted = <T>(rows: readonly T[], compare: (a: T, b: T) => number): T[] => [...rows].sort(compare)
  return {
    byService: (rows) => sorted(rows, (a, b) => serviceRank(a.serviceId) - serviceRank(b.serviceId)),
    byCounter: (rows) =>
      sorted(
        rows,
        (a, b) =>
          (counterNumber.get(a.counterId) ?? Number.MAX_SAFE_INTEGER) -
          (counterNumber.get(b.counterId) ?? Number.MAX_SAFE_INTEGER),
      ),
    // Ordinary customers first, then the declared classes as configured.
    byClass: (rows) => sorted(rows, (a, b) => classRank(a.priorityClassId) - classRank(b.priorityClassId)),
    // Tellers by id; transactions with nobody signed in last.
    byStaff: (rows) => sorted(rows, (a, b) => (a.staffId ?? '\uffff').localeCompare(b.staffId ?? '\uffff')),
    service: (id) => services.get(id) ?? id,
    counter: (id) => counters.get(id) ?? id,
    priorityClass: (id) => (id === null ? words.ordinary : (classes.get(id) ?? id)),
    // "王芳 (t01)": the name people use, the id the rest of the bank's systems use.
    staff: (id) => {
      if (id === null) return words.noStaff
      const name = staff.get(id)
      return name === undefined ? id : `${name} (${id})`
    },
  }
}
