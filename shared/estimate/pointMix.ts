import type { WaitEstimate } from '../queue/ticket'
import { EXPERT_COUNT } from './pointExperts'

/**
 * The estimate's mean, combined online from several point predictors — the model's projection,
 * the naive formula, head of the line, last to enter service (`pointExperts`) and the projection
 * of who is already there (`presentProjection`) — with weights
 * learned from the waits that happened: the exponentially weighted average forecaster
 * (Cesa-Bianchi & Lugosi, "Prediction, Learning, and Games", 2006, ch. 2–3). Each predictor's
 * weight is e^(−κ·its squared error so far), so the mix is never much worse than the best of
 * them in hindsight, whatever the day: when the model is wrong (a service it thinks starved, a
 * standard far from the truth) the queue's own history takes over, and when it is right it keeps
 * the weight. The mean is what the manager's report judges the estimate by; the range customers
 * see stays the model's (`withMean`). Details:
 *
 * - errors are scaled by the recent mean squared wait, so a 10-minute miss counts the same on a
 *   quiet morning and a busy noon, and they fade with a 2-hour time constant (the best predictor
 *   of the morning need not be the best of the afternoon);
 * - each service learns its own weights, borrowing 0.3 of the branch's errors (a rare service
 *   leans on the branch's experience);
 * - the model starts ahead (the others start with a handicap of e^−4), so a day's first
 *   estimates are the model's;
 * - errors are charged as soon as they are known: a ticket still waiting past a predictor's value
 *   has already cost it (wait so far − value)², before it is called (censored feedback), so a
 *   growing queue shows up within the wait, not one wait later;
 * - an over-promise is certain only at the call, a whole wait later; so each ticket still awaited
 *   is also charged provisionally, from its own progress through the queue (`provisional`): the
 *   weights are those of optimistic hedge (Rakhlin & Sridharan, "Online learning with predictable
 *   sequences", COLT 2013), settled errors plus a guess of the errors to come, and the guess is
 *   replaced by the true charge at the call;
 * - a predictor with nothing to say for a ticket (no one else waiting, nobody called yet) sits
 *   that ticket out: it is charged the mix's own error, which leaves its weight where it was.
 */
export interface PointMix {
  /** Faded, scaled squared errors per predictor: '*' for the branch, else per service. */
  readonly losses: Readonly<Record<string, readonly number[]>>
  /** Faded sum and weight of squared waits: the scale errors are measured in. */
  readonly scaleSum: number
  readonly scaleWeight: number
  /** When the fading was last applied (epoch ms). */
  readonly at: number | null
  /** Per service, the wait of the last ticket called (seconds): last to enter service. */
  readonly lastWaitSec: Readonly<Record<string, number>>
  /**
   * What the weights are computed from: `losses` plus the provisional charges of the tickets still
   * awaited (the same object as `losses` when there are none).
   */
  readonly judged: Readonly<Record<string, readonly number[]>>
}

export const NO_POINT_MIX: PointMix = {
  losses: {},
  scaleSum: 0,
  scaleWeight: 0,
  at: null,
  lastWaitSec: {},
  judged: {},
}

/**
 * A ticket whose first call is awaited: what each predictor said at issue, and what it has been
 * charged so far. Every issued ticket is awaited (its call is the service's last wait, for `les`);
 * those told "now" teach the mix nothing (`said` null).
 */
export interface PendingPoint {
  readonly serviceId: string
  /** Epoch ms. */
  readonly issuedAt: number
  /** At issue, per predictor (a predictor sitting out: the mix's value); null: nothing to learn. */
  readonly said: readonly number[] | null
  /** Squared error charged so far per predictor (the caller's bookkeeping, updated in place). */
  readonly charged: number[]
  /**
   * The ticket's line now: its service and priority class (`lineOf`); it follows a confirmed
   * claim, a priority change or a transfer while waiting (`moveLine`).
   */
  line: string
  lineService: string
  lineClass: string | null
  /**
   * Tickets of its line issued before it and called since its issue — its progress; null once it
   * changed line after its old one had moved for it, or was sent to one counter (`moveLine`): it
   * sits out the guesses.
   */
  moved: number | null
}

/**
 * The awaited ticket `id` now waits in another line: a claim confirmed or its class changed
 * (`priorityClassId`), or transferred while waiting (`serviceId`). It keeps its place by issue,
 * so for the new line's later tickets it is one more ahead, and one fewer for the old line's.
 * Its own progress so far belongs to the old line, so it then sits out the guesses — unless its
 * old line had not moved for it yet (a card reader confirms a claim seconds after issue): it is
 * then guessed by its new line's calls from now on. Sent to one counter (`toCounter`), it no
 * longer waits in any line's order: it sits out the guesses.
 */
