import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import { EVENT_SCHEMAS, RecordEnvelopeSchema, type JournalRecord } from '../../shared/queue/eventSchema'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'

/**
 * Reading a journal line back: the envelope first, so an unknown event type is named as such,
 * then the schema of exactly its event type (shared/queue/eventSchema.ts).
 */
const checkEnvelope = Compile(RecordEnvelopeSchema)
const checkEvent = new Map(
  Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [type, { schema, check: Compile(schema as TSchema) }]),
)

/** A line that is JSON but not a record this hub can replay. */
export class RecordProblem extends Error {
  constructor(
    message: string,
    /** The line names an event type this version does not know (a newer version wrote it?). */
    readonly unknownType: boolean,
  ) {
    super(message)
    this.name = 'RecordProblem'
  }
}

/**
 * Checks a parsed journal line against the schema of its event type and returns it as a
 * record; throws a `RecordProblem` naming what is wrong.
 */
export function toJournalRecord(value: unknown): JournalRecord {
  if (!checkEnvelope.Check(value)) {
    throw new RecordProblem(
      `not a journal record (${problemLines(schemaProblems(RecordEnvelopeSchema, value)).join('; ')})`,
      false,
    )
  }
  const type = value.e.type
  const known = Object.hasOwn(EVENT_SCHEMAS, type) ? checkEvent.get(type) : undefined
  if (known === undefined) {
    throw new RecordProblem(`unknown event type '${type}' (written by a newer version of Branch Lobby?)`, true)
  }
  if (!known.check.Check(value.e)) {
    throw new RecordProblem(
      `a '${type}' event that does not fit its schema (${problemLines(schemaProblems(known.schema as TSchema, value.e)).join('; ')})`,
      false,
    )
  }
  // Checked above against the schema of exactly this event type.
  return value as unknown as JournalRecord
}
