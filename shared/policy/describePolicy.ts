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
    /** "gains turn N× as fast as ordinary customers". */
    readonly rate: number
    /** "starts with N minutes credited". */
    readonly headStartMin: number
  }[]
  /** "nobody waits longer than N minutes before everyone who came later" (null: no cap). */
  readonly waitCapMin: number | null
  /** Calls before a missed ticket is released, and how long it may re-join, and behind whom. */
  readonly recallsBeforeNoShow: number
  readonly graceMin: number
  readonly rejoinBehind: number
}

/**
 * @example
 * describePolicy(DEMO_BRANCH).waitCapMin //=> 40
 */
export function describePolicy(branch: BranchConfig): PolicyDescription {
  const p = branch.policy
  return {
    fcfsWithinService: true,
    classes: branch.priorityClasses.map((c) => ({
      id: c.id,
      name: c.name,
      rate: c.rate,
      headStartMin: Math.round((c.headStartSec / 60) * 10) / 10,
    })),
    waitCapMin: p.waitCapSec === null ? null : Math.round(p.waitCapSec / 60),
    recallsBeforeNoShow: p.recallsBeforeNoShow,
    graceMin: Math.round(p.noShowGraceSec / 60),
    rejoinBehind: p.rejoinBehind,
  }
}
