/** How many keys are kept before the ones whose every booking has left the window are swept out. */
const SWEEP_ABOVE = 1000

/** A booking held against a quota: kept if it is made, given back (`release`) if not. */
export interface Hold {
  /** Gives the place back: the request booked nothing. */
  release(): void
}

/**
 * How many bookings each key (a client address, or everybody) has made in the last `windowMs`,
 * kept as their times so "in the last hour" means exactly that. A request takes a place before it
 * books (so a burst of requests sent at once cannot all pass a count none of them has added to yet)
 * and gives it back if it booked nothing: a refused or mistyped attempt is not a booking.
 */
export class BookingQuota {
  private readonly taken = new Map<string, Set<{ readonly at: number }>>()

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** A place for one more booking under `key`, or the milliseconds until one frees if `max` are taken. */
  take(key: string, max: number): { readonly hold: Hold } | { readonly waitMs: number } {
    const now = this.now()
    // Addresses that booked once and never came back are forgotten once their hour is over.
    if (this.taken.size > SWEEP_ABOVE) for (const k of [...this.taken.keys()]) this.current(k, now)
    const places = this.current(key, now)
    if (places.size >= max) {
      const oldest = Math.min(now, ...[...places].map((p) => p.at))
      return { waitMs: oldest + this.windowMs - now }
    }
    const place = { at: now }
    places.add(place)
    this.taken.set(key, places)
    return {
      hold: {
        release: () => {
          places.delete(place)
          if (places.size === 0 && this.taken.get(key) === places) this.taken.delete(key)
        },
      },
    }
  }

  /** The key's places still inside the window; keys left empty are forgotten (addresses come and go). */
  private current(key: string, now: number): Set<{ readonly at: number }> {
    const places = this.taken.get(key) ?? new Set()
    for (const p of places) if (p.at + this.windowMs <= now) places.delete(p)
    if (places.size === 0) this.taken.delete(key)
    return places
  }
}
