/**
 * The last few simulated days, by scenario and seed. A what-if from the manager's form runs
 * today's scenario beside the changed one; today's is the same run after run, and a day is
 * deterministic for its scenario and seed, so its result is kept rather than simulated again.
 * The oldest entry leaves first; a handful is plenty (one branch, one manager screen or two).
 *
 * @example
 * const runs = new RecentRuns<number>(2)
 * runs.set(scenario, 7, 42)
 * runs.get(scenario, 7) //=> 42
 */
export class RecentRuns<T> {
  private readonly entries = new Map<string, T>()

  constructor(private readonly max: number) {}

  get(scenario: unknown, seed: number): T | undefined {
    const key = keyOf(scenario, seed)
    const hit = this.entries.get(key)
    if (hit === undefined) return undefined
    // Used again: it becomes the newest.
    this.entries.delete(key)
    this.entries.set(key, hit)
    return hit
  }

  set(scenario: unknown, seed: number, value: T): void {
    const key = keyOf(scenario, seed)
    this.entries.delete(key)
    this.entries.set(key, value)
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.max) break
      this.entries.delete(oldest)
    }
  }
}

/** The scenario as it came (its JSON text, in its own key order) with its seed. */
const keyOf = (scenario: unknown, seed: number): string => `${seed}\u0000${JSON.stringify(scenario)}`
