/**
 * How long a branch's hub waits before shipping to HQ again after a refusal that retrying will
 * not change by itself: the shipper's delays (`hub/replication/shipper.ts`, `backoffMs`) and the
 * manager's screen's words for them ("tries again every 60 s"), from one number each.
 */
export const HQ_RETRY_SEC = {
  /** A revoked token, a message HQ will not take: a person must act, so HQ is not pressed. */
  refused: 60,
  /** HQ older than this branch: shipping resumes soon after HQ is upgraded. */
  outdated: 15,
} as const
