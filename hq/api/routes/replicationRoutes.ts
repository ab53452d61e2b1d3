import type { FastifyInstance } from 'fastify'
import { hqRoutes } from '../../../shared/hq/routes'
import { summaryFromSchema } from '../../../shared/hq/summarySchema'
import { feedbackFromSchema } from '../../../shared/hq/shippedSchemas'
import type { HqContext } from '../context'
import { HttpError } from '../../../server/httpError'
import { branchOf, onHq } from '../register'

/**
 * Admits at most `inFlight` batches at once and `queued` more waiting; beyond that a branch is
 * told to come back later (429 with Retry-After), so a crowd of branches catching up after an
 * outage slows down instead of piling work and memory onto HQ.
 */
export class IngestGate {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly inFlight: number,
    private readonly queued: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.inFlight) {
      if (this.waiting.length >= this.queued) {
        throw new HttpError(429, 'busy', 'HQ is busy storing other branches’ batches; send this one again shortly')
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    try {
      return await work()
    } finally {
      const next = this.waiting.shift()
      if (next === undefined) this.running--
      else next()
    }
  }
}

export function registerReplicationRoutes(app: FastifyInstance, ctx: HqContext, gate: IngestGate): void {
  onHq(app, ctx, hqRoutes.shipEvents, async (call) =>
    gate.run(() =>
      ctx.replication.ingest(branchOf(call).key, call.body.day, call.body.records, call.body.gap === true),
    ),
  )
  onHq(app, ctx, hqRoutes.heartbeat, async (call) => ctx.replication.heartbeat(branchOf(call).key, call.body.branchSeq))
  onHq(app, ctx, hqRoutes.shipConfig, async (call) => ({
    stored: await ctx.replication.storeConfig(branchOf(call).key, call.body.hash, call.body.config),
  }))
  onHq(app, ctx, hqRoutes.shipSummaries, async (call) => ({
    stored: await ctx.replication.storeSummaries(branchOf(call).key, call.body.summaries.map(summaryFromSchema)),
  }))
  onHq(app, ctx, hqRoutes.shipFeedback, async (call) => ({
    stored: await ctx.replication.storeFeedback(branchOf(call).key, call.body.records.map(feedbackFromSchema)),
  }))
}
