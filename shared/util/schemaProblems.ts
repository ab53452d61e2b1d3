import type { TSchema } from 'typebox'
import { Settings } from 'typebox/system'
import { Value } from 'typebox/value'

/**
 * A problem with hand-edited or received data that names the field at fault:
 * `devices[2].protocol.address: is required`. Configuration files, API requests, journal lines
 * and scenario files are all worded this one way.
 */
export interface ConfigProblem {
  readonly path: string
  readonly message: string
}

interface SchemaError {
  readonly keyword: string
  readonly schemaPath: string
  readonly instancePath: string
  readonly params: Record<string, unknown>
  readonly message: string
}

/**
 * How many of the validator's errors are read. TypeBox buffers 8 by default (a guard against
 * huge inputs); a union of four objects alone can give 8, which cut off the union's own error
 * and every field after it. Still bounded, and only paid for a value that failed its check.
 */
const MAX_ERRORS = 200

/** The validator's errors for a value that failed its check, up to MAX_ERRORS. */
function validatorErrors(schema: TSchema, value: unknown): SchemaError[] {
  const before = Settings.Get().maxErrors
  Settings.Set({ maxErrors: MAX_ERRORS })
  try {
    return [...Value.Errors(schema, value)] as unknown as SchemaError[]
  } finally {
    Settings.Set({ maxErrors: before })
  }
}

/** Where a schema's `errorMessage` replaces the validator's words: what form the value must have. */
const OWN_WORDS_FOR = new Set(['pattern', 'format', 'anyOf', 'type', 'const'])

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v))

/**
 * The one wording of "not one of the choices", values written as they are in JSON.
 *
 * @example
 * mustBeOneOf(['serial', 'tcp']) //=> 'must be one of "serial", "tcp"'
 */
export const mustBeOneOf = (choices: readonly unknown[]): string => `must be one of ${choices.map(show).join(', ')}`
const typeName = (t: unknown): string => (t === 'integer' ? 'an integer' : t === 'null' ? 'null' : `a ${String(t)}`)

/**
 * Checks a value against a TypeBox schema and words the errors for a person fixing the file or
 * the request: one message per field; unknown and missing fields by name; a union of literals
 * as "must be one of …"; a union of objects told apart by a literal field (`dist: 'gamma'`)
 * judged as the variant that field names; and, where a schema says it with an `errorMessage`,
 * in its own words ("must be a time of day, HH:MM").
 *
 * @example
 * schemaProblems(Type.Object({ baudRate: Type.Integer() }), {}, 'devices[0].connection')
 * //=> [{ path: 'devices[0].connection.baudRate', message: 'is required' }]
 */
