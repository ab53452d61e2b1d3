import type { FastifyRequest } from 'fastify'
import { HttpError } from '../../server/httpError'
import { REPLICATION_PROTOCOL_HEADER } from '../../shared/hq/routes'

/**
 * The replication protocol a branch speaks (`REPLICATION_PROTOCOL`), from its header: 1 when
 * there is none (branches from before the header), a 400 naming the header when it is not a
 * whole number.
 */
export function branchProtocol(request: FastifyRequest): number {
  const raw = request.headers[REPLICATION_PROTOCOL_HEADER]
  if (raw === undefined) return 1
  const text = Array.isArray(raw) ? (raw[0] ?? '') : raw
  if (!/^[1-9][0-9]{0,5}$/.test(text))
    throw new HttpError(
      400,
      'invalidProtocol',
      `${REPLICATION_PROTOCOL_HEADER} must be a whole number from 1, not '${text.slice(0, 40)}'`,
      `headers.${REPLICATION_PROTOCOL_HEADER}`,
    )
  return Number(text)
}

/**
 * Refuses what a branch newer than this HQ ships, before its body is checked: it may carry
 * fields or event types this HQ does not know, which it must neither drop nor misread. 409
 * `hqOutdated` with both versions; the branch keeps everything and tries again, and ships it
 * all once HQ is upgraded. A heartbeat is taken (HQ still sees the branch alive and how far it is).
 */
export function refuseNewerBranch(hqProtocol: number, request: FastifyRequest): void {
  const branch = branchProtocol(request)
  if (branch <= hqProtocol) return
  // HQ's operators see it too, not only the branch's manager: HQ is theirs to upgrade.
  request.log.warn(
    { event: 'replication.hqOutdated', hqProtocol, branchProtocol: branch },
    `a branch speaks replication protocol ${branch}, this HQ ${hqProtocol}: upgrade HQ`,
  )
  throw new HttpError(
    409,
    'hqOutdated',
    `This HQ speaks replication protocol ${hqProtocol}, the branch ${branch}: the branch runs a newer release ` +
      'than HQ and may ship what this HQ does not know, so HQ takes none of it. Upgrade HQ (HQ is upgraded ' +
      'before its branches, docs/hq.md); the branch keeps its data and ships it all then',
    undefined,
    { protocol: { hq: hqProtocol, branch } },
  )
}
