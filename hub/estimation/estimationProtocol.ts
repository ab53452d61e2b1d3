import { Type, type Static } from 'typebox'
import { Nullable } from '../../shared/api/common'
import { WaitEstimateSchema } from '../../shared/api/queueStateSchema'
import type { Agreed, Agrees } from '../../shared/util/agrees'
import { answerParser, parserOf, requestSchema } from '../workerCalls'
import type { EstimationJob, ThreadEstimates } from './estimationJob'

/**
 * The estimation thread's messages (`estimationThread.ts` ↔ `estimationWorker.ts`), described
 * once. The job is the hub's own data, handed over in the same process: its envelope and the
 * fields the worker reads first are checked, not the queue inside it. The answer is checked
 * whole (every estimate's four numbers, and each mean of the projection of who is already
 * there), on the hub's event loop, outside the thread's estimate: median 15 µs for 100 waiting
 * and 42 µs for 300 before those means were added (30 and 88 µs after, on a loaded machine),
 * p99 up to a few ms under heavy load (`bench/workerProtocol.bench.ts`).
 */

const Obj = Type.Object({})

/** A job: the queue, the branch and the model as objects; the fields that pick the work, exactly. */
const JobSchema = Type.Unsafe<EstimationJob>(
  Type.Object({
    state: Obj,
    branch: Obj,
    model: Obj,
    usual: Nullable(Obj),
    recentIssued: Type.Array(Obj),
    schedule: Type.Array(Obj),
    doorsClose: Nullable(Type.Number()),
    now: Type.Number(),
    only: Nullable(Type.String()),
    wouldBe: Nullable(Type.Array(Obj)),
  }),
)

export const ThreadEstimatesSchema = Type.Object(
  {
    tickets: Type.Record(Type.String(), WaitEstimateSchema),
    newTicket: Type.Record(Type.String(), Type.Record(Type.String(), WaitEstimateSchema)),
    present: Type.Object(
      {
        tickets: Type.Record(Type.String(), Type.Number()),
        newTicket: Type.Record(Type.String(), Type.Record(Type.String(), Type.Number())),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

export const parseEstimationRequest = parserOf(requestSchema(JobSchema))
export const parseEstimationAnswer = answerParser(ThreadEstimatesSchema)

/** The answer's schema and the estimator's type cannot drift apart. */
export type ThreadEstimatesAgree = Agreed<Agrees<Static<typeof ThreadEstimatesSchema>, ThreadEstimates>>
