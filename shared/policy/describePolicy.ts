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
  /** "after S seconds nobody who came after you is called before you" (null: no cap). */
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
 */
export function describePolicy(branch: BranchConfig): PolicyDescription {
  const p = branch.policy
  return {
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
