import type { Db } from '../db/db'
import type { HqReports } from '../store/hqReports'
import type { Registry } from '../store/registry'
import type { ReplicationStore } from '../store/replicationStore'

/** What HQ's route handlers work with. */
export interface HqContext {
  readonly db: Db
  readonly registry: Registry
  readonly replication: ReplicationStore
  readonly reports: HqReports
  readonly now: () => number
  /** The replication protocol this HQ speaks (`REPLICATION_PROTOCOL`); a branch of a higher one is refused. */
  readonly protocol: number
}
