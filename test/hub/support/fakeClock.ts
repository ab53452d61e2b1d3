import type { Clock } from '../../../hub/clock'

/** 10:00 on 2026-11-24 in Beijing. */
export const TEN_AM = Date.UTC(2026, 10, 24, 2, 0, 0)

/** A clock the test moves; the hub reads time only through it. */
export class FakeClock implements Clock {
  constructor(private t = TEN_AM) {}
  now(): number {
    return this.t
  }
  advance(seconds: number): void {
    this.t += seconds * 1000
  }
  set(t: number): void {
    this.t = t
  }
}
