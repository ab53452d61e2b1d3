import type { HubWarningEvent, HubWarningFacts } from '../../shared/api/hubWarnings'

/** The levels the manager's screen lists (`WarningRing` keeps these). */
export type WarningLevel = 'warn' | 'error' | 'fatal'

/**
 * The facts of a warning: those its wording needs (`HUB_WARNINGS`), and any more for the log
 * file (a path, an offset; `err` an error whose message the screen gets as `error`).
 */
export type WarningFacts<E extends HubWarningEvent> = HubWarningFacts<E> & Readonly<Record<string, unknown>>

/** What a warning is logged through: the hub's pino logger, a request's, or a module's slice of it. */
export type WarningLogger<L extends WarningLevel = WarningLevel> = {
  readonly [K in L]: (fields: Record<string, unknown>, message: string) => void
}

/**
 * Logs a warning the manager's screen lists: the only way hub code logs at `warn` and above
 * (lint finds any other: `eslint/hubWarnings.js`). `event` must be a name of
 * `HUB_WARNINGS` and `facts` hold what its wording needs, so the screen can say it in the
 * manager's language; `message` is the log's own English, for whoever reads the file.
 *
 * @example
 * logWarning(logger, 'warn', 'keypad.noCounter', { deviceId: 'k1', counter: 9 }, 'keypad k1: no counter 9')
 * //=> the line {"level":40,"event":"keypad.noCounter","deviceId":"k1","counter":9,"msg":"keypad k1: no counter 9"}
 */
export function logWarning<E extends HubWarningEvent, L extends WarningLevel>(
  log: WarningLogger<L>,
  level: L,
  event: E,
  facts: WarningFacts<E>,
  message: string,
): void {
  log[level]({ ...facts, event }, message)
}

/**
 * Where a module that does not hold the logger says a warning (the devices, the shipper to HQ, a
 * worker thread's caller): `logWarning` with the logger bound.
 */
export type Warn = <E extends HubWarningEvent>(
  level: 'warn' | 'error',
  event: E,
  facts: WarningFacts<E>,
  message: string,
) => void

/** A `Warn` that logs through `log`. */
export function warnThrough(log: WarningLogger<'warn' | 'error'>): Warn {
  return (level, event, facts, message) => logWarning(log, level, event, facts, message)
}
