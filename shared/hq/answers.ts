import { Type, type TSchema } from 'typebox'
import { answer, type AnswerSchemas } from '../api/answers'
import { LocalizedTextSchema } from '../api/common'
import { HQ_USER_ROLES } from './hqRoles'
import type { HqRoutes } from './routes'

/**
 * What each route of headquarters answers, checked by the renderer's HQ screens before use
 * (see `shared/api/answers.ts`): the views field by field, reports by what a screen reads first.
 */

const Nullable = <S extends TSchema>(s: S) => Type.Union([s, Type.Null()])
const Num = Type.Number()
const Text = Type.String()
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
const User = Type.Object({
  id: Text,
  name: Text,
  role: Type.Union(HQ_USER_ROLES.map((r) => Type.Literal(r))),
  regionId: Nullable(Text),
})
const Region = Type.Object({ id: Text, name: LocalizedTextSchema })
const Branch = Type.Object({ id: Text, name: LocalizedTextSchema })
const Ack = Type.Object({ stored: Num, lastSeq: Nullable(Num), expectedSeq: Nullable(Num) })
const Stored = Type.Object({ stored: Num })
const Token = Type.Object({ tokenId: Num, label: Text, createdAt: Num, revokedAt: Nullable(Num) })
const Kpis = Type.Object({ issued: Num, served: Num })

export const hqAnswers: AnswerSchemas<HqRoutes> = {
  health: answer(
    Type.Object({ ok: Type.Literal(true), database: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]) }),
  ),
  shipEvents: answer(Ack),
  heartbeat: answer(Ack),
  shipConfig: answer(Type.Object({ stored: Type.Boolean() })),
  shipSummaries: answer(Stored),
  shipFeedback: answer(Stored),
  signIn: answer(Type.Object({ token: Type.String({ minLength: 1 }), user: User })),
  me: answer(User),
  signOut: answer(Type.Object({ ok: Type.Literal(true) })),
  regions: answer(Type.Array(Region)),
  addRegion: answer(Region),
  branches: answer(
    Type.Array(
      Type.Object({ branch: Branch, lastSeq: Nullable(Num), behindEvents: Num, offline: Type.Boolean(), gaps: Num }),
    ),
  ),
  addBranch: answer(Branch),
  issueToken: answer(Type.Object({ tokenId: Num, token: Type.String({ minLength: 1 }) })),
  tokens: answer(Type.Array(Token)),
  revokeToken: answer(Type.Object({ revoked: Type.Boolean() })),
  addUser: answer(User),
  compare: answer(
    Type.Object({
      from: Day,
      to: Day,
      regions: Type.Array(Region),
      branches: Type.Array(Branch),
      rows: Type.Array(Type.Object({})),
    }),
  ),
  trend: answer(Type.Object({ regionId: Nullable(Text), points: Type.Array(Type.Object({})) })),
  branchDay: answer(
    Type.Object({ kind: Type.Literal('day'), version: Type.Literal(1), date: Nullable(Day), kpis: Kpis }),
  ),
  branchRange: answer(
    Type.Object({
      branch: Branch,
      report: Type.Object({ kind: Type.Literal('range'), from: Day, to: Day, kpis: Kpis }),
      utcOffsetMinutes: Num,
    }),
  ),
}
