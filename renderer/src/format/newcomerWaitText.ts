import type { NewcomerWait } from '../../../shared/estimate/newcomerWait'
import type { Translate } from './say'

/**
 * What a "wait for a ticket taken now" cell says while no ticket is issued, as the hub decided
 * (`NewcomerWait`): when the branch opens, or that it is closed for the day; null while tickets
 * are issued (or before the first estimates), when the cell shows the wait itself.
 *
 * @example
 * newcomerWaitText(t, { kind: 'opensLater', opensAt, clock: '09:00' }) //=> 'Opens at 09:00'
 * newcomerWaitText(t, { kind: 'closedForDay', opensAt: null }) //=> 'Closed today'
 * newcomerWaitText(t, { kind: 'estimated' }) //=> null
 */
export function newcomerWaitText(t: Translate, newcomers: NewcomerWait | null | undefined): string | null {
  if (newcomers == null || newcomers.kind === 'estimated') return null
  if (newcomers.kind === 'opensLater') return t('newcomerWait.opensLater', { time: newcomers.clock })
  return t('newcomerWait.closedForDay')
}
