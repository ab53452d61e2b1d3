import { Type } from 'typebox'
import { WhatIfResultSchema } from '../../shared/api/views'
import { answerParser, parserOf, requestSchema } from '../workerCalls'

/**
 * The what-if simulator's messages (`whatIf.ts` ↔ `simulationWorker.ts`), described once. The
 * scenario travels as it came (the worker parses it with `parseScenario`, the one check of a
 * scenario); the answer is checked whole, as the route hands it on: a what-if takes up to a
 * second, its check a fraction of a millisecond.
 */

/** A what-if to run: the scenario as received, and the seed of its day. */
export const WhatIfRequestSchema = Type.Object(
  { scenario: Type.Unknown(), seed: Type.Integer() },
  { additionalProperties: false },
)

/** The simulated day (or the scenario's problems), and whether the thread had that very day already. */
export const WhatIfAnswerSchema = Type.Object(
  { result: WhatIfResultSchema, fromCache: Type.Boolean() },
  { additionalProperties: false },
)

export const parseWhatIfRequest = parserOf(requestSchema(WhatIfRequestSchema))
export const parseWhatIfAnswer = answerParser(WhatIfAnswerSchema)
