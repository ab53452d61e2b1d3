import { describe, expect, it } from 'vitest'
import {
  afterClosedHours,
  calibrateEstimate,
  NO_CALIBRATION,
  observeWait,
  stretch,
  TODAY_CELL,
} from '../../../shared/estimate/calibration'
import { coverageBreakdown } from '../../../shared/estimate/coverageBreakdown'
import { scorePredictions } from '../../../shared/estimate/evaluatePredictions'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { predictionRows } from '../../../shared/sim/predictionRows'
import { mixSeed, sampleLognormal, seededRng } from '../../../shared/sim/random'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { runDays } from '../../../shared/sim/runScenario'

describe('calibration', () => {
  it('brings a range that is far too narrow to 10 % misses at each end', () => {
    const rng = seededRng(mixSeed(5))
    const model = { mean: 300, p10: 280, p50: 300, p90: 320 } // the truth: lognormal, mean 300, cv 0.8
    let c = NO_CALIBRATION
    let above = 0
    let below = 0
    const n = 4000
    for (let i = 0; i < n; i++) {
      const shown = calibrateEstimate(c, 'a', 10, model, 0)
      const actual = sampleLognormal(rng, 300, 0.8)
      if (i >= n / 2) {
        if (actual > shown.p90) above++
        if (actual < shown.p10) below++
      }
      c = observeWait(c, 'a', 10, shown, actual, 0)
    }
    expect(above / (n / 2)).toBeGreaterThan(0.07)
    expect(above / (n / 2)).toBeLessThan(0.13)
    expect(below / (n / 2)).toBeGreaterThan(0.07)
    expect(below / (n / 2)).toBeLessThan(0.13)
  })

  it('narrows a long, regular queue’s range in proportion, never onto the median', () => {
    // An hour's wait known to about ±2 %, and two hundred waits in a row inside it.
    const model = { mean: 5500, p10: 5400, p50: 5500, p90: 5600 }
    let c = NO_CALIBRATION
    for (let i = 0; i < 200; i++) c = observeWait(c, 'a', 14, calibrateEstimate(c, 'a', 14, model, 0), 5500, 0)
    const shown = calibrateEstimate(c, 'a', 14, model, 0)
    expect(shown.p90).toBeLessThan(5600)
    expect(shown.p10).toBeGreaterThan(5400)
    // still a range: each end at least a twentieth of the model's distance from the median (five
    // parts narrowing together, today's among them, after two hundred waits inside)
    expect(shown.p90 - shown.p50).toBeGreaterThan(5)
    expect(shown.p50 - shown.p10).toBeGreaterThan(5)
  })

  it('corrects a narrow and a wide range alike, in proportion to their spread', () => {
    let c = NO_CALIBRATION
    for (let i = 0; i < 5; i++) c = observeWait(c, 'a', 9, { mean: 100, p10: 80, p50: 100, p90: 120 }, 500, 0)
    const narrow = calibrateEstimate(c, 'a', 9, { mean: 1000, p10: 900, p50: 1000, p90: 1100 }, 0)
    const wide = calibrateEstimate(c, 'a', 9, { mean: 1000, p10: 300, p50: 1000, p90: 3000 }, 0)
    const factor = (e: { p50: number; p90: number }, p90: number): number =>
      Math.log(e.p90 / e.p50) / Math.log(p90 / e.p50)
    expect(factor(narrow, 1100)).toBeGreaterThan(1.1)
    expect(factor(narrow, 1100)).toBeCloseTo(factor(wide, 3000), 9)
  })

  it('corrects short and long waits of one service apart (the length part)', () => {
    // One service, one hour: its one-minute waits are ranged right by the model, its forty-minute
    // waits far too narrowly. The service's and the hour's parts see both alike; only a part for
    // the wait's length can widen the long ones without widening the short ones.
    const z = 1.2816
    const lognormalRange = (mean: number, cv: number): { mean: number; p10: number; p50: number; p90: number } => {
      const s = Math.sqrt(Math.log(1 + cv * cv))
      const mu = Math.log(mean) - (s * s) / 2
      return { mean, p10: Math.exp(mu - z * s), p50: Math.exp(mu), p90: Math.exp(mu + z * s) }
    }
    const rng = seededRng(mixSeed(11))
    const short = { model: lognormalRange(60, 0.5), mean: 60, cv: 0.5 }
    const long = { model: lognormalRange(2400, 0.25), mean: 2400, cv: 0.8 }
    let c = NO_CALIBRATION
    const inside = { short: 0, long: 0 }
    const n = 6000
    for (let i = 0; i < n; i++) {
      const kind = i % 2 === 0 ? 'short' : 'long'
      const w = kind === 'short' ? short : long
      const at = i * 1000 // a wait a second: the fading plays no part here
      const shown = calibrateEstimate(c, 'a', 10, w.model, at)
      const actual = sampleLognormal(rng, w.mean, w.cv)
      if (i >= n / 2 && actual >= shown.p10 && actual <= shown.p90) inside[kind]++
      c = observeWait(c, 'a', 10, shown, actual, at)
    }
    expect(inside.short / (n / 4)).toBeGreaterThan(0.74)
    expect(inside.short / (n / 4)).toBeLessThan(0.86)
    expect(inside.long / (n / 4)).toBeGreaterThan(0.74)
    expect(inside.long / (n / 4)).toBeLessThan(0.86)
  })

  it('reads a range by the same length band its wait was taught by: the median, in doublings of a minute', () => {
    // p10, p50, the mean and p90 each in a band of its own: any other end read would show it
    const taught = { mean: 600, p10: 50, p50: 150, p90: 1000 }
    let c = NO_CALIBRATION
    for (let i = 0; i < 20; i++) c = observeWait(c, 'a', 10, taught, 5000, 0)
    // another service at another hour reads the branch's part, today's and the length's only
    const widening = (e: typeof taught): number => {
      const shown = calibrateEstimate(c, 'b', 15, e, 0)
      return Math.log(Math.log(shown.p90 / e.p50) / Math.log(e.p90 / e.p50))
    }
    const branchOnly = widening({ ...taught, p50: 300 })
    expect(branchOnly).toBeCloseTo(20 * (0.01 + 0.02) * 0.9, 9)
    expect(widening(taught) - branchOnly).toBeCloseTo(20 * 0.04 * 0.9, 9)
  })

  it('draws the length bands at 2, 4, … 64 minutes, and puts a median of no length in the first', () => {
    const bandOf = (median: number, probes: readonly number[]): boolean[] => {
      const e = { mean: median, p10: median / 2, p50: median, p90: median * 2 }
      const c = observeWait(NO_CALIBRATION, 'a', 10, e, 1e7, 0)
      // read by another service and hour: the branch's and today's parts (0.009 + 0.018) and, in
      // the same band, the length's (0.036)
      return probes.map((m) => {
        const shown = calibrateEstimate(c, 'b', 15, { mean: m, p10: m / 2, p50: m, p90: m * 2 }, 0)
        return Math.log(Math.log(shown.p90 / m) / Math.log(2)) > 0.04
      })
    }
    expect(bandOf(119, [1, 119, 120])).toEqual([true, true, false])
    expect(bandOf(120, [119, 120, 239, 240])).toEqual([false, true, true, false])
    expect(bandOf(3839, [1920, 3839, 3840])).toEqual([true, true, false])
    expect(bandOf(3840, [3839, 3840, 1e6])).toEqual([false, true, true])
    const nan = observeWait(NO_CALIBRATION, 'a', 10, { mean: 60, p10: 30, p50: Number.NaN, p90: 90 }, 900, 0)
    expect(Object.keys(nan.cells).sort()).toEqual(['*', 'len:0', 's:a', 's:a|h:10', 'today'])
  })

  it("keeps a service's correction over a working day, and an hour's only for a few hours", () => {
    const H = 3600_000
    const model = { mean: 600, p10: 400, p50: 550, p90: 800 }
    let c = NO_CALIBRATION
    for (let i = 0; i < 40; i++) c = observeWait(c, 'a', 10, model, 1500, i * 60_000)
    const widening = (hour: number, at: number): number =>
      Math.log(Math.log(calibrateEstimate(c, 'a', hour, model, at).p90 / model.p50) / Math.log(model.p90 / model.p50))
    const learnt = 40 * 60_000
    // Another hour of the day reads the branch's, the service's, the length's and today's parts
    // only; today's (forty misses at 0.02 × 0.9) does not fade, the others over 24 open hours.
    const today = 40 * 0.02 * 0.9
    expect((widening(11, learnt + 6 * H) - today) / (widening(11, learnt) - today)).toBeCloseTo(Math.exp(-6 / 24), 6)
    // The hour's own part (what 10 o'clock reads beyond 11 o'clock) fades four times faster.
    const hourPart = (at: number): number => widening(10, at) - widening(11, at)
    expect(hourPart(learnt)).toBeGreaterThan(0.3)
    expect(hourPart(learnt + 6 * H) / hourPart(learnt)).toBeCloseTo(Math.exp(-1), 6)
  })

  it("holds today's correction all day, and starts the next day without it", () => {
    const H = 3600_000
    const model = { mean: 600, p10: 400, p50: 550, p90: 800 }
    let c = NO_CALIBRATION
    for (let i = 0; i < 40; i++) c = observeWait(c, 'a', 10, model, 1500, 0)
    // read by another service, at another hour, for waits of another length: the branch's part
    // (fading over 24 open hours) and today's (not fading)
    const other = { mean: 7200, p10: 5000, p50: 7000, p90: 9000 }
    const widening = (cal: typeof c, at: number): number =>
      Math.log(Math.log(calibrateEstimate(cal, 'b', 15, other, at).p90 / other.p50) / Math.log(other.p90 / other.p50))
    const learnt = 0
    const branch = 40 * 0.01 * 0.9
    const today = 40 * 0.02 * 0.9
    expect(widening(c, learnt)).toBeCloseTo(branch + today, 9)
    expect(widening(c, learnt + 8 * H)).toBeCloseTo(branch * Math.exp(-8 / 24) + today, 9)
    // the next morning: the branch's part as the evening left it, today's gone
    const nextDay = afterClosedHours(c, 24 * H)
    expect(nextDay.cells[TODAY_CELL]).toBeUndefined()
    expect(widening(nextDay, 24 * H)).toBeCloseTo(branch, 9)
  })

  it('stretches an end in log time from the median', () => {
    expect(stretch(100, 200, Math.log(2))).toBeCloseTo(400, 9)
    expect(stretch(100, 50, Math.log(2))).toBeCloseTo(25, 9)
    expect(stretch(100, 200, 0)).toBeCloseTo(200, 9)
    expect(stretch(100, 0, 1)).toBe(0)
  })

  it('keeps the mean and leaves "now" alone', () => {
    const c = observeWait(NO_CALIBRATION, 'a', 9, { mean: 60, p10: 30, p50: 55, p90: 90 }, 900, 0)
    const e = calibrateEstimate(c, 'a', 9, { mean: 60, p10: 30, p50: 55, p90: 90 }, 0)
    expect(e.mean).toBe(60)
    expect(e.p90).toBeGreaterThan(90)
    expect(calibrateEstimate(c, 'a', 9, { mean: 0, p10: 0, p50: 0, p90: 0 }, 0).p90).toBe(0)
  })
})

describe('randomBranchDay', () => {
  it('makes valid scenarios, the same for the same seed', () => {
    for (const seed of [1, 2, 3, 40, 41]) {
      const s = randomBranchDay(seed)
      expect(parseScenario(JSON.parse(JSON.stringify(s)))).toMatchObject({ ok: true })
      expect(randomBranchDay(seed)).toEqual(s)
    }
  })
})

describe('the estimator on random branch days (fixed seeds, three days each, the first with no history)', () => {
  for (const seed of [6, 11]) {
    it(`holds its 80 % range on random day ${seed} and gives every ticket a figure`, () => {
      const days = runDays(randomBranchDay(seed), seed, 3)
      const rows = predictionRows(days)
      const s = scorePredictions(rows)
      // Honest tolerance: a few hundred correlated waits per day.
      expect(s.coverage).toBeGreaterThan(0.72)
      expect(s.coverage).toBeLessThan(0.88)
      expect(coverageBreakdown(rows).worstService?.coverage ?? 1).toBeGreaterThan(0.6)
      expect(days.flatMap((d) => d.records).filter((r) => r.estimate === null)).toEqual([])
    })
  }
})
