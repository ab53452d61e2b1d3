/**
 * What the wait predictors said of a ticket at its issue (`ticketIssued.predictorsSaid`, seconds,
 * the model's first): journaled so that a restarted hub relearns the combined mean. A journal line
 * the reader would refuse makes the whole day unreadable, so what is journaled is checked here,
 * once, by the same bounds as the journal's schema: a value that is not a number of seconds
 * between none and a week (NaN, Infinity, a negative from a clock step) is a fault of the
 * estimate, and the ticket is issued without the field (its replay then teaches the mix nothing).
 */
export const PREDICTOR_SAID_MAX_SEC = 7 * 24 * 3600
export const PREDICTORS_SAID_MAX = 8

/**
 * The values as they may be journaled: themselves, null (nothing said), or undefined (left out).
 *
 * @example
 * journalablePredictors([300, 240, NaN, 420]) //=> undefined
 */
export function journalablePredictors(values: readonly number[] | null): readonly number[] | null | undefined {
  if (values === null) return null
  if (values.length > PREDICTORS_SAID_MAX) return undefined
  return values.every((v) => Number.isFinite(v) && v >= 0 && v <= PREDICTOR_SAID_MAX_SEC) ? values : undefined
}
