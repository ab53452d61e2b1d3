import type { CounterId, DelayId, TicketId } from '../../shared/domain/ids'
import type { Command } from '../../shared/queue/commands'
import type { DelayScope } from '../../shared/queue/delay'
import { getCounter, getTicket, type QueueState } from '../../shared/queue/state'
import type { Ticket } from '../../shared/queue/ticket'
import { assertNever } from '../../shared/util/assertNever'
import { own } from '../../shared/util/own'
import type { Principal } from '../auth/principal'
import { HttpError } from './httpError'
import type { AccessRefusal } from '../../shared/api/deskRefusals'

/**
 * What a command touches, for deciding who may send it. Every command of the engine is listed
 * in `touches` (an exhaustive switch), so a new command cannot slip past the check below.
 */
export type Touch =
  /** The business day, lobby-wide or service-wide explanations: a manager's. */
  | { readonly kind: 'branch' }
  /** A new ticket: a kiosk's tap or a manager's. */
  | { readonly kind: 'newTicket' }
  /** A counter and the customer at it. */
  | { readonly kind: 'counter'; readonly counterId: CounterId }
  /** A ticket that must be at (or waiting for) the sender's counter. */
  | { readonly kind: 'ticketHere'; readonly ticketId: TicketId }
  /**
   * A parked ticket taken back: it must be at (or waiting for) the sender's counter, but one at
   * no counter is no colleague's either — it is not parked, and the engine says so.
   */
  | { readonly kind: 'parkedHere'; readonly ticketId: TicketId }
  /** A ticket any teller may take a word about (cancel, re-join), unless it waits for a colleague's counter. */
  | { readonly kind: 'ticketInLobby'; readonly ticketId: TicketId }
  /** A ticket last served at the sender's counter (the rating). */
  | { readonly kind: 'ticketServedHere'; readonly ticketId: TicketId }
  /** An explanation being posted, by its scope. */
  | { readonly kind: 'announce'; readonly scope: DelayScope }
  /** An explanation being ended: whoever owns its scope. */
  | { readonly kind: 'delay'; readonly delayId: DelayId }

/**
 * @example
 * touches({ type: 'transfer', ticketId: t, toServiceId: null, toCounterId: c2 }) //=> [{ kind: 'ticketHere', ticketId: t }]
 */
export function touches(command: Command): readonly Touch[] {
  switch (command.type) {
    case 'openDay':
    case 'closeDay':
      return [{ kind: 'branch' }]
    case 'issueTicket':
      return [{ kind: 'newTicket' }]
    case 'openCounter':
    case 'pauseCounter':
    case 'resumeCounter':
    case 'closeCounter':
    case 'callNext':
    case 'recall':
    case 'startService':
    case 'completeService':
    case 'addTransaction':
    case 'markNoShow':
    case 'park':
    case 'callSpecific': // takes a ticket to this counter; the engine decides whether it may be called
      return [{ kind: 'counter', counterId: command.counterId }]
    case 'transfer': // sending a customer on is its point: the destination is not the sender's to own
      return [{ kind: 'ticketHere', ticketId: command.ticketId }]
    case 'resume':
      return [{ kind: 'parkedHere', ticketId: command.ticketId }]
    case 'cancel':
    case 'rejoin':
    case 'changePriority': // any teller who meets the customer (or reads their card) may confirm or change it
      return [{ kind: 'ticketInLobby', ticketId: command.ticketId }]
    case 'rate':
      return [{ kind: 'ticketServedHere', ticketId: command.ticketId }]
    case 'announceDelay':
      return [{ kind: 'announce', scope: command.scope }]
    case 'clearDelay':
      return [{ kind: 'delay', delayId: command.delayId }]
    default:
      return assertNever(command, 'command')
  }
}

/**
 * A manager acting on a counter a teller has open, or on a ticket that counter's teller owns:
 * allowed (a take-over), and logged.
 */
export interface TakeOver {
  readonly counterId: CounterId
  readonly heldBy: string
}

const refuse = (code: AccessRefusal, message: string): never => {
  throw new HttpError(403, code, message)
}

/**
 * The one check of who may send a command, run inside the command queue against the state the
 * command will be decided on (so a right checked a moment earlier cannot be out of date).
 * Managers may do anything; a kiosk may only issue and re-join; a teller acts only on their own
 * counter, only while no colleague holds it, and only on the tickets at it (or waiting in the
 * lobby, for a cancel or a re-join). Throws the refusal as a 403; answers the counters a
 * manager took over.
 */
