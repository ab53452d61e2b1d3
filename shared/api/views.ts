import type { BranchConfig } from '../domain/branch'
import type { CounterId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import type { Language, LocalizedText } from '../domain/text'
import type { ShownWait } from '../estimate/displayWait'
import type { DayReport } from '../reports/dayReport'
import type { Kpis } from '../reports/kpis'
import type { ScenarioError } from '../sim/parseScenario'
import type { SimDaySummary } from '../sim/simDayReport'
import type { PolicyDescription } from '../policy/describePolicy'
import type { QueueEvent } from '../queue/events'
import type { QueueState } from '../queue/state'
import type { TicketStatus, WaitEstimate } from '../queue/ticket'
import type { Role } from './roles'

/**
 * What the hub answers, as types shared by the hub and the renderer's client. (The requests
 * are schemas in `routes.ts`; answers are produced by the hub itself, so types suffice.)
 */

/** Public branch information: everything a kiosk, display or phone needs, nothing secret. */
export interface BranchInfo {
  readonly branch: BranchConfig
  readonly policy: PolicyDescription
  readonly utcOffsetMinutes: number
  /** Rotating lobby content for the wait (rule 1: occupied time feels shorter). */
  readonly lobbyMessages: readonly LocalizedText[]
  /**
   * The kiosks with a card or ID reader, by the name they were paired with; null for a reader
   * that serves any kiosk. A kiosk without one asks a customer claiming a class established by
   * reader to show the card to the teller instead.
   */
  readonly cardReaders: readonly (string | null)[]
}

/**
 * What a customer is shown of an estimate (`shared/estimate/displayWait`): whole minutes,
 * rounded kindly and held steady by the hub (it never grows without a delay explanation in
 * force), so every screen and the printed ticket say the same thing.
 */
export type { ShownWait }

/** Wait estimates for the live queue (seconds until call), recomputed as the queue moves. */
export interface EstimatesView {
  /** The event seq they were computed after. */
  readonly seq: number
  readonly tickets: Readonly<Record<string, WaitEstimate>>
  /** For a ticket taken now: per service, per class id ('ordinary' for no class). */
  readonly newTicket: Readonly<Record<string, Readonly<Record<string, WaitEstimate>>>>
  /** The same, as customers are shown them. */
  readonly shown: {
    readonly tickets: Readonly<Record<string, ShownWait>>
    readonly newTicket: Readonly<Record<string, Readonly<Record<string, ShownWait>>>>
  }
}

/** The live state with the hub's clock, so terminals can time transactions without drift. */
export interface QueueSnapshot {
  readonly serverNow: number
  readonly state: QueueState
  readonly estimates: EstimatesView | null
}

/**
 * The outcome of printing a ticket, when the kiosk has a printer. A failure carries the device
 * problem code the manager screen translates (`paperOut`, `connectionLost`, …) and the detail.
 */
export type PrintOutcome =
  | { readonly kind: 'printed' }
  | { readonly kind: 'noPrinter' }
  | { readonly kind: 'failed'; readonly problem: string; readonly detail: string }

/** What the kiosk shows (and prints) the moment a ticket is issued. */
export interface TicketReceipt {
  readonly ticketId: TicketId
  readonly number: string
  readonly serviceId: ServiceId
  /** The class the ticket is ranked by (null: ordinary). */
  readonly priorityClassId: PriorityClassId | null
  /** A class asked for that staff or a card reader must confirm first (the ticket waits as ordinary). */
  readonly priorityClaim: PriorityClassId | null
  readonly language: Language
  readonly issuedAt: number
  readonly peopleAhead: number
  readonly estimate: WaitEstimate | null
  readonly shown: ShownWait | null
  /** Path of the live status page on the hub. */
  readonly statusPath: string
  /**
   * The status page at the address phones reach (the QR code on the screen and the paper), or
   * null when the hub has none: then no QR code is shown, and the manager is told why.
   */
  readonly statusUrl: string | null
  readonly print: PrintOutcome
  /** True when this answer repeats an earlier one for the same idempotency key. */
  readonly repeated: boolean
}

/** A ticket's live status, for the phone that scanned its QR code. */
export interface TicketStatusView {
  readonly ticketId: TicketId
  readonly number: string
  readonly serviceId: ServiceId
  readonly status: TicketStatus
  readonly issuedAt: number
  readonly peopleAhead: number
  readonly estimate: WaitEstimate | null
  readonly shown: ShownWait | null
  /** While called or serving: the counter number to go to. */
  readonly counterNumber: number | null
  /** How many times the current call has been made (0 when not called): the missed-call rule's count. */
  readonly calls: number
  /** The language the customer chose at the kiosk: the status page speaks it by default. */
  readonly language: Language
  readonly serverNow: number
}

/** A signed-in teller or manager, or a paired device. */
export interface SessionView {
  readonly token: string
  readonly role: Role
  readonly staffId: StaffId | null
  readonly name: string
  readonly counterId: CounterId | null
  readonly expiresAt: number | null
}

/**
 * What pairing answers: the terminal's session, and the certificate authority the hub's
 * certificate chains to, so the terminal can trust exactly that CA from now on (the desktop app
 * pins it; docs/installing.md).
 */
export interface PairedView extends SessionView {
  /** SHA-256 of the CA certificate, `AB:CD:…` (32 pairs); null when the hub serves plain HTTP. */
  readonly caFingerprint: string | null
}

/** A member of staff as the staff screens name them (never the PIN hash). */
export interface StaffView {
  readonly id: StaffId
  readonly name: string
  readonly role: 'teller' | 'manager'
}

/** A paired kiosk or display, as the manager lists them. */
export interface PairedTerminalView {
  readonly id: string
  readonly name: string
  readonly role: 'kiosk' | 'display'
  readonly pairedAt: number
  readonly revokedAt: number | null
}

/** The answer to a command: the event it caused. */
export interface CommandAck {
  readonly event: QueueEvent
}

/** A refusal, with the field at fault when there is one. */
export interface ApiError {
  readonly statusCode: number
  readonly error: string
  readonly code: string
  readonly message: string
  readonly field?: string
}

/** A what-if simulation of a day: its summary and KPIs, or what is wrong with the scenario. */
export type WhatIfResult =
  | {
      readonly ok: true
      readonly summary: SimDaySummary
      readonly kpis: Kpis
      readonly hours: DayReport['hours']
    }
  | { readonly ok: false; readonly problems: readonly ScenarioError[] }
