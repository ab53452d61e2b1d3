import type { BranchConfig } from '../domain/branch'
import { assertNever } from '../util/assertNever'
import { err, ok, type Result } from '../util/result'
import type { Command } from './commands'
import { decideCounterCommand } from './decideCounter'
import { decideDayOrDelay } from './decideDay'
import { decideTicketCommand } from './decideTicket'
import type { CommandError } from './errors'
import type { EventBody, QueueEvent } from './events'
import { applyEvent } from './applyEvent'
import { requireDay } from './lookup'
import type { QueueState } from './state'

/**
 * Checks a command against the state at time `now` (ms) and returns the one event it causes, or
 * a typed error that leaves everything unchanged. Pure: the same state, branch, command and time
 * always give the same answer.
 */
export function decide(
  state: QueueState,
  branch: BranchConfig,
  command: Command,
  now: number,
): Result<EventBody, CommandError> {
  if (command.type !== 'openDay') {
    const day = requireDay(state)
    if (!day.ok) return day
  }
  switch (command.type) {
    case 'openDay':
    case 'closeDay':
    case 'announceDelay':
    case 'clearDelay':
      return decideDayOrDelay(state, branch, command)
    case 'openCounter':
    case 'pauseCounter':
    case 'resumeCounter':
    case 'closeCounter':
      return decideCounterCommand(state, branch, command)
    case 'issueTicket':
    case 'callNext':
    case 'callSpecific':
    case 'recall':
    case 'startService':
    case 'completeService':
    case 'addTransaction':
    case 'markNoShow':
    case 'rejoin':
    case 'transfer':
    case 'park':
    case 'resume':
    case 'cancel':
    case 'rate':
    case 'changePriority':
      return decideTicketCommand(state, branch, command, now)
    default:
      return assertNever(command, 'command')
  }
}

/**
 * Decides and applies in one step: the engine as the hub and the simulator drive it. The event
 * gets the next seq and the time `now`.
 */
export function execute(
  state: QueueState,
  branch: BranchConfig,
  command: Command,
  now: number,
): Result<{ event: QueueEvent; state: QueueState }, CommandError> {
  const decided = decide(state, branch, command, now)
  if (!decided.ok) return err(decided.error)
  const event: QueueEvent = { ...decided.value, seq: state.lastSeq + 1, at: now }
  return ok({ event, state: applyEvent(state, event) })
}