export function checkCommandAccess(p: Principal | null, command: Command, state: QueueState): readonly TakeOver[] {
  const touched = touches(command)
  if (p === null) return refuse('forbidden', 'Only staff and kiosks send queue commands')
  switch (p.role) {
    case 'manager':
      return touched.flatMap((t) => {
        const at = counterOfTouch(t, state)
        if (at === null) return []
        const live = getCounter(state, at)
        return live.status !== 'closed' && live.staffId !== null ? [{ counterId: at, heldBy: live.staffId }] : []
      })
    case 'teller':
      for (const t of touched) tellerMay(p, t, state)
      return []
    case 'kiosk':
      if (command.type === 'issueTicket' || command.type === 'rejoin') return []
      return refuse('forbidden', 'A kiosk may only issue tickets and re-join missed customers')
    case 'display':
      return refuse('forbidden', 'A lobby display only shows the queue')
    default:
      return assertNever(p.role, 'role')
  }
}

/**
 * The counter whose teller a touch acts for: the counter itself, or the one a ticket is at or
 * waiting for (the same ownership a teller is held to below). A manager's transfer or cancel of
 * a ticket that belongs to a teller's open counter is as much a take-over as a recall there.
 * A rating is of a finished visit and a ticket waiting for no counter is nobody's: neither is one.
 */
function counterOfTouch(touch: Touch, state: QueueState): CounterId | null {
  switch (touch.kind) {
    case 'counter':
      return touch.counterId
    case 'ticketHere':
    case 'parkedHere':
    case 'ticketInLobby': {
      const t = getTicket(state, touch.ticketId)
      return t === undefined || t.status === 'done' ? null : (t.counterId ?? t.targetCounterId)
    }
    case 'branch':
    case 'newTicket':
    case 'ticketServedHere':
    case 'announce':
    case 'delay':
      return null
    default:
      return assertNever(touch, 'touch')
  }
}

function tellerMay(p: Principal, touch: Touch, state: QueueState): void {
  const home = p.counterId
  if (home === null) return refuse('forbidden', 'A teller works at a counter; sign in at one')
  const live = getCounter(state, home)
  if (live.status !== 'closed' && live.staffId !== p.staffId)
    refuse('otherTeller', `Counter ${home} is open under ${live.staffId ?? 'another teller'}`)
  const notHere = (t: Ticket): never => refuse('otherCounter', `Ticket ${t.number} is not at your counter`)
  switch (touch.kind) {
    case 'branch':
    case 'newTicket':
      return refuse('forbidden', 'Only a manager may do this')
    case 'counter':
      if (touch.counterId !== home)
        refuse('otherCounter', `You are signed in at counter ${home}, not ${touch.counterId}`)
      return
    case 'ticketHere': {
      const t = getTicket(state, touch.ticketId)
      if (t !== undefined && t.counterId !== home && t.targetCounterId !== home) notHere(t)
      return
    }
    case 'ticketInLobby':
    case 'parkedHere': {
      // Customers tell any teller they are leaving or back; one waiting for a colleague's counter is theirs.
      // Checked before the ticket's state: a resume of a ticket at no counter is the engine's to refuse.
      const t = getTicket(state, touch.ticketId)
      const at = t === undefined ? null : (t.counterId ?? t.targetCounterId)
      if (t !== undefined && at !== null && at !== home) notHere(t)
      return
    }
    case 'ticketServedHere': {
      const t = getTicket(state, touch.ticketId)
      if (t !== undefined && t.visits.at(-1)?.counterId !== home) notHere(t)
      return
    }
    case 'announce':
      if (touch.scope.kind !== 'counter') return refuse('forbidden', 'Only a manager explains a delay for the branch')
      if (touch.scope.counterId !== home)
        refuse('otherCounter', `A teller explains delays only at their own counter (${home})`)
      return
    case 'delay': {
      const d = own(state.delays, touch.delayId)
      if (d === undefined) return // unknown: the engine says so
      if (d.scope.kind !== 'counter' || d.scope.counterId !== home)
        refuse('otherCounter', 'A teller clears only the explanations of their own counter')
      return
    }
    default:
      return assertNever(touch, 'touch')
  }
}
