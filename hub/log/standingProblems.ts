import type { HubStandingProblem } from '../../shared/api/health'

/**
 * What of the hub did not start, or stopped, and stays so until a person acts (the manager's
 * screen shows it as long as it stands; the log says it once, and a warning scrolls out of the
 * last 100).
 * Each kind is held once: found again, the first finding's time stays and its words are updated.
 */
export class StandingProblems {
  private readonly items: HubStandingProblem[] = []

  /**
   * `what` stands from `since` (epoch ms), for the reason `detail` (the log's words); `bookings`:
   * those it is about, where it is about bookings.
   */
  set(
    what: HubStandingProblem['what'],
    detail: string,
    since: number,
    bookings?: NonNullable<HubStandingProblem['bookings']>,
  ): void {
    const i = this.items.findIndex((p) => p.what === what)
    const first = i < 0 ? since : (this.items[i] as HubStandingProblem).since
    const item = bookings === undefined ? { what, since: first, detail } : { what, since: first, detail, bookings }
    if (i < 0) this.items.push(item)
    else this.items[i] = item
  }

  /** `what` no longer stands (a refusal that a later answer ended). */
  clear(what: HubStandingProblem['what']): void {
    const i = this.items.findIndex((p) => p.what === what)
    if (i >= 0) this.items.splice(i, 1)
  }

  /** Oldest first. */
  current(): readonly HubStandingProblem[] {
    return [...this.items]
  }
}
