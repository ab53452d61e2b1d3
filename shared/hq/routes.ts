import { Type } from 'typebox'
import { dateInput, LocalizedTextSchema } from '../api/common'
import { routeFor } from '../api/route'
import type { DayReport } from '../reports/dayReport'
import { JournalRecordSchema } from '../queue/eventSchema'
import { HQ_USER_ROLES, type HqAccess, type HqUserRole } from './hqRoles'
import { FeedbackRecordSchema, ReportConfigSchema } from './shippedSchemas'
import { DailySummarySchema } from './summarySchema'
import type { HqBranch } from './compareBranches'
import type {
  BranchStatus,
  BranchTrend,
  Comparison,
  GroupTrend,
  HqSessionView,
  HqUserView,
  IssuedToken,
  RegionView,
  ReplicationAck,
  TokenView,
} from './views'

/**
 * Headquarters' HTTP API, version 1: replication from branch hubs, sign-in, administration and
 * the cross-branch reports. HQ serves the OpenAPI document generated from these at
 * `/api/hq/v1/openapi.json`; the renderer's HQ screens are typed by the same table.
 */
const route = routeFor<HqAccess>()
const strict = { additionalProperties: false } as const
const USERS: readonly HqAccess[] = ['headOffice', 'regional']
const DateSchema = dateInput()
const code = (description: string) =>
  Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$', description })
const BranchParams = Type.Object({ branchId: code('A branch code, e.g. "sh-pudong"') }, strict)
const RangeQuery = Type.Object({ from: DateSchema, to: DateSchema }, strict)

/**
 * The version of what a branch ships (`shipEvents`, `shipConfig`, `shipSummaries`,
 * `shipFeedback`: their fields and the event types they carry), sent by the branch in the
 * `REPLICATION_PROTOCOL_HEADER` of every replication request. Raised by one whenever a release
 * adds a field or an event type to them: HQ refuses a branch of a higher protocol than its own
 * (409 `hqOutdated`, with both versions) rather than drop or misread what it does not know, and
 * takes every lower one. So HQ must be upgraded before its branches (docs/hq.md).
 * 1: branches before the header (no header is taken as 1); 2: the first to send it (2026-12-07:
 * summaries with `rulesVersion`, `autoClosed`, `dayEnded`, the estimate's `ranged`; feedback
 * with `resolvedBy`; HQ takes them all).
 */
export const REPLICATION_PROTOCOL = 2
export const REPLICATION_PROTOCOL_HEADER = 'x-replication-protocol'

/** Most records one replication message may carry (and about 1 MB of JSON). */
export const MAX_BATCH_RECORDS = 2000

