import type { CardRead } from '../../hardware/index'
import type { BranchConfig } from '../../shared/domain/branch'
import { readerClaimsAt } from '../../shared/queue/readerClaims'
import type { QueueHost } from '../queue/queueHost'
import type { Warn } from '../log/hubWarning'

export interface CardReadsOptions {
  readonly host: QueueHost
  readonly branch: () => BranchConfig
  readonly now: () => number
  readonly log: (level: 'info', message: string) => void
  readonly warn: Warn
}

/**
 * A card or ID read at a kiosk's reader, in queue terms: it confirms the class of the newest
 * ticket taken at that kiosk (within `CARD_READ_WINDOW_MS`) that still waits for a card read —
 * a claim for a class the branch establishes by reader, read from the journaled state, so a
 * restart between the tap and the read changes nothing. The confirmation is the engine's
 * `changePriority` by `idReader`, journaled with the reader and the masked card number (never
 * the number itself). A read nobody waits for is logged and changes nothing.
 */
export async function confirmByCard(o: CardReadsOptions, read: CardRead): Promise<void> {
  const ticket = readerClaimsAt(o.host.current, o.branch(), read.kiosk, o.now())[0]
  const where = read.kiosk === null ? 'any kiosk' : `kiosk '${read.kiosk}'`
  if (ticket === undefined || ticket.priorityClaim === null) {
    o.log('info', `card ${read.masked} read at ${read.deviceId}: no ticket at ${where} is waiting for a card read`)
    return
  }
  const r = await o.host.submit(
    {
      type: 'changePriority',
      ticketId: ticket.id,
      priorityClassId: ticket.priorityClaim,
      reason: `card read at reader ${read.deviceId} (${read.masked})`,
      by: 'idReader',
    },
    { kind: 'device', deviceId: read.deviceId },
  )
  if (r.ok) o.log('info', `card ${read.masked} read at ${read.deviceId} confirmed the class of ticket ${ticket.number}`)
  else
    o.warn(
      'warn',
      'cardRead.refused',
      { deviceId: read.deviceId, ticket: ticket.number, code: r.error.code },
      `card ${read.masked} read at ${read.deviceId}, ticket ${ticket.number}: ${r.error.message}`,
    )
}