export function schemaProblems(schema: TSchema, value: unknown, basePath = ''): ConfigProblem[] {
  if (Value.Check(schema, value)) return []
  const errors = validatorErrors(schema, value)
  const problems: ConfigProblem[] = []
  const seen = new Set<string>()
  const add = (path: string, message: string): void => {
    const key = `${path}\u0000${message}`
    if (seen.has(key)) return
    seen.add(key)
    problems.push({ path, message })
  }
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf')
  const inUnion = (e: SchemaError): SchemaError | undefined =>
    anyOfs.find((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/anyOf/`))

  for (const e of errors) {
    // What a union's branches say is said by the union itself (below).
    if (inUnion(e) !== undefined) continue
    const path = joinPath(basePath, e.instancePath)
    const own = errorMessageAt(schema, e.schemaPath)
    if (own !== undefined && OWN_WORDS_FOR.has(e.keyword)) {
      add(path, own)
      continue
    }
    switch (e.keyword) {
      case 'boolean':
        // "schema is false" is the additionalProperties error again, at the field itself.
        break
      case 'required':
        for (const name of (e.params.requiredProperties as string[] | undefined) ?? [])
          add(joinPath(path, `/${name}`), 'is required')
        break
      case 'additionalProperties':
        for (const name of (e.params.additionalProperties as string[] | undefined) ?? [])
          add(joinPath(path, `/${name}`), 'unknown field')
        break
      case 'anyOf':
        for (const p of unionProblems(schema, e, errors, valueAt(value, e.instancePath), path)) add(p.path, p.message)
        break
      case 'enum':
        add(path, mustBeOneOf((e.params.allowedValues as unknown[] | undefined) ?? []))
        break
      case 'minLength':
        add(path, e.params.limit === 1 ? 'must not be empty' : e.message)
        break
      case 'pattern':
        add(path, `must match pattern ${String(e.params.pattern)}`)
        break
      default:
        add(path, e.message)
    }
  }
  return problems
}

/** A union that failed: its discriminated variant's problems, or what its branches accept. */
function unionProblems(
  root: TSchema,
  union: SchemaError,
  errors: readonly SchemaError[],
  value: unknown,
  path: string,
): ConfigProblem[] {
  const branches = schemaAt(root, union.schemaPath)?.anyOf
  if (Array.isArray(branches)) {
    const variant = discriminated(branches as TSchema[], value)
    if (variant !== null)
      return variant.schema === null
        ? [{ path: joinPath(path, `/${variant.problem.path}`), message: variant.problem.message }]
        : schemaProblems(variant.schema, value, path)
  }
  const mine = errors.filter((b) => b.schemaPath.startsWith(`${union.schemaPath}/anyOf/`))
  const shallow = mine.filter(
    (b) => b.instancePath === union.instancePath && (b.keyword === 'const' || b.keyword === 'type'),
  )
  if (mine.length > 0 && shallow.length === mine.length) {
    const allowed = [
      ...new Set(shallow.map((b) => (b.keyword === 'const' ? show(b.params.allowedValue) : typeName(b.params.type)))),
    ]
    const literals = shallow.every((b) => b.keyword === 'const')
    return [{ path, message: literals ? `must be one of ${allowed.join(', ')}` : `must be ${allowed.join(' or ')}` }]
  }
  // The value has the right type for some branch but is wrong inside it: that branch says why.
  const deepest = mine.filter((b) => b.keyword !== 'type' && b.keyword !== 'const')
  return deepest.length > 0
    ? deepest.map((b) => ({
        path: joinPath(path, b.instancePath.slice(union.instancePath.length)),
        message: b.message,
      }))
    : [{ path, message: union.message }]
}

/**
 * Objects told apart by a literal field (`{ dist: 'exp', … } | { dist: 'det', … }`): the branch
 * the value's field names, or a problem naming the field and its choices; null when the union
 * is not of that kind.
 */
function discriminated(
  branches: readonly TSchema[],
  value: unknown,
):
  | { readonly schema: TSchema; readonly problem?: never }
  | { readonly schema: null; readonly problem: ConfigProblem }
  | null {
  const props = branches.map((b) => (b as { properties?: Record<string, TSchema> }).properties)
  if (props.some((p) => p === undefined)) return null
  const first = props[0] as Record<string, TSchema>
  const tag = Object.keys(first).find((k) =>
    props.every((p) => (p as Record<string, { const?: unknown }>)[k]?.const !== undefined),
  )
  if (tag === undefined || typeof value !== 'object' || value === null) return null
  const chosen = (value as Record<string, unknown>)[tag]
  const i = props.findIndex((p) => (p as Record<string, { const?: unknown }>)[tag]?.const === chosen)
  if (i >= 0) return { schema: branches[i] as TSchema }
  const choices = props.map((p) => (p as Record<string, { const?: unknown }>)[tag]?.const)
  return { schema: null, problem: { path: tag, message: mustBeOneOf(choices) } }
}

/** The sub-schema a JSON pointer into the schema (`#/properties/a/anyOf/1`) names. */
function schemaAt(root: TSchema, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = root
  for (const raw of pointer.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined
}

/** A schema's own words for what it wants (`errorMessage`), if it has them. */
function errorMessageAt(root: TSchema, pointer: string): string | undefined {
  const own = schemaAt(root, pointer)?.errorMessage
  return typeof own === 'string' ? own : undefined
}

function valueAt(value: unknown, pointer: string): unknown {
  let node = value
  for (const raw of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return node
}

/**
 * One line per problem, for a log, an error dialog or an HTTP answer.
 *
 * @example
 * problemLines([{ path: 'hub.port', message: 'must be a whole number from 0 to 65535' }])
 * //=> ['hub.port: must be a whole number from 0 to 65535']
 */
export function problemLines(problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`))
}

/**
 * Appends a JSON-pointer path (`/protocol/registers/0`) to a dotted one.
 *
 * @example
 * joinPath('devices[2]', '/protocol/fields/0/kind') //=> 'devices[2].protocol.fields[0].kind'
 */
export function joinPath(base: string, pointer: string): string {
  let out = base
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`
  }
  return out
}
