import type { UsualPattern } from '../../shared/delays/usualPattern'
import type { Low } from 'lowdb'
import type { BranchConfig } from '../../shared/domain/branch'
import type { PairedDevices } from '../auth/pairedDevices'
import type { SessionStore } from '../auth/sessionStore'
import type { SignInGuard } from '../auth/signInGuard'
import type { BranchFile } from '../config/branchFile'
import type { Clock } from '../clock'
import type { LiveEstimates } from '../estimation/liveEstimates'
import type { QueueHost } from '../queue/queueHost'
import type { LobbyDevices } from '../devices/lobbyDevices'
import type { SpeechBoard } from '../devices/speechBoard'
import type { StatusLinks } from '../tickets/statusLinks'
import type { TicketDesk } from '../tickets/ticketDesk'
import type { HubLogger } from '../log/hubLog'
import type { StandingProblems } from '../log/standingProblems'
import type { WarningRing } from '../log/warningRing'
import type { CustomerAddress } from '../network/customerAddress'
import type { HubTlsView } from '../../shared/api/health'
import type { FeedbackStore } from '../reports/feedbackStore'
import type { ReportStore } from '../reports/reportStore'
import type { Simulator } from '../reports/whatIf'
import type { BookingDesk } from '../appointments/bookingDesk'
import type { BookingStore } from '../appointments/bookingStore'

/** Everything the HTTP and WebSocket handlers work with. */
export interface HubContext {
  readonly host: QueueHost
  readonly config: Low<BranchFile>
  readonly branch: () => BranchConfig
  readonly sessions: SessionStore
  readonly paired: PairedDevices
  readonly guard: SignInGuard
  readonly clock: Clock
  readonly estimates: LiveEstimates
  readonly devices: LobbyDevices
  readonly reports: ReportStore
  /**
   * Learns again from the journals of the days before the day ahead (as at start and after each
   * close): for closed days that arrived otherwise, the demo's simulated month.
   */
  readonly learnFromRecentDays: () => Promise<void>
  readonly feedback: FeedbackStore
  /** This hub's what-if simulator: its thread, and its breaches logged in this hub's log. */
  readonly simulator: Simulator
  /** The usual day of today's kind the hub has learned from recent days (null before any): the what-if's start. */
  readonly usualDay: () => UsualPattern | null
  /** A ticket's status page and the key that lets only its holder follow it. */
  readonly links: StatusLinks
  /** Issuing a ticket (the kiosk's tap). */
  readonly desk: TicketDesk
  readonly customerAddress: () => CustomerAddress
  /** How the listener is protected and what expires when (the manager's screen; pairing's fingerprint). */
  readonly tls: () => HubTlsView
  readonly log: HubLogger
  /** The recent warnings and errors of the hub log. */
  readonly warnings: WarningRing
  /** What of the hub did not start and stays so until a person acts (shown as long as it stands). */
  readonly standing: StandingProblems
  /** Appointments booked ahead: the store, and the one place that books, moves and checks in. */
  readonly bookingStore: BookingStore
  readonly bookings: BookingDesk
  /** The lobby displays' voices, as they report them. */
  readonly speech: SpeechBoard
}
