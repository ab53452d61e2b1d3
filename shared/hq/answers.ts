import { Type } from 'typebox'
import { answerTable } from '../api/answers'
import { DayReportSchema } from '../api/dayReportSchema'
import type { HqRoutes } from './routes'
import {
  BranchStatusSchema,
  BranchTrendSchema,
  ComparisonSchema,
  GroupTrendSchema,
  HqBranchSchema,
  HqSessionViewSchema,
  HqUserViewSchema,
  IssuedTokenSchema,
  RegionViewSchema,
  ReplicationAckSchema,
  TokenViewSchema,
} from './views'

/**
 * What each route of headquarters answers, checked by the renderer's HQ screens before use
 * (see `shared/api/answers.ts`): every field a screen reads, each schema agreeing at compile
 * time with the answer type its route declares.
 */

const Stored = Type.Object({ stored: Type.Integer({ minimum: 0 }) })

export const hqAnswers = answerTable<HqRoutes>()({
  health: Type.Object({
    ok: Type.Literal(true),
    database: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]),
  }),
  shipEvents: ReplicationAckSchema,
  heartbeat: ReplicationAckSchema,
  shipConfig: Type.Object({ stored: Type.Boolean() }),
  shipSummaries: Stored,
  shipFeedback: Stored,
  signIn: HqSessionViewSchema,
  me: HqUserViewSchema,
  signOut: Type.Object({ ok: Type.Literal(true) }),
  regions: Type.Array(RegionViewSchema),
  addRegion: RegionViewSchema,
  branches: Type.Array(BranchStatusSchema),
  addBranch: HqBranchSchema,
  issueToken: IssuedTokenSchema,
  tokens: Type.Array(TokenViewSchema),
  revokeToken: Type.Object({ revoked: Type.Boolean() }),
  addUser: HqUserViewSchema,
  compare: ComparisonSchema,
  trend: GroupTrendSchema,
  branchDay: DayReportSchema,
  branchRange: BranchTrendSchema,
})
