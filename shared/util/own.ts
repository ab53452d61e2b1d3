/**
 * The value a record holds under `key` as its own property, never one it inherits: looked up
 * in a plain object, an id such as `constructor` or `__proto__` would otherwise find
 * Object.prototype's members. Every lookup keyed by outside input goes through this (or a Map).
 *
 * @example
 * own({ c1: 'open' }, 'c1') //=> 'open'
 * own({ c1: 'open' }, 'constructor') //=> undefined
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}
