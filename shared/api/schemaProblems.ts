import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'

/**
 * Validates a value against a schema and returns readable problems, each naming the field:
 * `branch.counters[2].services[1]: must be string`, `network.hots: unknown field`.
 */
export function schemaProblems(schema: TSchema, value: unknown): string[] {
  const check = Compile(schema)
  if (check.Check(value)) return []
  const problems: string[] = []
  const errors = [...check.Errors(value)]
  // A union of literals fails once per literal: say "must be one of …" once instead.
  const allowed = new Map<string, string[]>()
  for (const e of errors) {
    if (e.keyword !== 'const') continue
    const list = allowed.get(e.instancePath) ?? []
    list.push(JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue))
    allowed.set(e.instancePath, list)
  }
  for (const e of errors) {
    const base = pathOf(e.instancePath)
    const label = base === '' ? '(root)' : base
    if (allowed.has(e.instancePath) && (e.keyword === 'const' || e.keyword === 'anyOf')) {
      const list = allowed.get(e.instancePath) ?? []
      problems.push(`${label}: must be ${list.length === 1 ? list[0] : `one of ${list.join(', ')}`}`)
    } else if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperties?: string[] }).additionalProperties ?? []
      for (const name of extra) problems.push(`${join(base, name)}: unknown field`)
    } else if (e.keyword === 'required') {
      const missing = (e.params as { requiredProperties?: string[] }).requiredProperties ?? []
      for (const name of missing) problems.push(`${join(base, name)}: is required`)
    } else if (e.keyword === 'boolean' && e.schemaPath.endsWith('additionalProperties')) {
      // Reported above as "unknown field".
    } else {
      problems.push(`${label}: ${e.message}`)
    }
  }
  return [...new Set(problems)]
}

/** `/branch/counters/2/services` → `branch.counters[2].services` */
function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : join(acc, p)), '')
}

function join(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`
}
