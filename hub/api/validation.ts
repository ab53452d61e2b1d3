import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import Value from 'typebox/value'
import { schemaProblems } from '../config/schemaErrors'
import { HttpError } from './httpError'

/**
 * Validates requests with TypeBox's compiler (the same schemas the OpenAPI document shows).
 * Bodies are checked as sent — no coercion, no silently dropped fields: an unknown field or a
 * number sent as a string is a 400 naming the field. Path and query strings are converted to
 * their declared types first, since they arrive as text.
 */
export const typeboxValidator: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema)
  const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body')
  return (data: unknown) => {
    const value = httpPart === 'body' ? data : Value.Convert(schema, data)
    if (check.Check(value)) return { value }
    const problems = schemaProblems(schema, value)
    const first = problems[0] ?? '(root): is not valid'
    const [path] = first.split(': ')
    const field = path === '(root)' ? part : `${part}.${path ?? ''}`
    const message = problems.map((p) => (p.startsWith('(root)') ? `${part}${p.slice(6)}` : `${part}.${p}`)).join('; ')
    return { error: new HttpError(400, 'invalidRequest', message, field) }
  }
}
