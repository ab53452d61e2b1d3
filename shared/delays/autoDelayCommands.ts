import type { BranchConfig } from '../domain/branch'
import type { CommandOf } from '../queue/commands'
import type { Actor } from '../queue/eventSchema'
import type { QueueState } from '../queue/state'
import { detectDelays, type DetectContext } from './detectDelays'

/** Who announces and clears the automatic explanations, in the journal: the hub itself. */
export const AUTO_DELAY_ACTOR = { kind: 'system', reason: 'automatic delay explanation' } as const satisfies Actor

export type AutoDelayCommand = CommandOf<'announceDelay'> | CommandOf<'clearDelay'>

/**
 * The commands that bring the automatic explanations shown to the ones `detectDelays` wants now:
 * a `clearDelay` for each automatic one shown whose cause has passed, then an `announceDelay`
 * (source `automatic`) for each wanted one not shown yet; none when nothing changed or no day
 * is open. The one decision behind both the live hub (`hub/delays/autoDelays.ts`, after events
 * and on its timer) and the simulated days (`runScenario`'s `explainDelays`: the demo's month of
 * history), which run them in this order, as `AUTO_DELAY_ACTOR`.
 *
 * @example
 * autoDelayCommands(state, branch, now, { usual, model }).map((c) => c.type)
 * //=> ['clearDelay', 'announceDelay'] (a pause over; a transaction at counter 1 far over its standard)
 */
export function autoDelayCommands(
  state: QueueState,
  branch: BranchConfig,
  now: number,
  context: DetectContext = {},
): AutoDelayCommand[] {
  if (state.day === null) return []
  const wanted = detectDelays(state, branch, now, context)
  const active = Object.values(state.delays).filter((d) => d.source === 'automatic' && d.endedAt === null)
  const out: AutoDelayCommand[] = []
  for (const d of active) {
    if (!wanted.some((w) => w.delayId === d.id)) out.push({ type: 'clearDelay', delayId: d.id })
  }
  for (const w of wanted) {
    if (active.some((d) => d.id === w.delayId)) continue
    out.push({
      type: 'announceDelay',
      delayId: w.delayId,
      scope: w.scope,
      source: 'automatic',
      kind: w.kind,
      message: w.message,
    })
  }
  return out
}
