/**
 * What went wrong, as one line of text, whatever was thrown: an `Error`'s message, or the value
 * itself (a string, a rejected promise's reason).
 *
 * @example
 * errorText(new Error('disk full')) //=> 'disk full'
 * errorText('timeout') //=> 'timeout'
 */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))
