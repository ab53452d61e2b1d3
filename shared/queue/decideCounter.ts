import type { BranchConfig } from '../domain/branch'
import { err, ok, type Result } from '../util/result'
import type { CommandOf } from './commands'
import { commandError, type CommandError } from './errors'
import type { EventBody } from './events'
import { requireCounter, requireIdle } from './lookup'
import type { QueueState } from './state'

export function decideCounterCommand(
  state: QueueState,
  branch: BranchConfig,
  c: CommandOf<'openCounter' | 'pauseCounter' | 'resumeCounter' | 'closeCounter'>,
): Result<EventBody, CommandError> {
  const found = requireCounter(state, branch, c.counterId)
  if (!found.ok) return found
  const { config, live } = found.value
  const n = config.number
  switch (c.type) {
    case 'openCounter': {
      if (live.status !== 'closed') {
        return err(commandError('counterAlreadyOpen', `Counter ${n} is already open`, { found: live.status }))
      }
      const elsewhere = Object.values(state.counters).find((k) => k.staffId === c.staffId && k.status !== 'closed')
      if (elsewhere !== undefined) {
        return err(
          commandError('staffAtOtherCounter', `Staff ${c.staffId} is signed in at counter ${elsewhere.id}`, {
            field: 'staffId',
          }),
        )
      }
      return ok({ type: 'counterOpened', counterId: c.counterId, staffId: c.staffId })
    }
    case 'pauseCounter': {
      const idle = requireIdle(live, n)
      if (!idle.ok) return idle
      return ok({ type: 'counterPaused', counterId: c.counterId, reason: c.reason })
    }
    case 'resumeCounter':
      if (live.status !== 'paused') {
        return err(
          commandError('counterNotPaused', `Counter ${n} is ${live.status}, not paused`, { found: live.status }),
        )
      }
      return ok({ type: 'counterResumed', counterId: c.counterId })
    case 'closeCounter':
      if (live.status === 'closed') {
        return err(commandError('counterClosed', `Counter ${n} is already closed`, { found: live.status }))
      }
      if (live.status === 'calling' || live.status === 'serving') {
        return err(
          commandError('counterBusy', `Counter ${n} is ${live.status}; finish the ticket first`, {
            found: live.status,
          }),
        )
      }
      {
        // Customers parked here or sent here wait for this counter alone: closing it would strand them.
        const owed = state.open.filter(
          (t) =>
            (t.status === 'parked' && t.counterId === c.counterId) ||
            (t.status === 'waiting' && t.targetCounterId === c.counterId),
        )
        if (owed.length > 0) {
          const numbers = owed.map((t) => t.number).join(', ')
          return err(
            commandError(
              'counterHasCustomers',
              `Counter ${n} still has ${numbers} to serve (parked or sent here); serve or transfer them first`,
            ),
          )
        }
      }
      return ok({ type: 'counterClosed', counterId: c.counterId })
  }
}
