import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { joinPath, mustBeOneOf, problemLines, schemaProblems } from '../../../shared/util/schemaProblems'

const Dist = Type.Union([
  Type.Object(
    { dist: Type.Literal('exp'), meanSec: Type.Number({ exclusiveMinimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { dist: Type.Literal('det'), sec: Type.Number({ exclusiveMinimum: 0 }) },
    { additionalProperties: false },
  ),
])
const Thing = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z]+$' }),
    open: Type.String({ pattern: '^\\d\\d:\\d\\d$', errorMessage: 'must be a time of day, HH:MM' }),
    reason: Type.Optional(Type.String({ minLength: 1 })),
    mode: Type.Optional(Type.Union([Type.Literal('fast'), Type.Literal('slow')])),
    size: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    time: Type.Optional(Dist),
  },
  { additionalProperties: false },
)
const good = { id: 'abc', open: '09:00' }

describe('schemaProblems', () => {
  it('finds nothing in a good value', () => {
    expect(schemaProblems(Thing, good)).toEqual([])
  })

  it('names missing and unknown fields by their path', () => {
    expect(schemaProblems(Thing, { open: '09:00', colour: 'red' }, 'things[2]')).toEqual(
      expect.arrayContaining([
        { path: 'things[2].id', message: 'is required' },
        { path: 'things[2].colour', message: 'unknown field' },
      ]),
    )
  })

  it("uses a schema's own words where it has them, and the pattern where it has not", () => {
    expect(problemLines(schemaProblems(Thing, { ...good, open: '9am', id: 'A1' }))).toEqual(
      expect.arrayContaining(['open: must be a time of day, HH:MM', 'id: must match pattern ^[a-z]+$']),
    )
  })

  it('says an empty text is empty, and lists the literals of a union', () => {
    expect(schemaProblems(Thing, { ...good, reason: '' })).toEqual([{ path: 'reason', message: 'must not be empty' }])
    expect(schemaProblems(Thing, { ...good, mode: 'turbo' })).toEqual([
      { path: 'mode', message: 'must be one of "fast", "slow"' },
    ])
    expect(schemaProblems(Thing, { ...good, size: 'big' })).toEqual([
      { path: 'size', message: 'must be a number or null' },
    ])
  })

  it('judges a tagged union as the variant its tag names', () => {
    expect(schemaProblems(Thing, { ...good, time: { dist: 'det', meanSec: 3 } })).toEqual(
      expect.arrayContaining([
        { path: 'time.sec', message: 'is required' },
        { path: 'time.meanSec', message: 'unknown field' },
      ]),
    )
    expect(schemaProblems(Thing, { ...good, time: { dist: 'weibull' } })).toEqual([
      { path: 'time.dist', message: mustBeOneOf(['exp', 'det']) },
    ])
  })

  it('reports every field of a value with many problems, not only the first eight errors', () => {
    const Many = Type.Object(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, Type.Integer()])), {
      additionalProperties: false,
    })
    const value = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, 'x']))
    expect(schemaProblems(Many, value).map((p) => p.path)).toEqual(Array.from({ length: 12 }, (_, i) => `f${i}`))
  })

  it('joins JSON pointers onto dotted paths', () => {
    expect(joinPath('devices[2]', '/protocol/fields/0/kind')).toBe('devices[2].protocol.fields[0].kind')
    expect(joinPath('', '/a~1b')).toBe('a/b')
  })
})
