import type { Low } from 'lowdb'
import type { PrintOutcome } from '../../shared/api/views'
import type { DeviceStatusView } from '../../shared/api/live'
import type { BranchConfig } from '../../shared/domain/branch'
import type { TicketId } from '../../shared/domain/ids'
import type { PairedDevices } from '../auth/pairedDevices'
import type { SessionStore } from '../auth/sessionStore'
import type { SignInGuard } from '../auth/signInGuard'
import type { BranchFile } from '../config/branchFile'
import type { Clock } from '../clock'
import type { LiveEstimates } from '../estimation/liveEstimates'
import type { QueueHost } from '../queue/queueHost'
import type { SpeechBoard } from '../devices/speechBoard'
import type { HubLogger } from '../log/hubLog'
import type { WarningRing } from '../log/warningRing'
import type { CustomerAddress } from '../network/customerAddress'
import type { HubTlsView } from '../../shared/api/health'
import type { FeedbackStore } from '../reports/feedbackStore'
import type { ReportStore } from '../reports/reportStore'

/** The lobby devices as the API sees them (the hardware supervisor, or none). */
export interface LobbyDevices {
  /** Prints a just-issued ticket; resolves with what happened, never throws. */
  printTicket(ticketId: TicketId): Promise<PrintOutcome>
  statuses(): readonly DeviceStatusView[]
  onChange(listener: (statuses: readonly DeviceStatusView[]) => void): () => void
  /** The manager's test button: print a test ticket, flash a display. */
  test(deviceId: string): Promise<{ readonly ok: boolean; readonly detail: string }>
}

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
  readonly feedback: FeedbackStore
  /** The key a ticket's QR code carries, so only its holder can follow it. */
  readonly statusKey: (ticketId: TicketId) => string
  /** The ticket's status page at the address phones reach, null when there is none (`customerAddress`). */
  readonly statusUrl: (ticketId: TicketId) => string | null
  readonly customerAddress: () => CustomerAddress
  /** How the listener is protected and what expires when (the manager's screen; pairing's fingerprint). */
  readonly tls: () => HubTlsView
  readonly log: HubLogger
  /** The recent warnings and errors of the hub log. */
  readonly warnings: WarningRing
  /** The lobby displays' voices, as they report them. */
  readonly speech: SpeechBoard
}
