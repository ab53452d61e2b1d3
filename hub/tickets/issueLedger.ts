import type { PrintOutcome } from '../../shared/api/views'
import type { TicketId } from '../../shared/domain/ids'
import type { CommandOf } from '../../shared/queue/commands'
import type { EventOf } from '../../shared/queue/events'
import type { JournalRecord } from '../persistence/journalRecord'

/** Enough for the retries of a busy morning; a kiosk retries within seconds, not hours. */
const PRINTS_KEPT = 500

/**
 * An idempotency key used today for a different request: answering the first ticket would hand
 * a customer a ticket for a service they did not ask for. Refused, as payment APIs do.
 */
export class IdempotencyKeyReused extends Error {
  constructor(
    readonly key: string,
    earlier: EventOf<'ticketIssued'>,
  ) {
    super(
      `Idempotency key '${key}' was already used today for ticket ${earlier.number} (${earlier.serviceId}, ` +
        `${earlier.language}) with a different request; a new tap needs a new key`,
    )
    this.name = 'IdempotencyKeyReused'
  }
}

/**
 * The one record of today's taps: which ticket each idempotency key got (rebuilt from the
 * journal, which keeps every key with its event, so it survives a restart) and how each recent
 * ticket's print went — so a kiosk retrying a tap whose answer was lost gets the same ticket and
 * the truth about its print ("out of paper, here is your number on screen"), never a second
 * slip with the same number.
 */
export class IssueLedger {
  private readonly byKey = new Map<string, EventOf<'ticketIssued'>>()
  private readonly prints = new Map<TicketId, Promise<PrintOutcome>>()

  /** Every journal record, as the day is replayed and as commands commit (QueueHost `onRecord`). */
  record(r: JournalRecord): void {
    if (r.e.type === 'dayOpened') {
      // Keys and prints are per business day: a new day starts a new ledger.
      this.byKey.clear()
      this.prints.clear()
    }
    if (r.e.type === 'ticketIssued' && r.m.key !== undefined) this.byKey.set(r.m.key, r.e)
  }

  /**
   * The ticket an earlier tap with this key got (a retry), or null for a new tap. A key reused
   * for another request is refused with `IdempotencyKeyReused`.
   */
  earlier(key: string | undefined, command: CommandOf<'issueTicket'>): EventOf<'ticketIssued'> | null {
    const event = key === undefined ? undefined : this.byKey.get(key)
    if (key === undefined || event === undefined) return null
    if (!sameRequest(command, event)) throw new IdempotencyKeyReused(key, event)
    return event
  }

  /** The ticket a request under this key got today, if any. */
  issuedFor(key: string): EventOf<'ticketIssued'> | undefined {
    return this.byKey.get(key)
  }

  /** Prints a new ticket once, remembering how it went. */
  print(ticketId: TicketId, print: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
    const running = print()
    this.prints.set(ticketId, running)
    if (this.prints.size > PRINTS_KEPT) {
      const oldest = this.prints.keys().next().value
      if (oldest !== undefined) this.prints.delete(oldest)
    }
    return running
  }

  /**
   * How the first print of a retried tap went (waiting for it if it still runs). Forgotten (the
   * hub restarted since, or long ago): the ticket was handed to the printer, so it most likely
   * printed; printing it again would give the customer a second slip with the same number.
   */
  async printOf(ticketId: TicketId): Promise<PrintOutcome> {
    return (await this.prints.get(ticketId)) ?? { kind: 'printed' }
  }
}

/** Whether a repeated tap asks for what the first one did (the shown estimate may differ). */
function sameRequest(c: CommandOf<'issueTicket'>, e: EventOf<'ticketIssued'>): boolean {
  return (
    c.serviceId === e.serviceId &&
    c.priorityClassId === e.priorityClassId &&
    c.language === e.language &&
    c.appointmentAt === e.appointmentAt
  )
}
