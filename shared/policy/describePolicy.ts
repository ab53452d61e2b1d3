import type { AppointmentPolicy } from '../appointments/booking'
import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId } from '../domain/ids'
import type { LocalizedText } from '../domain/text'

/**
 * The calling rules as facts a customer can read, generated from the configuration so the
 * words on the kiosk and the lobby display are always the rules the engine applies. The
 * renderer turns each into a sentence through i18n.
 */
export interface PolicyDescription {
  /** First come, first served within a service, always. */
  readonly fcfsWithinService: true
  readonly classes: readonly {
    readonly id: PriorityClassId
    readonly name: LocalizedText
    /** "each minute they wait counts as N minutes". */
    readonly rate: number
    /**
     * "counted as having already waited S seconds when they take their ticket": the engine's
     * priority is rate × (wait + head start), so the credit in an ordinary customer's time is
     * rate × head start, not the head start alone (issue 14). Whole seconds.
     */
    readonly creditSec: number
  }[]
  /**
   * Customers who booked ahead and checked in on time go first once their booked time comes,
   * called within `graceSec` of it (or of checking in, if later), before anyone else — those
   * past the wait cap included — the earliest booked time first (`policy/callOrder`,
   * `promiseDeadline`). Null when the branch takes no bookings.
   */
  readonly booked: { readonly graceSec: number } | null
  /**
   * "after S seconds nobody who came after you is called before you" — except a booked
   * customer within their grace, when `booked` is set (null: no cap).
   */
  readonly waitCapSec: number | null
  /** Calls before a missed ticket is released, and how long it may re-join, and behind whom. */
  readonly recallsBeforeNoShow: number
  readonly graceMin: number
  readonly rejoinBehind: number
}

/**
 * @example
 * describePolicy(DEMO_BRANCH).waitCapSec //=> 2400
 * describePolicy(DEMO_BRANCH).classes[0] //=> { id: 'vip', name: …, rate: 2, creditSec: 180 }
 * describePolicy(DEMO_BRANCH, { services: ['wealth'], callGraceMinutes: 10 }).booked //=> { graceSec: 600 }
 *
 * `appointments`: the branch's booking rules (the grace a check-in journals with its ticket),
 * null when it takes no bookings.
 */
export function describePolicy(
  branch: BranchConfig,
  appointments: Pick<AppointmentPolicy, 'services' | 'callGraceMinutes'> | null = null,
): PolicyDescription {
  const p = branch.policy
  return {
    booked:
      appointments === null || appointments.services.length === 0
        ? null
        : { graceSec: appointments.callGraceMinutes * 60 },
    fcfsWithinService: true,
    classes: branch.priorityClasses.map((c) => ({
      id: c.id,
      name: c.name,
      rate: c.rate,
      creditSec: Math.round(c.rate * c.headStartSec),
    })),
    waitCapSec: p.waitCapSec,
    recallsBeforeNoShow: p.recallsBeforeNoShow,
    graceMin: Math.round(p.noShowGraceSec / 60),
    rejoinBehind: p.rejoinBehind,
  }
}
