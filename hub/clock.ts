/** The hub's only source of time; tests and the simulator pass their own. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
