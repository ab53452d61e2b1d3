import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import Value from 'typebox/value'
import { schemaProblems } from '../../shared/api/schemaProblems'
import { HqHttpError } from './httpError'

/**
 * Requests are checked with TypeBox's compiled validators, against the schemas the OpenAPI
 * document shows: bodies as sent (an unknown field or a wrong type is a 400 naming the field),
 * path and query strings converted to their declared types first.
 */
export const hqValidator: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema)
  const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body')
  return (data: unknown) => {
    const value = httpPart === 'body' ? data : Value.Convert(schema, data)
    if (check.Check(value)) return { value }
    const problems = schemaProblems(schema, value).slice(0, 5)
    const first = problems[0] ?? '(root): is not valid'
    const path = first.split(': ')[0] ?? '(root)'
    const field = path === '(root)' ? part : `${part}.${path}`
    const message = problems.map((p) => (p.startsWith('(root)') ? `${part}${p.slice(6)}` : `${part}.${p}`)).join('; ')
    return { error: new HqHttpError(400, 'invalidRequest', message, field) }
  }
}
