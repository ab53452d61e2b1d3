import type { Language } from '../../shared/domain/text'
import { say, type MessageRef } from '../../shared/i18n/catalogue'
import type { CallHold } from '../../shared/estimate/callHold'
import type { ClosingWarning } from '../../shared/estimate/servedBeforeClose'
import {
  callingNote,
  closingWords,
  holdWords,
  lineOf,
  type MissedCallPolicy,
  type TicketFact,
} from '../../shared/i18n/ticketFacts'

/**
 * The words printed on a ticket, in the customer's language, from the shared catalogue the
 * kiosk's screen reads too (`shared/i18n/catalogue.ts`). The printer prints what the hub writes
 * (hardware/ never chooses words).
 */
export function ticketWords(language: Language) {
  const s = (ref: MessageRef) => say(language, ref)
  return {
    /** A fact the kiosk shows as label and value, as one printed line. */
    fact: (f: TicketFact) => s(lineOf(f, s)),
    issued: (time: string) => s({ key: 'ticket.issued', params: { time } }),
    /** The wait may run past the counters' planned end. */
    closing: (warning: ClosingWarning) => s(closingWords(warning)),
    /** Why no counter can call the ticket now: the status page's reason line, word for word. */
    hold: (hold: CallHold) => s(holdWords(hold)),
    documents: s({ key: 'ticket.documents' }),
    /** How the customer is called, and the missed-call rule. */
    calling: (policy: MissedCallPolicy) => callingNote(policy, language, s),
    qr: s({ key: 'ticket.qr' }),
    footer: s({ key: 'ticket.footer' }),
  }
}