export function moveLine(
  pending: ReadonlyMap<string, PendingPoint>,
  id: string,
  to: { readonly serviceId?: string; readonly priorityClassId?: string | null; readonly toCounter?: boolean },
): void {
  const p = pending.get(id)
  if (p === undefined) return
  if (to.toCounter === true) p.moved = null
  const service = to.serviceId ?? p.lineService
  const cls = to.priorityClassId === undefined ? p.lineClass : to.priorityClassId
  const line = lineOf(service, cls)
  if (line === p.line) return
  p.line = line
  p.lineService = service
  p.lineClass = cls
  if (p.moved !== 0) p.moved = null
}

/**
 * The line a ticket waits in for its own progress: its service and priority class. A priority
 * class that overtakes it is another line; within a line only the calls of tickets issued before
 * it count as its progress (an appointment or an out-of-turn call of a later one does not).
 *
 * @example
 * lineOf('personal', null) //=> 'personal'
 * lineOf('personal', 'vip') //=> 'personal vip'
 */
export function lineOf(serviceId: string, priorityClassId: string | null): string {
  return priorityClassId === null ? serviceId : `${serviceId} ${priorityClassId}`
}

const LEARNING_RATE = 0.5
const HEAD_START = 4
const BRANCH_SHARE = 0.3
const LOSS_TAU_SEC = 2 * 3600
const SCALE_TAU_SEC = 3600
const MIN_SCALE_SEC = 60

/**
 * A predictor's figure counts: it has one, and it is a number (NaN or Infinity would poison every
 * later mix).
 */
function counts(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v)
}

/**
 * The combined mean for a ticket of `serviceId` whose predictors say `values` (the model's
 * first; null: no opinion), and the values to remember for learning (nulls replaced by the mean).
 *
 * @example
 * mixPoint(NO_POINT_MIX, 'personal', [300, 240, null, 420]).mean //=> about 300 (the model's head start)
 */
export function mixPoint(
  mix: PointMix,
  serviceId: string,
  values: readonly (number | null)[],
): { mean: number; said: number[] } {
  const own = mix.judged[serviceId]
  const branch = mix.judged['*']
  // Runs for every estimate shown: plain loops, and the log-weights computed twice rather than
  // kept in an array (the same numbers in the same order).
  const logWeight = (i: number): number =>
    -LEARNING_RATE * ((own?.[i] ?? 0) + BRANCH_SHARE * (branch?.[i] ?? 0)) - (i === 0 ? 0 : HEAD_START)
  let top = Number.NEGATIVE_INFINITY
  for (let i = 0; i < values.length; i++) if (counts(values[i])) top = Math.max(top, logWeight(i))
  let sum = 0
  let weighted = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!counts(v)) continue
    const w = Math.exp(logWeight(i) - top)
    sum += w
    weighted += w * v
  }
  const mean = sum > 0 ? weighted / sum : 0
  const said = new Array<number>(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    said[i] = counts(v) ? v : mean
  }
  return { mean, said }
}

/**
 * An estimate with the combined mean: the range stays the model's (the calibration keeps it
 * honest), stretched to hold the mean where they disagree. Moving the whole range with the mean
 * was tried: where the mix leans on short delay-history figures it shrank the range of a rare,
 * long-waiting service along with it, and on the recorded day its coverage fell from 0.78 to 0.68.
 * "Now" stays "now".
 */
export function withMean(estimate: WaitEstimate, mean: number): WaitEstimate {
  if (estimate.p90 <= 0 || !(mean >= 0)) return estimate
  return { ...estimate, mean, p10: Math.min(estimate.p10, mean), p90: Math.max(estimate.p90, mean) }
}

/**
 * What is known at `now`: the ticket just called for the first time (`calledId`) is charged its
 * full squared error, every other awaited ticket the part already certain (it has waited longer
 * than some predictors said). Called tickets leave `pending`.
 *
 * @example
 * mix = feedPointMix(mix, pending, event.type === 'ticketCalled' ? event.ticketId : null, event.at)
 */
