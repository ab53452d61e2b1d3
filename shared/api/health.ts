import { Type, type Static, type TSchema } from 'typebox'
import type { Frozen } from '../util/agrees'
import { route } from './route'

/**
 * The hub's own health as the manager sees it (the address phones reach, its encryption, what
 * did not start, recent warnings),
 * and what terminals report of themselves (a lobby display's voice).
 */

const Nullable = <S extends TSchema>(s: S) => Type.Union([s, Type.Null()])
const words = <const T extends readonly string[]>(xs: T) =>
  Type.Unsafe<T[number]>(Type.Union(xs.map((x) => Type.Literal(x))))

/** One fact logged with a warning: a text, a number, a yes or no, or a list of texts. */
export const WarningParamSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())])
export type WarningParam = Static<typeof WarningParamSchema>

/** One warning or error the hub logged, as the manager's screen lists it. */
export const HubWarningViewSchema = Type.Object({
  /** Increasing: the screen can tell which it has already seen. */
  id: Type.Number(),
  at: Type.Number(),
  level: words(['warn', 'error', 'fatal']),
  /** What happened, as a stable name the screen translates (`customerAddress.unreachable`); null for others. */
  event: Nullable(Type.String()),
  /**
   * The facts logged with it (`{ terminal: 'Lobby display', missing: ['zh-CN'] }`; an error's
   * message as `error`): the screen words a known event in the manager's language from these.
   */
  params: Type.Record(Type.String(), WarningParamSchema),
  /** The log's own words (English), for whoever investigates, and shown for an event the screen does not know. */
  message: Type.String(),
  /** The request it happened in, to find it in the log file. */
  reqId: Nullable(Type.String()),
})
export type HubWarningView = Frozen<Static<typeof HubWarningViewSchema>>

/**
 * Why phones cannot reach the hub (the QR codes on tickets would point nowhere):
 * `loopbackOnly` (the hub listens on 127.0.0.1 only and no public address is configured),
 * `noLanAddress` (it listens on every interface, but this PC has no LAN address),
 * `publicUrlUnreachable` (`network.publicUrl` names this PC's loopback or the unspecified address).
 */
export const CustomerAddressProblemSchema = words(['loopbackOnly', 'noLanAddress', 'publicUrlUnreachable'])
export type CustomerAddressProblem = Static<typeof CustomerAddressProblemSchema>

/**
 * How the hub's listener is protected: `tls` (HTTPS and WSS), `loopback` (plain HTTP on this PC
 * only: nothing crosses a network), `plainLan` (plain HTTP on the branch network: the explicit
 * opt-out `network.tls: "off"`, for a lab; the manager's screen says so loudly).
 */
export const ListenerProtectionSchema = words(['tls', 'loopback', 'plainLan'])
export type ListenerProtection = Static<typeof ListenerProtectionSchema>

/** A certificate that stops being valid within 30 days: the manager must act (docs/installing.md). */
export const ExpiringCertificateSchema = Type.Object({
  what: words(['serverCertificate', 'certificateAuthority']),
  expiresAt: Type.Number(),
})
export type ExpiringCertificate = Frozen<Static<typeof ExpiringCertificateSchema>>

/** The hub's encryption as the manager sees it. */
export const HubTlsViewSchema = Type.Object({
  protection: ListenerProtectionSchema,
  /** Whose certificate the hub serves: the branch CA it made, or the bank's own (by path). */
  certificateSource: Nullable(words(['branchCa', 'bankCertificate'])),
  /** SHA-256 of the CA certificate terminals trust, as certificate viewers show it; null without TLS. */
  caFingerprint: Nullable(Type.String()),
  serverCertificateExpiresAt: Nullable(Type.Number()),
  caExpiresAt: Nullable(Type.Number()),
  /** Soonest first; empty when nothing expires within 30 days. */
  expiringSoon: Type.Array(ExpiringCertificateSchema),
})
export type HubTlsView = Frozen<Static<typeof HubTlsViewSchema>>

