import { eventProblems } from '../queue/eventSchema'
import { problemLines } from '../util/schemaProblems'
import type { LiveMessage } from './live'

/** What a terminal received that is not a message it can act on, and why. */
export interface LiveMessageProblem {
  readonly problem: string
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/**
 * What each message type must carry before a terminal acts on it; a missing entry does not
 * compile, so a new message type is checked from the start. Events are checked in full (they
 * are folded into the terminal's state); the rest by the fields the stores read first.
 */
const CHECKS: { readonly [K in LiveMessage['type']]: (m: Record<string, unknown>) => string | null } = {
  snapshot: (m) =>
    isRecord(m.snapshot) && isNumber(m.snapshot.serverNow) && isRecord(m.snapshot.state)
      ? !isNumber(m.snapshot.state.lastSeq)
        ? 'snapshot.state.lastSeq: must be a number'
        : typeof m.snapshot.journal === 'string'
          ? null
          : 'snapshot.journal: must be a string'
      : 'snapshot: must hold serverNow and state',
  resumed: (m) => (typeof m.journal === 'string' ? null : 'journal: must be a string'),
  event: (m) => {
    const problems = eventProblems(m.event, 'event')
    return problems.length === 0 ? null : problemLines(problems).join('; ')
  },
  estimates: (m) => (isRecord(m.estimates) ? null : 'estimates: must be an object'),
  devices: (m) => (Array.isArray(m.devices) ? null : 'devices: must be a list'),
  error: (m) =>
    typeof m.code === 'string' && typeof m.message === 'string' ? null : 'error: must have a code and a message',
  tick: (m) => (isNumber(m.serverNow) ? null : 'serverNow: must be a number'),
}

/**
 * Parses one message of the live channel: JSON, a known type, and the fields that type needs.
 * A terminal folds events into its state, so a damaged one must never get that far.
 *
 * @example
 * parseLiveMessage('{"type":"tick","serverNow":1}') //=> { type: 'tick', serverNow: 1 }
 * parseLiveMessage('{"type":"event","event":{"type":"dayClosed"}}')
 * //=> { problem: 'event.seq: is required; event.at: is required' }
 */
export function parseLiveMessage(text: string): LiveMessage | LiveMessageProblem {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problem: 'not JSON' }
  }
  if (!isRecord(value) || typeof value.type !== 'string') return { problem: 'type: is required' }
  const check = Object.hasOwn(CHECKS, value.type) ? CHECKS[value.type as LiveMessage['type']] : undefined
  if (check === undefined) return { problem: `type: unknown message type '${value.type}'` }
  const problem = check(value)
  return problem === null ? (value as unknown as LiveMessage) : { problem }
}

/** Whether a parse gave a problem rather than a message. */
export const isLiveMessageProblem = (m: LiveMessage | LiveMessageProblem): m is LiveMessageProblem => 'problem' in m
