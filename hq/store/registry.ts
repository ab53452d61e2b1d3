import type { LocalizedText } from '../../shared/domain/text'
import type { HqBranch } from '../../shared/hq/compareBranches'
import type { HqUserRole } from '../../shared/hq/hqRoles'
import type { HqUserView, IssuedToken, RegionView, TokenView } from '../../shared/hq/views'
import { hashPassword, newBearerToken, tokenHash, verifyPassword } from '../auth/secrets'
import { HttpError } from '../../server/httpError'
import { sqlState, type Db } from '../db/db'

/** A branch as stored: its code (`id` in the API) and HQ's own key for it. */
export interface BranchRecord extends HqBranch {
  readonly key: number
}

/** Who holds a token: a branch hub, or a signed-in HQ user. */
export type HqPrincipal =
  { readonly kind: 'branch'; readonly branch: BranchRecord } | { readonly kind: 'user'; readonly user: HqUserView }

const SESSION_MS = 12 * 3600_000

interface BranchRow {
  key: number
  id: string
  name: LocalizedText
  region_id: string
}
const branchOf = (r: BranchRow): BranchRecord => ({ key: r.key, id: r.id, name: r.name, regionId: r.region_id })
const BRANCH_COLUMNS = 'b.id as key, b.code as id, b.name, b.region_id'

/**
 * Regions, branches, their tokens, HQ users and their sessions. A regional manager sees the
 * branches of their region; head office sees all.
 */
export class Registry {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async addRegion(id: string, name: LocalizedText): Promise<RegionView> {
    await this.unique(
      () => this.db.query('insert into regions (id, name) values ($1, $2::jsonb)', [id, JSON.stringify(name)]),
      `region '${id}'`,
    )
    return { id, name }
  }

  async regions(viewer: HqUserView): Promise<RegionView[]> {
    return this.db.query<RegionView>('select id, name from regions where $1::text is null or id = $1 order by id', [
      viewer.regionId,
    ])
  }

  async addBranch(id: string, name: LocalizedText, regionId: string): Promise<HqBranch> {
    const region = await this.db.query('select 1 from regions where id = $1', [regionId])
    if (region.length === 0) throw new HttpError(404, 'unknownRegion', `No region '${regionId}'`, 'body.regionId')
    await this.unique(
      () =>
        this.db.transaction(async (tx) => {
          const [row] = await tx.query<{ key: number }>(
            'insert into branches (code, name, region_id, created_at) values ($1, $2::jsonb, $3, $4) returning id as key',
            [id, JSON.stringify(name), regionId, this.now()],
          )
          await tx.query('insert into replication_state (branch_id) values ($1)', [row?.key])
        }),
      `branch '${id}'`,
    )
    return { id, name, regionId }
  }

  /** The branches a user may see, by code. */
  async branchesFor(viewer: HqUserView): Promise<BranchRecord[]> {
    const rows = await this.db.query<BranchRow>(
      `select ${BRANCH_COLUMNS} from branches b where $1::text is null or b.region_id = $1 order by b.code`,
      [viewer.regionId],
    )
    return rows.map(branchOf)
  }

  /** A branch the user may see, or a 404 that does not tell whether it exists elsewhere. */
  async branchFor(viewer: HqUserView, id: string): Promise<BranchRecord> {
    const [row] = await this.db.query<BranchRow>(
      `select ${BRANCH_COLUMNS} from branches b where b.code = $1 and ($2::text is null or b.region_id = $2)`,
      [id, viewer.regionId],
    )
    if (row === undefined) throw new HttpError(404, 'unknownBranch', `No branch '${id}' among yours`, 'params.branchId')
    return branchOf(row)
  }

  async issueToken(branchId: string, label: string): Promise<IssuedToken> {
    const token = newBearerToken()
    const [row] = await this.db.query<{ id: number }>(
      `insert into branch_tokens (branch_id, token_hash, label, created_at)
       select id, $2::text, $3::text, $4::bigint from branches where code = $1 returning id`,
      [branchId, tokenHash(token), label, this.now()],
    )
    if (row === undefined) throw new HttpError(404, 'unknownBranch', `No branch '${branchId}'`, 'params.branchId')
    return { tokenId: row.id, token }
  }

