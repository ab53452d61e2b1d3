import { Type, type Static } from 'typebox'
import { CountSchema, DaySchema, EpochMsSchema, LocalizedTextSchema, Nullable, literals } from '../api/common'
import { ReportLabelsSchema } from '../api/dayReportSchema'
import { KpisSchema, RangeReportSchema, TrendPointSchema } from '../api/rangeReportSchema'
import type { Agreed, Agrees, Frozen } from '../util/agrees'
import type { BranchRow, HqBranch } from './compareBranches'
import { HQ_USER_ROLES } from './hqRoles'

/**
 * What headquarters answers, as schemas: HQ's screens check every answer with them
 * (`answers.ts`), and the types the route table and the screens use are derived from them
 * (`Static`, read-only). Rows HQ builds from domain types agree with them at compile time.
 */

const Num = Type.Number()
const Text = Type.String()
const MaybeCount = Nullable(CountSchema)

export const HqUserViewSchema = Type.Object({
  id: Text,
  name: Text,
  role: literals(HQ_USER_ROLES),
  /** The region a regional manager sees; null for head office. */
  regionId: Nullable(Text),
})
export type HqUserView = Frozen<Static<typeof HqUserViewSchema>>

export const HqSessionViewSchema = Type.Object({ token: Type.String({ minLength: 1 }), user: HqUserViewSchema })
export type HqSessionView = Frozen<Static<typeof HqSessionViewSchema>>

export const RegionViewSchema = Type.Object({ id: Text, name: LocalizedTextSchema })
export type RegionView = Frozen<Static<typeof RegionViewSchema>>

/** A branch as HQ knows it: the code HQ issued (`sh-pudong`, used in every address), its name, its region. */
export const HqBranchSchema = Type.Object({ id: Text, name: LocalizedTextSchema, regionId: Text })

/** How far HQ's copy of a branch is behind the branch. */
export const BranchStatusSchema = Type.Object({
  branch: HqBranchSchema,
  /** The last event seq HQ holds (null: nothing yet). */
  lastSeq: MaybeCount,
  /** The last seq the branch said it had committed (its heartbeat); null before the first. */
  branchSeq: MaybeCount,
  /** Events the branch has that HQ does not yet (0 when level or unknown). */
  behindEvents: CountSchema,
  /** The branch time of the newest event HQ holds (epoch ms). */
  lastEventAt: Nullable(EpochMsSchema),
  /** When HQ last heard from the branch (events or heartbeat), HQ's clock. */
  lastHeardAt: Nullable(EpochMsSchema),
  /** Not heard from for longer than the offline threshold (or never). */
  offline: Type.Boolean(),
  /** Ranges of events the branch could no longer send (pruned before they were shipped). */
  gaps: CountSchema,
})
export type BranchStatus = Frozen<Static<typeof BranchStatusSchema>>

/** One branch's figures over a day or a range (`compareBranches.ts`). */
export const BranchRowSchema = Type.Object({
  branchId: Text,
  regionId: Text,
  days: CountSchema,
  autoClosedDays: Type.Array(Type.Object({ date: DaySchema, autoClosed: literals(['endOfDay', 'afterOutage']) })),
  olderRulesDays: Type.Array(DaySchema),
  kpis: KpisSchema,
  noShowShare: Nullable(Num),
  shortfallCounterHours: Num,
  shortHours: Num,
})

/** Every branch the caller may see, side by side over a day or a range. */
export const ComparisonSchema = Type.Object({
  from: DaySchema,
  to: DaySchema,
  regions: Type.Array(RegionViewSchema),
  branches: Type.Array(HqBranchSchema),
  rows: Type.Array(BranchRowSchema),
})
export type Comparison = Frozen<Static<typeof ComparisonSchema>>

/** A branch's trend over a range (its range report) with the names its labels need. */
export const BranchTrendSchema = Type.Object({
  branch: HqBranchSchema,
  report: RangeReportSchema,
  labels: Nullable(ReportLabelsSchema),
  utcOffsetMinutes: Type.Integer(),
})
export type BranchTrend = Frozen<Static<typeof BranchTrendSchema>>

export const GroupTrendSchema = Type.Object({ regionId: Nullable(Text), points: Type.Array(TrendPointSchema) })
export type GroupTrend = Frozen<Static<typeof GroupTrendSchema>>

/** A branch's new replication token: shown once, HQ keeps only its hash. */
export const IssuedTokenSchema = Type.Object({ tokenId: Num, token: Type.String({ minLength: 1 }) })
export type IssuedToken = Frozen<Static<typeof IssuedTokenSchema>>

export const TokenViewSchema = Type.Object({ tokenId: Num, label: Text, createdAt: Num, revokedAt: Nullable(Num) })
export type TokenView = Frozen<Static<typeof TokenViewSchema>>

/**
 * HQ's answer to every replication message: the records stored by this message (duplicates are
 * not stored twice), the last seq HQ holds for the branch (null: none yet), and the seq it
 * expects next (null when it holds nothing and will take any start).
 */
export const ReplicationAckSchema = Type.Object({
  stored: CountSchema,
  lastSeq: MaybeCount,
  expectedSeq: MaybeCount,
})
export type ReplicationAck = Frozen<Static<typeof ReplicationAckSchema>>

export type HqBranchAgrees = Agreed<Agrees<Static<typeof HqBranchSchema>, HqBranch>>
export type BranchRowAgrees = Agreed<Agrees<Static<typeof BranchRowSchema>, BranchRow>>
