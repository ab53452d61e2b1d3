import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { joinPath, type ConfigIssue } from './configIssue'

interface SchemaError {
  readonly keyword: string
  readonly schemaPath: string
  readonly instancePath: string
  readonly params: Record<string, unknown>
  readonly message: string
}

const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v))
const typeName = (t: unknown): string => (t === 'integer' ? 'an integer' : t === 'null' ? 'null' : `a ${String(t)}`)

/**
 * Checks a value against a TypeBox schema and words the errors for a branch manager: one
 * message per field, unions of literals as "must be one of ...", unknown and missing fields
 * by name.
 *
 * @example
 * schemaIssues(Type.Object({ baudRate: Type.Integer() }), {}, 'devices[0].connection')
 * //=> [{ path: 'devices[0].connection.baudRate', message: 'is required' }]
 */
export function schemaIssues(schema: TSchema, value: unknown, basePath: string): ConfigIssue[] {
  const errors = [...Value.Errors(schema, value)] as unknown as SchemaError[]
  const issues: ConfigIssue[] = []
  const seen = new Set<string>()
  const add = (path: string, message: string): void => {
    const key = `${path}\u0000${message}`
    if (seen.has(key)) return
    seen.add(key)
    issues.push({ path, message })
  }
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf')
  const branchesOf = (u: SchemaError): SchemaError[] =>
    errors.filter((b) => b.schemaPath.startsWith(`${u.schemaPath}/anyOf/`))
  // A branch failing on its type or literal value is summarised by its union's message;
  // a branch failing deeper (right type, out of range) is reported itself.
  const summarised = (e: SchemaError): boolean =>
    (e.keyword === 'const' || e.keyword === 'type') &&
    anyOfs.some((u) => u.instancePath === e.instancePath && branchesOf(u).includes(e))

  for (const e of errors) {
    const path = joinPath(basePath, e.instancePath)
    switch (e.keyword) {
      case 'boolean':
        // "schema is false" is the additionalProperties error again, at the field itself.
        break
      case 'required':
        for (const name of (e.params.requiredProperties as string[] | undefined) ?? [])
          add(joinPath(path, `/${name}`), 'is required')
        break
      case 'additionalProperties':
        for (const name of (e.params.additionalProperties as string[] | undefined) ?? []) {
          add(joinPath(path, `/${name}`), 'is not a known field')
        }
        break
      case 'anyOf': {
        const branches = branchesOf(e)
        if (branches.some((b) => !summarised(b))) break
        const allowed = [
          ...new Set(
            branches.map((b) => (b.keyword === 'const' ? show(b.params.allowedValue) : typeName(b.params.type))),
          ),
        ]
        const literals = branches.every((b) => b.keyword === 'const')
        add(path, literals ? `must be one of ${allowed.join(', ')}` : `must be ${allowed.join(' or ')}`)
        break
      }
      case 'enum':
        add(path, `must be one of ${((e.params.allowedValues as unknown[] | undefined) ?? []).map(show).join(', ')}`)
        break
      case 'minLength':
        add(path, e.params.limit === 1 ? 'must not be empty' : e.message)
        break
      case 'pattern':
        add(path, 'may only contain letters, digits, ".", "_" and "-"')
        break
      default:
        if (!summarised(e)) add(path, e.message)
    }
  }
  return issues
}