/**
 * A part of the hub that did not start, or stopped, and stays so until a person acts: shown for
 * as long as it stands, where a warning is logged once and scrolls out of the last 100.
 * `replicationNotStarted`: `replication.json` was written by a newer release, so nothing is
 * shipped to HQ (the shipper reads it when the hub starts: it ships again once the file is
 * removed, or the newer release runs, and the hub restarted). `logNoFile`: the hub log cannot be
 * written to its folder and logs on without files (until the hub starts with a folder it can write).
 * `logStopped`: the same, found while the hub ran (a full disk). `replicationRefused`: HQ refuses
 * the branch in a way retrying will not change (a revoked token); it ends when HQ takes a message.
 * `replicationDiverged`: HQ holds events the branch's journal no longer has (a power cut lost
 * them after HQ received them), or the cursor does not fit the journal: nothing more is shipped,
 * in this run and the next (`replication-stopped.json`), until HQ's copy is repaired by hand, that
 * file and the cursor deleted and the hub restarted (docs/hq.md).
 * `replicationUnreachable`: HQ cannot be reached, or answers that it is failing (5xx, 429); the
 * events wait in the journal and are shipped once HQ answers, which ends it (nobody need act
 * unless it lasts; the journals are kept `retention.journalDays` after each day closes).
 * `replicationHqOutdated`: HQ runs an older release than this branch (409 `hqOutdated`, a lower
 * replication protocol) and takes none of its data until it is upgraded; nothing is lost, and it
 * ends when HQ takes a message.
 * `bookingsOnClosedDays`: bookings still to come whose slot the branch's calendar no longer opens
 * (a holiday, a weekday or hours entered in branch.json after they were made,
 * `shared/appointments/closedSlot.ts`), listed in `bookings`: the manager tells those customers,
 * who may move or cancel them; it ends once none is left (moved, cancelled, or its time passed).
 */
export const HUB_STANDING_PROBLEMS = [
  'replicationNotStarted',
  'logNoFile',
  'replicationRefused',
  'logStopped',
  'replicationDiverged',
  'replicationUnreachable',
  'replicationHqOutdated',
  'bookingsOnClosedDays',
] as const

/** A booking a standing problem is about (`bookingsOnClosedDays`): what the manager needs to reach its customer. */
export const StandingBookingSchema = Type.Object({
  code: Type.String(),
  serviceId: Type.String(),
  day: Type.String(),
  /** Local clock time of the slot, HH:MM. */
  time: Type.String(),
  /** Why the slot is no longer kept (`ClosedSlot`). */
  closed: words(['branchClosed', 'outsideHours']),
})
export type StandingBooking = Frozen<Static<typeof StandingBookingSchema>>

export const HubStandingProblemSchema = Type.Object({
  what: words(HUB_STANDING_PROBLEMS),
  /** When the hub found it (it started, HQ first refused, the log file broke). */
  since: Type.Number(),
  /** The log's own words (English), for whoever investigates: the file, the format, the error. */
  detail: Type.String(),
  /** The bookings it is about, soonest first (`bookingsOnClosedDays` only). */
  bookings: Type.Optional(Type.Array(StandingBookingSchema)),
})
export type HubStandingProblem = Frozen<Static<typeof HubStandingProblemSchema>>

/** The hub's health as the manager's screen reads it. */
export const HubStatusViewSchema = Type.Object({
  /** The address phones open from a ticket's QR code, or null when there is none (no QR is shown). */
  customerUrl: Nullable(Type.String()),
  customerUrlProblem: Nullable(CustomerAddressProblemSchema),
  tls: HubTlsViewSchema,
  /** What stands until a person acts (empty when nothing does), oldest first. */
  standing: Type.Array(HubStandingProblemSchema),
  /** Newest first. */
  warnings: Type.Array(HubWarningViewSchema),
})
export type HubStatusView = Frozen<Static<typeof HubStatusViewSchema>>

/** How well a lobby display can speak, as it finds out itself. */
export const SpeechHealthSchema = Type.Object(
  {
    /** The platform has speech synthesis at all. */
    available: Type.Boolean(),
    /** Per language the display announces in: a voice of that language is installed. */
    voices: Type.Object(
      { 'zh-CN': Type.Boolean(), en: Type.Boolean() },
      { additionalProperties: false, description: 'A voice of the language is installed' },
    ),
    /** How the last announcement ended, null before the first. */
    lastOutcome: Type.Union([
      Type.Literal('spoken'),
      Type.Literal('failed'),
      Type.Literal('blocked'),
      Type.Literal('timedOut'),
      Type.Literal('unavailable'),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
)
export type SpeechHealth = Static<typeof SpeechHealthSchema>

export const healthRoutes = {
  hubStatus: route<HubStatusView>({
    method: 'GET',
    path: '/api/v1/hub/status',
    summary: 'The address phones reach, what of the hub did not start, and its recent warnings and errors',
    tags: ['system'],
    access: ['manager'],
  }),
  reportSpeech: route<{ ok: true }, undefined, typeof SpeechHealthSchema>({
    method: 'PUT',
    path: '/api/v1/terminals/current/speech',
    summary: 'A lobby display reports whether it can speak the calls',
    tags: ['devices'],
    access: ['display'],
    body: SpeechHealthSchema,
  }),
} as const