export const hqRoutes = {
  health: route<{ ok: true; database: 'postgres' | 'pglite' }>({
    method: 'GET',
    path: '/api/hq/v1/health',
    summary: 'Liveness and the kind of database',
    tags: ['system'],
    access: ['public'],
  }),

  shipEvents: route<ReplicationAck, undefined, ReturnType<typeof eventsBody>>({
    method: 'POST',
    path: '/api/hq/v1/replication/events',
    summary: "A batch of one day's journal records, in order (idempotent on branch, day, seq)",
    tags: ['replication'],
    access: ['branch'],
    body: eventsBody(),
  }),
  heartbeat: route<ReplicationAck, undefined, ReturnType<typeof heartbeatBody>>({
    method: 'POST',
    path: '/api/hq/v1/replication/heartbeat',
    summary: "The branch's committed seq; answers where HQ's copy stands",
    tags: ['replication'],
    access: ['branch'],
    body: heartbeatBody(),
  }),
  shipConfig: route<{ stored: boolean }, undefined, ReturnType<typeof configBody>>({
    method: 'POST',
    path: '/api/hq/v1/replication/config',
    summary: 'A version of the configuration the branch builds its reports with',
    tags: ['replication'],
    access: ['branch'],
    body: configBody(),
  }),
  shipSummaries: route<{ stored: number }, undefined, ReturnType<typeof summariesBody>>({
    method: 'POST',
    path: '/api/hq/v1/replication/summaries',
    summary: "Daily summaries of the branch's closed days (replaces a date's earlier one)",
    tags: ['replication'],
    access: ['branch'],
    body: summariesBody(),
  }),
  shipFeedback: route<{ stored: number }, undefined, ReturnType<typeof feedbackBody>>({
    method: 'POST',
    path: '/api/hq/v1/replication/feedback',
    summary: 'Feedback records, new or changed (replaces a record with the same id)',
    tags: ['replication'],
    access: ['branch'],
    body: feedbackBody(),
  }),

  signIn: route<HqSessionView, undefined, ReturnType<typeof signInBody>>({
    method: 'POST',
    path: '/api/hq/v1/sessions',
    summary: 'Sign in as a head-office or regional user',
    tags: ['auth'],
    access: ['public'],
    body: signInBody(),
  }),
  me: route<HqUserView>({
    method: 'GET',
    path: '/api/hq/v1/sessions/current',
    summary: 'Who this session belongs to',
    tags: ['auth'],
    access: USERS,
  }),
  signOut: route<{ ok: true }>({
    method: 'DELETE',
    path: '/api/hq/v1/sessions/current',
    summary: 'Sign out',
    tags: ['auth'],
    access: USERS,
  }),

  regions: route<RegionView[]>({
    method: 'GET',
    path: '/api/hq/v1/regions',
    summary: 'The regions the caller may see',
    tags: ['admin'],
    access: USERS,
  }),
  addRegion: route<RegionView, undefined, ReturnType<typeof regionBody>>({
    method: 'POST',
    path: '/api/hq/v1/regions',
    summary: 'Add a region',
    tags: ['admin'],
    access: ['headOffice'],
    body: regionBody(),
  }),
  branches: route<BranchStatus[]>({
    method: 'GET',
    path: '/api/hq/v1/branches',
    summary: "The caller's branches with how far HQ's copy is behind each",
    tags: ['admin'],
    access: USERS,
  }),
  addBranch: route<HqBranch, undefined, ReturnType<typeof branchBody>>({
    method: 'POST',
    path: '/api/hq/v1/branches',
    summary: 'Add a branch',
    tags: ['admin'],
    access: ['headOffice'],
    body: branchBody(),
  }),
  issueToken: route<IssuedToken, typeof BranchParams, ReturnType<typeof tokenBody>>({
    method: 'POST',
    path: '/api/hq/v1/branches/:branchId/tokens',
    summary: "Issue a branch token (shown once; put it in the branch's hq.token)",
    tags: ['admin'],
    access: ['headOffice'],
    params: BranchParams,
    body: tokenBody(),
  }),
  tokens: route<TokenView[], typeof BranchParams>({
    method: 'GET',
    path: '/api/hq/v1/branches/:branchId/tokens',
    summary: "A branch's tokens (never the tokens themselves)",
    tags: ['admin'],
    access: ['headOffice'],
    params: BranchParams,
  }),
  revokeToken: route<{ revoked: boolean }, ReturnType<typeof tokenParams>>({
    method: 'DELETE',
    path: '/api/hq/v1/tokens/:tokenId',
    summary: 'Revoke a branch token: it stops working at once',
    tags: ['admin'],
    access: ['headOffice'],
    params: tokenParams(),
  }),
  addUser: route<HqUserView, undefined, ReturnType<typeof userBody>>({
    method: 'POST',
    path: '/api/hq/v1/users',
    summary: 'Add a head-office or regional user',
    tags: ['admin'],
    access: ['headOffice'],
    body: userBody(),
  }),

  compare: route<Comparison, undefined, undefined, typeof RangeQuery>({
    method: 'GET',
    path: '/api/hq/v1/compare',
    summary: 'Every branch the caller sees, side by side over a day or a range',
    tags: ['reports'],
    access: USERS,
    query: RangeQuery,
  }),
  trend: route<GroupTrend, undefined, undefined, ReturnType<typeof trendQuery>>({
    method: 'GET',
    path: '/api/hq/v1/trend',
    summary: "The trend of a region (or of all the caller's branches) by day or week",
    tags: ['reports'],
    access: USERS,
    query: trendQuery(),
  }),
  branchDay: route<DayReport, ReturnType<typeof dayParams>>({
    method: 'GET',
    path: '/api/hq/v1/branches/:branchId/days/:date',
    summary: "One branch's day report, built from its replicated events",
    tags: ['reports'],
    access: USERS,
    params: dayParams(),
  }),
  branchRange: route<BranchTrend, typeof BranchParams, undefined, typeof RangeQuery>({
    method: 'GET',
    path: '/api/hq/v1/branches/:branchId/range',
    summary: "One branch's trend over a range",
    tags: ['reports'],
    access: USERS,
    params: BranchParams,
    query: RangeQuery,
  }),
} as const

