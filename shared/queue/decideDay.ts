import type { BranchConfig } from '../domain/branch'
import { err, ok, type Result } from '../util/result'
import type { CommandOf } from './commands'
import { commandError, type CommandError } from './errors'
import type { EventBody } from './events'
import type { QueueState } from './state'
import { own } from '../util/own'
import { blankLanguages } from '../domain/text'

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export function decideDayOrDelay(
  state: QueueState,
  branch: BranchConfig,
  c: CommandOf<'openDay' | 'closeDay' | 'announceDelay' | 'clearDelay'>,
): Result<EventBody, CommandError> {
  switch (c.type) {
    case 'openDay':
      if (!DATE.test(c.date)) {
        return err(commandError('invalidDate', `Date '${c.date}' is not YYYY-MM-DD`, { field: 'date' }))
      }
      if (state.day !== null) {
        return err(commandError('dayAlreadyOpen', `Day ${state.day} is still open; close it first`))
      }
      if (state.lastClosedDay !== null && c.date <= state.lastClosedDay) {
        return err(
          commandError('dayAlreadyClosed', `Day ${c.date} is not after the last closed day ${state.lastClosedDay}`, {
            field: 'date',
          }),
        )
      }
      return ok({ type: 'dayOpened', date: c.date })
    case 'closeDay':
      return ok(c.auto === undefined ? { type: 'dayClosed' } : { type: 'dayClosed', auto: c.auto })
    case 'announceDelay': {
      const existing = own(state.delays, c.delayId)
      if (existing !== undefined && existing.endedAt === null) {
        return err(commandError('duplicateDelay', `Delay '${c.delayId}' is already announced`, { field: 'delayId' }))
      }
      const scope = c.scope
      if (scope.kind === 'service' && !branch.services.some((s) => s.id === scope.serviceId)) {
        return err(commandError('unknownService', `Unknown service '${scope.serviceId}'`, { field: 'scope.serviceId' }))
      }
      if (scope.kind === 'counter' && !branch.counters.some((k) => k.id === scope.counterId)) {
        return err(commandError('unknownCounter', `Unknown counter '${scope.counterId}'`, { field: 'scope.counterId' }))
      }
      // The lobby shows every language: one left blank is an empty explanation on its screens.
      const blank = blankLanguages(c.message)
      if (blank.length > 0) {
        return err(
          commandError(
            'reasonRequired',
            `The delay's message is blank in ${blank.join(' and ')}; the lobby screens show every language`,
            {
              field: `message.${blank[0]}`,
            },
          ),
        )
      }
      return ok({
        type: 'delayAnnounced',
        delayId: c.delayId,
        scope: c.scope,
        source: c.source,
        kind: c.kind,
        message: c.message,
      })
    }
    case 'clearDelay': {
      const d = own(state.delays, c.delayId)
      if (d === undefined || d.endedAt !== null) {
        return err(commandError('unknownDelay', `No current delay '${c.delayId}'`, { field: 'delayId' }))
      }
      return ok({ type: 'delayCleared', delayId: c.delayId })
    }
  }
}
