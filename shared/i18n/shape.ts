/**
 * The shape of a message table with every message a plain string: what a second language must
 * match key for key (a missing or extra key is a type error).
 */
export type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/** Every dotted key of a message table that names a message: `'ticket.ahead'`, `'wait.soon'`. */
export type MessageKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : MessageKey<T[K], `${Prefix}${K}.`>
}[keyof T & string]
