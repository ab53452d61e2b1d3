import type { CounterState } from '../../../../shared/queue/counterState'

/** Everything a teller can do from the counter screen. */
export type CounterAction =
  | 'open'
  | 'pause'
  | 'resume'
  | 'close'
  | 'signOut'
  | 'callNext'
  | 'recall'
  | 'start'
  | 'complete'
  | 'addTransaction'
  | 'noShow'
  | 'transfer'
  | 'park'
  | 'callTicket'
  | 'resumeParked'
  | 'explain'

/** Why an action is not available now, when the teller should be told (shown beside the button). */
export type Why =
  | { readonly key: 'recallsNeeded'; readonly n: number }
  /** The `n` recalls the policy allows are made: a no-show is what is left (the engine's `recallsUsedUp`). */
  | { readonly key: 'recallsUsedUp'; readonly n: number }
  /** The called customer still has `n` seconds of the declared interval to come. */
  | { readonly key: 'waitCall'; readonly n: number }
  | { readonly key: 'nobodyWaiting' }
  | { readonly key: 'finishFirst' }
  | { readonly key: 'notOver' }

export interface Availability {
  readonly enabled: boolean
  readonly why: Why | null
}

/** What the screen knows that decides which actions make sense. */
export interface DeskFacts {
  /** Connected, the day open and the queue state known: commands can reach the engine. */
  readonly live: boolean
  readonly counter: Pick<CounterState, 'status'>
  /** Recalls made in the current call. */
  readonly recalls: number
  readonly recallsBeforeNoShow: number
  /** Seconds until a recall or no-show is allowed (`queue/callInterval`); 0 when it is. */
  readonly callWaitSec: number
  /** Waiting tickets this counter may call. */
  readonly waiting: number
  /** Customers this counter parked who have not come back yet. */
  readonly parked: number
  readonly overStandard: boolean
  /** The "complex business" notice of this counter is on the lobby display. */
  readonly explained: boolean
}

const yes: Availability = { enabled: true, why: null }
const no: Availability = { enabled: false, why: null }
const because = (why: Why): Availability => ({ enabled: false, why })
const when = (ok: boolean): Availability => (ok ? yes : no)

/**
 * Which actions the screen offers now. It mirrors the engine's own checks (`shared/queue/decide*`)
 * so a button is never offered only to be refused, and says why when the reason is not obvious
 * (no-show before the declared recalls, recall or no-show before the customer has had the declared
 * interval to come, the complex-business notice before the standard is past).
 * The hub still decides: a refusal it words is shown as it is.
 *
 * @example
 * counterActions({ live: true, counter: { status: 'calling' }, recalls: 1, recallsBeforeNoShow: 2, callWaitSec: 0,
 *   waiting: 3, parked: 0, overStandard: false, explained: false }).noShow //=> { enabled: false, why: { key: 'recallsNeeded', n: 1 } }
 */
export function counterActions(f: DeskFacts): Record<CounterAction, Availability> {
  const s = f.counter.status
  const busy = s === 'calling' || s === 'serving'
  const atCounter = (ok: boolean): Availability => (!f.live ? no : when(ok))
  const idleWithQueue = !f.live || s !== 'idle' ? no : f.waiting > 0 ? yes : because({ key: 'nobodyWaiting' })
  const missing = f.recallsBeforeNoShow - f.recalls
  const calling = f.live && s === 'calling'
  const waitCall: Availability | null = f.callWaitSec > 0 ? because({ key: 'waitCall', n: f.callWaitSec }) : null
  return {
    open: atCounter(s === 'closed'),
    pause: !f.live ? no : busy ? because({ key: 'finishFirst' }) : when(s === 'idle'),
    resume: atCounter(s === 'paused'),
    close: !f.live ? no : busy ? because({ key: 'finishFirst' }) : when(s === 'idle' || s === 'paused'),
    // Signing out works offline too (the token is dropped either way), but never mid-customer.
    signOut: busy && f.live ? because({ key: 'finishFirst' }) : yes,
    callNext: idleWithQueue,
    callTicket: idleWithQueue,
    recall: !calling
      ? no
      : f.recalls >= f.recallsBeforeNoShow
        ? because({ key: 'recallsUsedUp', n: f.recalls })
        : (waitCall ?? yes),
    start: atCounter(s === 'calling'),
    noShow: !calling ? no : missing > 0 ? because({ key: 'recallsNeeded', n: missing }) : (waitCall ?? yes),
    complete: atCounter(s === 'serving'),
    addTransaction: atCounter(s === 'serving'),
    transfer: atCounter(busy),
    park: atCounter(busy),
    resumeParked: atCounter(f.parked > 0),
    explain:
      !f.live || (s !== 'serving' && !f.explained)
        ? no
        : f.explained || f.overStandard
          ? yes
          : because({ key: 'notOver' }),
  }
}
