import type { AddressInfo } from 'node:net'
import { buildHqApp } from './api/app'
import type { HqContext } from './api/context'
import { openDb, type DbTarget } from './db/openDb'
import { HqReports } from './store/hqReports'
import { Registry } from './store/registry'
import { ReplicationStore } from './store/replicationStore'
import { REPLICATION_PROTOCOL } from '../shared/hq/routes'

export interface HqOptions {
  readonly db: DbTarget
  readonly host: string
  /** 0: any free port. */
  readonly port: number
  readonly rendererDir: string | null
  readonly logger?: boolean
  readonly now?: () => number
  readonly signInAttemptsPerMinute?: number
  readonly offlineAfterMs?: number
  readonly liveRefreshMs?: number
  readonly ingestInFlight?: number
  readonly ingestQueued?: number
  /** The replication protocol HQ speaks: `REPLICATION_PROTOCOL`; a test sets a lower one to play an HQ of an older release. */
  readonly replicationProtocol?: number
}

export interface RunningHq {
  readonly url: string
  readonly context: HqContext
  /** Stops HQ; stopping again (or at once twice) waits for the same stop. */
  close(): Promise<void>
}

/** Opens (and migrates) the database and serves HQ's API and screens. */
export async function startHq(options: HqOptions): Promise<RunningHq> {
  const now = options.now ?? Date.now
  const db = await openDb(options.db)
  const registry = new Registry(db, now)
  const context: HqContext = {
    db,
    registry,
    replication: new ReplicationStore(db, now),
    reports: new HqReports(db, registry, now, {
      offlineAfterMs: options.offlineAfterMs ?? 5 * 60_000,
      liveRefreshMs: options.liveRefreshMs ?? 60_000,
    }),
    now,
    protocol: options.replicationProtocol ?? REPLICATION_PROTOCOL,
  }
  const app = await buildHqApp(context, {
    rendererDir: options.rendererDir,
    logger: options.logger ?? false,
    signInAttemptsPerMinute: options.signInAttemptsPerMinute ?? 20,
    ingestInFlight: options.ingestInFlight ?? 4,
    ingestQueued: options.ingestQueued ?? 64,
  })
  try {
    await app.listen({ host: options.host, port: options.port })
  } catch (e) {
    await db.close()
    throw e
  }
  const address = app.server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let stopping: Promise<void> | null = null
  const stop = async (): Promise<void> => {
    await app.close()
    await db.close()
  }
  return {
    url: `http://${host}:${address.port}`,
    context,
    // Stopping twice stops once (a second signal, a test's clean-up after it stopped HQ itself):
    // a pool or PGlite closed twice throws ("Called end on pool more than once").
    close: () => (stopping ??= stop()),
  }
}
