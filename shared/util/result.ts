/**
 * A typed success-or-failure value. The engine returns these instead of throwing, so every
 * refusal reaches the hub as data it can turn into a clear 4xx.
 *
 * @example
 * const r = ok(3)
 * if (r.ok) r.value //=> 3
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error }
}
