import { Type, type Static, type TSchema, type TUnsafe } from 'typebox'
import type { CounterId, DelayId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'

/**
 * Schemas of the values every API message and the configuration file share. They validate at
 * the hub, describe the OpenAPI document, and give the renderer's client its types; the ids
 * come out branded so the domain types fit without casts.
 */

const id = (description: string) =>
  Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description })

export const ServiceIdSchema = Type.Unsafe<ServiceId>(id('A service id, e.g. "personal"'))
export const CounterIdSchema = Type.Unsafe<CounterId>(id('A counter id, e.g. "c3"'))
export const TicketIdSchema = Type.Unsafe<TicketId>(id('A ticket id, e.g. "20261124-A023"'))
export const StaffIdSchema = Type.Unsafe<StaffId>(id('A staff id, e.g. "t01"'))
export const PriorityClassIdSchema = Type.Unsafe<PriorityClassId>(id('A declared priority class, e.g. "vip"'))
export const DelayIdSchema = Type.Unsafe<DelayId>(id('A delay explanation id'))

export const LanguageSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], {
  description: 'The language the customer chose',
})

export const LocalizedTextSchema = Type.Object(
  {
    'zh-CN': Type.String({ maxLength: 500 }),
    en: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false, description: 'A text in Chinese and English' },
)

/** Epoch milliseconds. */
export const EpochMsSchema = Type.Number({ minimum: 0, description: 'Epoch milliseconds' })

/**
 * A value or null. A union's branches are joined with null in one flat union, so a wrong value
 * is told as "must be one of …" rather than by the nested union's bare "anyOf".
 */
export const Nullable = <S extends TSchema>(s: S): TUnsafe<Static<S> | null> => {
  const branches = (s as { anyOf?: unknown }).anyOf
  return Type.Unsafe<Static<S> | null>(
    Type.Union([...(Array.isArray(branches) ? (branches as TSchema[]) : [s]), Type.Null()]),
  )
}

/**
 * One of a list of words, typed as exactly those words (so a list missing one of a domain
 * type's members fails the agreement checks, `shared/util/agrees.ts`).
 *
 * @example
 * literals(['kiosk', 'display']) // checks 'kiosk' | 'display'
 */
export const literals = <const T extends readonly string[]>(words: T): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>(Type.Union(words.map((w) => Type.Literal(w))))

/** A local date, YYYY-MM-DD. */
export const DaySchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

/**
 * A date a request names (in its path, query or body): a calendar date, YYYY-MM-DD. `2026-02-30`
 * or `2026-13-45` is bad input, answered 400 naming the field, not looked up as a day that has no
 * journal, nor taken as the end of a range. (Answers keep `DaySchema`: the hub writes real dates.)
 *
 * @example
 * dateInput() // checks '2026-11-30'; refuses '2026-11-31': "must be a calendar date, YYYY-MM-DD"
 */
export const dateInput = (description = 'YYYY-MM-DD') =>
  Type.String({ format: 'date', description, errorMessage: 'must be a calendar date, YYYY-MM-DD' })

/** A count, 0 or more. */
export const CountSchema = Type.Integer({ minimum: 0 })
