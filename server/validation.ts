import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import Value from 'typebox/value'
import { problemLines, schemaProblems } from '../shared/util/schemaProblems'
import { HttpError } from './httpError'

/** At most this many problems in one answer: enough to fix a request, never a wall of text. */
const MOST = 5

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
    const problems = schemaProblems(schema, value, part).slice(0, MOST)
    const field = problems[0]?.path ?? part
    const message = problems.length === 0 ? `${part}: is not valid` : problemLines(problems).join('; ')
    return { error: new HttpError(400, 'invalidRequest', message, field) }
  }
}
