import type { DeviceStatusView } from '../../shared/api/live'
import type { PrintOutcome } from '../../shared/api/views'
import type { TicketFacts } from '../tickets/ticketFacts'

/**
 * The lobby's devices as the hub uses them: the kiosk's ticket printer, the displays and
 * keypads, their health. Driven over serial ports by the hardware supervisor
 * (`SupervisedLobbyDevices`), or none at all.
 */
export interface LobbyDevices {
  /** Prints a just-issued ticket from its facts; resolves with what happened, never throws. */
  printTicket(facts: TicketFacts): Promise<PrintOutcome>
  statuses(): readonly DeviceStatusView[]
  onChange(listener: (statuses: readonly DeviceStatusView[]) => void): () => void
  /**
   * The manager's test button: print a test ticket, flash a display. Null when no device has
   * this id (the route answers 404), so a typo is not mistaken for a device that failed its test.
   */
  test(deviceId: string): Promise<{ readonly ok: boolean; readonly detail: string } | null>
}

/** No lobby devices configured: nothing to print on, nothing to report. */
export const NO_LOBBY_DEVICES: LobbyDevices = {
  printTicket: async () => ({ kind: 'noPrinter' }),
  statuses: () => [],
  onChange: () => () => undefined,
  test: async () => null,
}