export function feedPointMix(
  mix: PointMix,
  pending: Map<string, PendingPoint>,
  calledId: string | null,
  now: number,
): PointMix {
  const fade = mix.at === null ? 1 : Math.exp(-Math.max(0, now - mix.at) / 1000 / LOSS_TAU_SEC)
  const fadeScale = mix.at === null ? 1 : Math.exp(-Math.max(0, now - mix.at) / 1000 / SCALE_TAU_SEC)
  const losses: Record<string, number[]> = {}
  for (const [k, v] of Object.entries(mix.losses)) losses[k] = v.map((x) => x * fade)
  let scaleSum = mix.scaleSum * fadeScale
  let scaleWeight = mix.scaleWeight * fadeScale
  const called = calledId === null ? undefined : pending.get(calledId)
  let lastWaitSec = mix.lastWaitSec
  if (called !== undefined) {
    const y = (now - called.issuedAt) / 1000
    lastWaitSec = { ...lastWaitSec, [called.serviceId]: y }
    if (called.said !== null) {
      scaleSum += y * y
      scaleWeight += 1
    }
  }
  const scale = Math.max(MIN_SCALE_SEC * MIN_SCALE_SEC, scaleWeight > 0 ? scaleSum / scaleWeight : 0)
  const charge = (p: PendingPoint, y: number, final: boolean): void => {
    if (p.said === null) return
    const own = (losses[p.serviceId] ??= new Array<number>(EXPERT_COUNT).fill(0))
    const branch = (losses['*'] ??= new Array<number>(EXPERT_COUNT).fill(0))
    p.said.forEach((v, i) => {
      const known = final ? (v - y) ** 2 : Math.max(0, y - v) ** 2
      const more = known - (p.charged[i] ?? 0)
      if (!(more > 0)) return
      p.charged[i] = known
      own[i] = (own[i] ?? 0) + more / scale
      branch[i] = (branch[i] ?? 0) + more / scale
    })
  }
  for (const [id, p] of pending) {
    if (id === calledId) continue
    charge(p, (now - p.issuedAt) / 1000, false)
  }
  if (called !== undefined && calledId !== null) {
    charge(called, (now - called.issuedAt) / 1000, true)
    // the later tickets of its line move on (`pending` iterates in issue order)
    let later = false
    for (const [id, p] of pending) {
      if (id === calledId) later = true
      else if (later && p.line === called.line && p.moved !== null) p.moved++
    }
    pending.delete(calledId)
  }
  const judged = provisional(losses, pending, now, scale)
  return { losses, scaleSum, scaleWeight, at: now, lastWaitSec, judged }
}

/**
 * The settled losses plus, for each ticket still awaited, a provisional charge: the squared error
 * each predictor would have if the ticket were called when its own progress says, less what it
 * has been charged already. A ticket of whose line k tickets issued before it have been called
 * since its issue (k ≥ 1), with r still awaited, had a = k + r people ahead (those who cancelled or
 * changed line since no longer count); after waiting w it is expected at w·(a + 1)/k — its line's pace, no
 * predictor's figure, so the model is not judged by itself — and the charge is weighted by the
 * square of that progress, (k/(a + 1))²: a guess after one call of ten counts a hundredth, halfway
 * a quarter. The first calls after a ticket's issue are often the quickest (free counters take the
 * head of the line before their own services' customers pull them away, or a priority class
 * overtakes later), which the model may know and the pace cannot: weighted by the progress alone,
 * such early guesses turned the mix from a right model on rush days (random days 2012 and 2027).
 * At the call the guess gives way to the true error. Until a ticket's line has moved, or once it
 * changed line, it adds nothing. `pending` iterates in issue order (as the learner fills it).
 *
 * @example
 * // waited 300 s, 2 of 9 ahead called: expected at 1,500 s; a predictor that said 3,000 s is charged
 * // (2/10)² · 1,500² ÷ scale
 */
function provisional(
  losses: Record<string, number[]>,
  pending: ReadonlyMap<string, PendingPoint>,
  now: number,
  scale: number,
): Record<string, number[]> {
  let judged: Record<string, number[]> | null = null
  // per line, the awaited tickets met so far: those ahead of the next one
  const awaited = new Map<string, number>()
  for (const p of pending.values()) {
    const remaining = awaited.get(p.line) ?? 0
    awaited.set(p.line, remaining + 1)
    const k = p.moved
    if (p.said === null || k === null || k < 1) continue
    const ahead = k + remaining
    const waited = Math.max(0, (now - p.issuedAt) / 1000)
    const expected = (waited * (ahead + 1)) / k
    const progress = k / (ahead + 1)
    const weight = (progress * progress) / scale
    if (judged === null) {
      judged = {}
      for (const [key, v] of Object.entries(losses)) judged[key] = v.slice()
    }
    const own = (judged[p.serviceId] ??= new Array<number>(EXPERT_COUNT).fill(0))
    const branch = (judged['*'] ??= new Array<number>(EXPERT_COUNT).fill(0))
    for (let i = 0; i < p.said.length; i++) {
      const more = ((p.said[i] as number) - expected) ** 2 - (p.charged[i] ?? 0)
      if (!(more > 0)) continue
      own[i] = (own[i] ?? 0) + weight * more
      branch[i] = (branch[i] ?? 0) + weight * more
    }
  }
  return judged ?? losses
}
