import type { LocalizedText } from '../domain/text'
import type { ReportLabels } from '../reports/dayReport'
import type { TrendPoint } from '../reports/kpis'
import type { RangeReport } from '../reports/rangeReport'
import type { BranchRow, HqBranch } from './compareBranches'
import type { HqUserRole } from './hqRoles'

/** What headquarters answers: the shapes of its API (the route table types its client with these). */

export interface HqUserView {
  readonly id: string
  readonly name: string
  readonly role: HqUserRole
  /** The region a regional manager sees; null for head office. */
  readonly regionId: string | null
}

export interface HqSessionView {
  readonly token: string
  readonly user: HqUserView
}

export interface RegionView {
  readonly id: string
  readonly name: LocalizedText
}

/** How far HQ's copy of a branch is behind the branch. */
export interface BranchStatus {
  readonly branch: HqBranch
  /** The last event seq HQ holds (null: nothing yet). */
  readonly lastSeq: number | null
  /** The last seq the branch said it had committed (its heartbeat); null before the first. */
  readonly branchSeq: number | null
  /** Events the branch has that HQ does not yet (0 when level or unknown). */
  readonly behindEvents: number
  /** The branch time of the newest event HQ holds (epoch ms). */
  readonly lastEventAt: number | null
  /** When HQ last heard from the branch (events or heartbeat), HQ's clock. */
  readonly lastHeardAt: number | null
  /** Not heard from for longer than the offline threshold (or never). */
  readonly offline: boolean
  /** Ranges of events the branch could no longer send (pruned before they were shipped). */
  readonly gaps: number
}

/** Every branch the caller may see, side by side over a day or a range. */
export interface Comparison {
  readonly from: string
  readonly to: string
  readonly regions: readonly RegionView[]
  readonly branches: readonly HqBranch[]
  readonly rows: readonly BranchRow[]
}

/** A branch's trend over a range (its range report) with the names its labels need. */
export interface BranchTrend {
  readonly branch: HqBranch
  readonly report: RangeReport
  readonly labels: ReportLabels | null
  readonly utcOffsetMinutes: number
}

export interface GroupTrend {
  readonly regionId: string | null
  readonly points: readonly TrendPoint[]
}

export interface IssuedToken {
  readonly tokenId: number
  /** Shown once: HQ keeps only its hash. */
  readonly token: string
}

export interface TokenView {
  readonly tokenId: number
  readonly label: string
  readonly createdAt: number
  readonly revokedAt: number | null
}

/** HQ's answer to every replication message: what it holds, and the seq to send next. */
export interface ReplicationAck {
  /** Records stored by this message (duplicates are not stored twice). */
  readonly stored: number
  /** The last seq HQ holds for the branch (null: none yet). */
  readonly lastSeq: number | null
  /** The seq HQ expects next; null when it holds nothing and will take any start. */
  readonly expectedSeq: number | null
}