  async tokens(branchId: string): Promise<TokenView[]> {
    const rows = await this.db.query<{ id: number; label: string; created_at: number; revoked_at: number | null }>(
      `select t.id, t.label, t.created_at::float8 as created_at, t.revoked_at::float8 as revoked_at
       from branch_tokens t join branches b on b.id = t.branch_id where b.code = $1 order by t.id`,
      [branchId],
    )
    return rows.map((r) => ({ tokenId: r.id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }))
  }

  /** Revokes a token at once; false when there is no such token or it was already revoked. */
  async revokeToken(tokenId: number): Promise<boolean> {
    const rows = await this.db.query(
      'update branch_tokens set revoked_at = $2 where id = $1 and revoked_at is null returning id',
      [tokenId, this.now()],
    )
    return rows.length > 0
  }

  async addUser(
    user: { id: string; name: string; role: HqUserRole; regionId: string | null },
    password: string,
  ): Promise<HqUserView> {
    if ((user.role === 'regional') !== (user.regionId !== null)) {
      throw new HttpError(
        400,
        'invalidRequest',
        'A regional manager has a region; head office has none',
        'body.regionId',
      )
    }
    const hash = await hashPassword(password)
    await this.unique(
      () =>
        this.db.query('insert into hq_users (id, name, role, region_id, password_hash) values ($1, $2, $3, $4, $5)', [
          user.id,
          user.name,
          user.role,
          user.regionId,
          hash,
        ]),
      `user '${user.id}'`,
    )
    return user
  }

  /** Signs a user in: a session token valid for 12 hours, or null for a wrong id or password. */
  async signIn(userId: string, password: string): Promise<{ token: string; user: HqUserView } | null> {
    const [row] = await this.db.query<{
      id: string
      name: string
      role: HqUserRole
      region_id: string | null
      password_hash: string
    }>('select id, name, role, region_id, password_hash from hq_users where id = $1', [userId])
    // The same work whether or not the user exists, so timing does not tell which ids are real.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH)
    if (row === undefined || !ok) return null
    const token = newBearerToken()
    await this.db.query('delete from hq_sessions where expires_at < $1', [this.now()])
    await this.db.query('insert into hq_sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [
      tokenHash(token),
      row.id,
      this.now() + SESSION_MS,
    ])
    return { token, user: { id: row.id, name: row.name, role: row.role, regionId: row.region_id } }
  }

  async signOut(token: string): Promise<void> {
    await this.db.query('delete from hq_sessions where token_hash = $1', [tokenHash(token)])
  }

  /** Who holds a bearer token: a branch (token not revoked) or a user (session not expired). */
  async principal(token: string): Promise<HqPrincipal | null> {
    const hash = tokenHash(token)
    const [branch] = await this.db.query<BranchRow>(
      `select ${BRANCH_COLUMNS} from branch_tokens t join branches b on b.id = t.branch_id
       where t.token_hash = $1 and t.revoked_at is null`,
      [hash],
    )
    if (branch !== undefined) return { kind: 'branch', branch: branchOf(branch) }
    const [user] = await this.db.query<{ id: string; name: string; role: HqUserRole; region_id: string | null }>(
      `select u.id, u.name, u.role, u.region_id from hq_sessions s join hq_users u on u.id = s.user_id
       where s.token_hash = $1 and s.expires_at > $2`,
      [hash, this.now()],
    )
    if (user === undefined) return null
    return { kind: 'user', user: { id: user.id, name: user.name, role: user.role, regionId: user.region_id } }
  }

  private async unique(work: () => Promise<unknown>, what: string): Promise<void> {
    try {
      await work()
    } catch (e) {
      if (sqlState(e) === '23505') throw new HttpError(409, 'exists', `There is already a ${what}`, 'body.id')
      throw e
    }
  }
}

/** A valid hash of a random password nobody knows: verified against when the user does not exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$zD2m0wYcBBh1mW2vQ0U4dP0iZbC7l5hJm8o3cC1Fh0Q'
