type Primitive = string | number | boolean | bigint | symbol | null | undefined

/** A type with every level read-only, so a schema's (mutable) type and a domain type compare by shape. */
export type Frozen<T> = T extends Primitive ? T : { readonly [K in keyof T]: Frozen<T[K]> }

/**
 * True when values of `A` and `B` may stand for each other (read-only aside): every field of one
 * is a field of the other, of the same type. A schema that drifts from the domain type it checks
 * (a field added to one only, a wider or narrower type) makes this false.
 */
export type Agrees<A, B> = [Frozen<A>] extends [Frozen<B>]
  ? [Frozen<B>] extends [Frozen<A>]
    ? SameKeys<A, B>
    : false
  : false

/**
 * Assignability alone lets an optional field live on one side only ({a} and {a, b?} assign both
 * ways), so the field names are compared as well, one level down (where drift shows first).
 */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false

/**
 * Compiles only when its argument is `true`: `export type _ = Agreed<Agrees<Static<typeof S>, D>>`
 * fails typecheck the moment the schema `S` and the domain type `D` disagree.
 */
export type Agreed<T extends true> = T
