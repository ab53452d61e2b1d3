import { readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { COMMAND_ERROR_KINDS, fromCommandError } from '../../hub/api/httpError'
import { COMMAND_ERROR_CODES, type CommandErrorCode } from '../../shared/queue/errors'

// The HTTP status of every engine refusal is stated once (COMMAND_ERROR_KINDS, a Record over the
// codes: a new code without one does not compile) and documented code by code in
// docs/queue-engine.md; the two must say the same.

/** The rows of the docs' table: code and the status column as written. */
function documentedRows(): [string, string][] {
  const doc = readFileSync(new URL('../../docs/queue-engine.md', import.meta.url), 'utf8')
  const section = doc.split('## Refusals and their HTTP status')[1]?.split('\n## ')[0] ?? ''
  return [...section.matchAll(/^\|\s*`(\w+)`\s*\|\s*([^|]+?)\s*\|$/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()])
}
const documented = new Map(documentedRows())

const STATUS_TEXT = { 400: '400', 409: '409', 404: '404 in the path, 422 in the body' } as const

describe('the HTTP status of an engine refusal', () => {
  it('has a kind for every code, and for nothing else', () => {
    expectTypeOf<keyof typeof COMMAND_ERROR_KINDS>().toEqualTypeOf<CommandErrorCode>()
    expect(Object.keys(COMMAND_ERROR_KINDS).sort()).toEqual([...COMMAND_ERROR_CODES].sort())
  })

  it('lists every code once in the docs’ table, and no other', () => {
    const rows = documentedRows()
    expect(rows.map(([code]) => code).sort()).toEqual([...COMMAND_ERROR_CODES].sort())
  })

  it.each(COMMAND_ERROR_CODES.map((code) => [code]))('answers %s with the documented status', (code) => {
    const inPath = fromCommandError({ code, message: 'm', field: 'ticketId' }, ['ticketId']).statusCode
    const inBody = fromCommandError({ code, message: 'm', field: 'ticketId' }, []).statusCode
    const written =
      inPath === 404 && inBody === 422 ? STATUS_TEXT[404] : inPath === inBody ? String(inBody) : `${inPath}/${inBody}`
    expect(written).toBe(documented.get(code))
  })

  describe('edge cases', () => {
    it('names the field at fault where the request carried it', () => {
      const e = fromCommandError({ code: 'unknownTicket', message: 'm', field: 'ticketId' }, ['ticketId'])
      expect([e.statusCode, e.code, e.field]).toEqual([404, 'unknownTicket', 'params.ticketId'])
      const b = fromCommandError({ code: 'unknownService', message: 'm', field: 'serviceId' }, ['ticketId'])
      expect([b.statusCode, b.field]).toEqual([422, 'body.serviceId'])
      expect(fromCommandError({ code: 'counterPaused', message: 'm' }, []).field).toBeUndefined()
    })
  })
})
