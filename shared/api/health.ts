import { Type, type Static } from 'typebox'
import { route } from './route'

/**
 * The hub's own health as the manager sees it (the address phones reach, recent warnings),
 * and what terminals report of themselves (a lobby display's voice).
 */

/** One warning or error the hub logged, as the manager's screen lists it. */
export interface HubWarningView {
  /** Increasing: the screen can tell which it has already seen. */
  readonly id: number
  readonly at: number
  readonly level: 'warn' | 'error' | 'fatal'
  /** What happened, as a stable name the screen translates (`customerAddress.unreachable`); null for others. */
  readonly event: string | null
  /** The log's own words (English), for whoever investigates. */
  readonly message: string
  /** The request it happened in, to find it in the log file. */
  readonly reqId: string | null
}

/** Why phones cannot reach the hub (the QR codes on tickets would point nowhere). */
export type CustomerAddressProblem =
  /** The hub listens on 127.0.0.1 only and no public address is configured. */
  | 'loopbackOnly'
  /** The hub listens on every interface, but this PC has no LAN address. */
  | 'noLanAddress'
  /** `network.publicUrl` names this PC's loopback or the unspecified address. */
  | 'publicUrlUnreachable'

/**
 * How the hub's listener is protected: `tls` (HTTPS and WSS), `loopback` (plain HTTP on this PC
 * only: nothing crosses a network), `plainLan` (plain HTTP on the branch network: the explicit
 * opt-out `network.tls: "off"`, for a lab; the manager's screen says so loudly).
 */
export type ListenerProtection = 'tls' | 'loopback' | 'plainLan'

/** A certificate that stops being valid within 30 days: the manager must act (docs/installing.md). */
export interface ExpiringCertificate {
  readonly what: 'serverCertificate' | 'certificateAuthority'
  readonly expiresAt: number
}

/** The hub's encryption as the manager sees it. */
export interface HubTlsView {
  readonly protection: ListenerProtection
  /** Whose certificate the hub serves: the branch CA it made, or the bank's own (by path). */
  readonly certificateSource: 'branchCa' | 'bankCertificate' | null
  /** SHA-256 of the CA certificate terminals trust, as certificate viewers show it; null without TLS. */
  readonly caFingerprint: string | null
  readonly serverCertificateExpiresAt: number | null
  readonly caExpiresAt: number | null
  /** Soonest first; empty when nothing expires within 30 days. */
  readonly expiringSoon: readonly ExpiringCertificate[]
}

export interface HubStatusView {
  /** The address phones open from a ticket's QR code, or null when there is none (no QR is shown). */
  readonly customerUrl: string | null
  readonly customerUrlProblem: CustomerAddressProblem | null
  readonly tls: HubTlsView
  /** Newest first. */
  readonly warnings: readonly HubWarningView[]
}

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
    summary: 'The address phones reach and the hub’s recent warnings and errors',
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
