import type { ConfigProblem } from './terminalConfig'

/**
 * A small reader for hand-edited JSON that collects every problem with its path instead of
 * stopping at the first, so a manager fixing `terminal.json` sees all mistakes at once. Each
 * `read*` returns the value when it has the right shape, or `undefined` after recording why not.
 */
export class FieldReader {
  readonly problems: ConfigProblem[] = []

  problem(path: string, message: string): undefined {
    this.problems.push({ path, message })
    return undefined
  }

  /** Reads an object and reports keys it does not know, suggesting the nearest known one. */
  object(value: unknown, path: string, known: readonly string[]): Readonly<Record<string, unknown>> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.problem(path, `must be an object, not ${describe(value)}`)
    }
    const record = value as Readonly<Record<string, unknown>>
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue
      const near = nearest(key, known)
      this.problem(
        join(path, key),
        near === undefined
          ? `is not a setting (known: ${known.join(', ')})`
          : `is not a setting; did you mean "${near}"?`,
      )
    }
    return record
  }

  string(value: unknown, path: string, rule: { min: number; max: number; what: string }): string | undefined {
    if (typeof value !== 'string') return this.problem(path, `must be ${rule.what}, not ${describe(value)}`)
    const trimmed = value.trim()
    if (trimmed.length < rule.min || trimmed.length > rule.max) {
      return this.problem(path, `must be ${rule.what} of ${rule.min} to ${rule.max} characters`)
    }
    return trimmed
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.problem(path, `must be a whole number from ${min} to ${max}, not ${describe(value)}`)
    }
    return value
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') return this.problem(path, `must be true or false, not ${describe(value)}`)
    return value
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T
    return this.problem(path, `must be one of ${options.map((o) => `"${o}"`).join(', ')}, not ${describe(value)}`)
  }

  array(value: unknown, path: string, min: number, max: number): readonly unknown[] | undefined {
    if (!Array.isArray(value)) return this.problem(path, `must be a list, not ${describe(value)}`)
    if (value.length < min || value.length > max) {
      return this.problem(path, `must have ${min} to ${max} entries, not ${value.length}`)
    }
    return value
  }
}

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
 * A short description of a value for error messages ("a number", "nothing").
 *
 * @example
 * describe(undefined) //=> 'nothing'
 * describe('abc') //=> '"abc"'
 */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}..."` : `"${value}"`
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return `a ${typeof value}`
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
