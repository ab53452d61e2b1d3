import { EXPERT_COUNT } from './pointExperts'

/**
 * The combined mean's learning rate, adapted to the losses seen: AdaHedge (de Rooij, van Erven,
 * Grünwald & Koolen, "Follow the leader if you can, hedge if you must", JMLR 2014). The rate is
 * η = ln K ÷ Δ, Δ the mixability gap so far: on each charge, what the weights' average loss
 * (Hedge's loss) exceeds the mix loss −(1/η)·ln Σ wᵢ·e^(−η·ℓᵢ). The gap stays small while the
 * predictor in the lead is the one charged least — follow the leader — and grows when charges
 * go against the weights, softening the rate — hedge. A fixed rate was either too hard (late
 * switches to the last burst's winner) or too soft (slow to leave an over-promising model).
 *
 * How the mix's particulars carry over (`pointMix`):
 * - the gap fades with the losses (2 hours), so η stays the ratio of two sums over the same
 *   recent past — a quiet spell lets the rate harden again, as the losses it weighs fade too;
 * - it is kept where the losses are, per service and for the branch, and a service's rate reads
 *   its own gap plus 0.3 of the branch's, as its losses do;
 * - only settled charges (censored or at the call) add to it, each charge a round, measured with
 *   the weights in force when it is made; the provisional guesses of the optimistic hedge are
 *   replaced at the call, and so do not count twice;
 * - the model's head start is a handicap of the others in loss units (the eight units e^4 was
 *   worth at the old fixed rate 0.5), not in weight: a day's first estimates are the model's at
 *   any rate, and what moves the mean away is the same amount of evidence.
 */

/** ln K for the four predictors: the regret bound's ln K ÷ η balanced against Δ. */
const RATE_SCALE = Math.log(EXPERT_COUNT)

/**
 * Before any gap (and on a gap of nothing) the rate is that of follow the leader; a finite ceiling
 * keeps the arithmetic finite and the leader's tie-break the handicap's.
 */
const MAX_RATE = 1e3

/**
 * The learning rate for a mixability gap so far of `gap` (in the losses' units).
 *
 * @example
 * learningRate(0) //=> 1000 (follow the leader)
 * learningRate(Math.log(4) / 0.5) //=> 0.5
 */
export function learningRate(gap: number): number {
  return gap > RATE_SCALE / MAX_RATE ? RATE_SCALE / gap : MAX_RATE
}

/**
 * The mixability gap of one charge `loss` (per predictor, ≥ 0) under log-weights `logWeight`
 * (unnormalised) at rate `rate`: Hedge's loss less the mix loss, never negative. Computed in
 * logs: at a hard rate a predictor behind the leader has a weight that rounds to nothing, yet the
 * mix loss is the rise of the best record, which it may hold after this charge.
 *
 * @example
 * mixabilityGap([0, -1000], [4, 0], 1000) //=> about 3 (follow the leader: the leader charged 4, the other, one unit behind, nothing)
 * mixabilityGap([0, 0], [2, 2], 0.5) //=> 0 (a charge alike for all)
 */
export function mixabilityGap(logWeight: readonly number[], loss: readonly number[], rate: number): number {
  let top = Number.NEGATIVE_INFINITY
  for (const l of logWeight) top = Math.max(top, l)
  if (!Number.isFinite(top)) return 0
  let before = 0
  let hedge = 0
  let afterTop = Number.NEGATIVE_INFINITY
  for (let i = 0; i < logWeight.length; i++) {
    const w = Math.exp((logWeight[i] as number) - top)
    before += w
    hedge += w * (loss[i] ?? 0)
    afterTop = Math.max(afterTop, (logWeight[i] as number) - rate * (loss[i] ?? 0))
  }
  let after = 0
  for (let i = 0; i < logWeight.length; i++) {
    after += Math.exp((logWeight[i] as number) - rate * (loss[i] ?? 0) - afterTop)
  }
  // mix loss: −(1/η)·ln(Σ wᵢ·e^(−η·ℓᵢ) ÷ Σ wᵢ), the logs' maxima taken out
  const mixLoss = (top + Math.log(before) - afterTop - Math.log(after)) / rate
  return Math.max(0, hedge / before - mixLoss)
}
