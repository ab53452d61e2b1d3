import type { PrintOutcome } from '../../shared/api/views'
import type { TicketId } from '../../shared/domain/ids'

/** Enough for the retries of a busy morning; a kiosk retries within seconds, not hours. */
const KEPT = 500

/**
 * How each recent ticket's print went, so a kiosk retrying a tap (its first answer lost on the
 * way) is told the truth: "the printer is out of paper, here is your number on screen", not
 * "take your ticket". A retry that arrives while the first print is still running waits for it.
 */
export class PrintOutcomes {
  private readonly byTicket = new Map<TicketId, Promise<PrintOutcome>>()

  /** Prints once per ticket, remembering the outcome. */
  print(ticketId: TicketId, print: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
    const running = print()
    this.byTicket.set(ticketId, running)
    if (this.byTicket.size > KEPT) {
      const oldest = this.byTicket.keys().next().value
      if (oldest !== undefined) this.byTicket.delete(oldest)
    }
    return running
  }

  /**
   * The first print's outcome. Forgotten (the hub restarted since, or it was long ago): the
   * ticket was issued and handed to the printer, so it most likely printed; printing it again
   * would hand the customer a second slip with the same number.
   */
  async of(ticketId: TicketId): Promise<PrintOutcome> {
    return (await this.byTicket.get(ticketId)) ?? { kind: 'printed' }
  }
}
