import { Type, type Static, type TSchema } from 'typebox'
import { schemaProblems } from '../util/schemaProblems'
import type { ConfigProblem } from './terminalConfig'

/**
 * A small reader for hand-edited JSON that collects every problem with its path instead of
 * stopping at the first, so a manager fixing `terminal.json` sees all mistakes at once. Each
 * `read*` returns the value when it has the right shape, or `undefined` after recording why not.
 * Shapes are checked by TypeBox and worded by `schemaProblems`, as every other configuration
 * problem is; only the rules between fields (parseTerminalConfig) have their own words.
 */
export class FieldReader {
  readonly problems: ConfigProblem[] = []

  problem(path: string, message: string): undefined {
    this.problems.push({ path, message })
    return undefined
  }

  /** The value if it matches the schema; else its problems are recorded, worded by schemaProblems. */
  check<S extends TSchema>(schema: S, value: unknown, path: string): Static<S> | undefined {
    const found = schemaProblems(schema, value, path)
    if (found.length === 0) return value as Static<S>
    this.problems.push(...found)
    return undefined
  }

  /** Reads an object and reports keys it does not know, suggesting the nearest known one. */
  object(value: unknown, path: string, known: readonly string[]): Readonly<Record<string, unknown>> | undefined {
    const record = this.check(ANY_OBJECT, value, path)
    if (record === undefined) return undefined
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue
      const near = nearest(key, known)
      // schemaProblems' words, with a hint for a typo in a hand-edited file.
      this.problem(join(path, key), near === undefined ? UNKNOWN : `${UNKNOWN}; did you mean "${near}"?`)
    }
    return record
  }

  /** A text, trimmed, of `min` to `max` characters once trimmed. */
  string(value: unknown, path: string, min: number, max: number): string | undefined {
    const text = this.check(Type.String(), value, path)
    if (text === undefined) return undefined
    return this.check(Type.String({ minLength: min, maxLength: max }), text.trim(), path)
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    return this.check(Type.Integer({ minimum: min, maximum: max }), value, path)
  }

  boolean(value: unknown, path: string): boolean | undefined {
    return this.check(Type.Boolean(), value, path)
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
    return this.check(Type.Union(options.map((o) => Type.Literal(o))), value, path) as T | undefined
  }

  array(value: unknown, path: string, min: number, max: number): readonly unknown[] | undefined {
    return this.check(Type.Array(Type.Unknown(), { minItems: min, maxItems: max }), value, path)
  }
}

const ANY_OBJECT = Type.Record(Type.String(), Type.Unknown())
/** What schemaProblems says of a field the schema does not know. */
const UNKNOWN = 'unknown field'

/**
 * The path of a field inside its parent, as shown in error messages.
 *
 * @example
 * join('screens[1]', 'monitor') //=> 'screens[1].monitor'
 * join('', 'hub') //=> 'hub'
 */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path === '' ? key : `${path}.${key}`
}

/**
 * The known key within two edits of a mistyped one, if any (`screen` → `screens`).
 *
 * @example
 * nearest('screen', ['hub', 'screens']) //=> 'screens'
 * nearest('colour', ['hub', 'screens']) //=> undefined
 */
export function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