export type HqRoutes = typeof hqRoutes
export type HqRouteName = keyof HqRoutes

function eventsBody() {
  return Type.Object(
    {
      day: DateSchema,
      records: Type.Array(JournalRecordSchema, { minItems: 1, maxItems: MAX_BATCH_RECORDS }),
      gap: Type.Optional(
        Type.Boolean({ description: 'The events before these are lost at the branch (pruned before shipping)' }),
      ),
    },
    strict,
  )
}
function heartbeatBody() {
  return Type.Object(
    {
      branchSeq: Type.Integer({ minimum: 0, description: "The branch's last committed seq" }),
      at: Type.Number({ minimum: 0, description: "The branch's clock (epoch ms)" }),
    },
    strict,
  )
}
function configBody() {
  return Type.Object({ hash: Type.String({ minLength: 8, maxLength: 128 }), config: ReportConfigSchema }, strict)
}
function summariesBody() {
  return Type.Object({ summaries: Type.Array(DailySummarySchema, { minItems: 1, maxItems: 400 }) }, strict)
}
function feedbackBody() {
  return Type.Object({ records: Type.Array(FeedbackRecordSchema, { minItems: 1, maxItems: 500 }) }, strict)
}
function signInBody() {
  return Type.Object(
    { userId: Type.String({ minLength: 1, maxLength: 60 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
    strict,
  )
}
function regionBody() {
  return Type.Object({ id: code('A region code, e.g. "east"'), name: LocalizedTextSchema }, strict)
}
function branchBody() {
  return Type.Object(
    { id: code('A branch code, e.g. "sh-pudong"'), name: LocalizedTextSchema, regionId: code('Its region') },
    strict,
  )
}
function tokenBody() {
  return Type.Object({ label: Type.String({ minLength: 1, maxLength: 60 }) }, strict)
}
function tokenParams() {
  return Type.Object({ tokenId: Type.Integer({ minimum: 1 }) }, strict)
}
function userBody() {
  return Type.Object(
    {
      id: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_.-]+$' }),
      name: Type.String({ minLength: 1, maxLength: 60 }),
      role: Type.Unsafe<HqUserRole>(Type.Union(HQ_USER_ROLES.map((r) => Type.Literal(r)))),
      regionId: Type.Union([code('The region a regional manager sees'), Type.Null()]),
      password: Type.String({ minLength: 10, maxLength: 200 }),
    },
    strict,
  )
}
function trendQuery() {
  return Type.Object(
    {
      from: DateSchema,
      to: DateSchema,
      grain: Type.Union([Type.Literal('day'), Type.Literal('week')]),
      regionId: Type.Optional(code('A region; all the caller sees when absent')),
    },
    strict,
  )
}
function dayParams() {
  return Type.Object({ branchId: code('A branch code'), date: DateSchema }, strict)
}
