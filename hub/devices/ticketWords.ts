import type { Language } from '../../shared/domain/text'
import { say, type MessageRef } from '../../shared/i18n/catalogue'
import type { TicketFact } from '../../shared/i18n/ticketFacts'

/**
 * The words printed on a ticket, in the customer's language, from the shared catalogue the
 * kiosk's screen reads too (`shared/i18n/catalogue.ts`). The printer prints what the hub writes
 * (hardware/ never chooses words).
 */
export function ticketWords(language: Language) {
  const s = (ref: MessageRef) => say(language, ref)
  const named = (key: MessageRef['key']) => (name: string) => s({ key, params: { name } })
  return {
    /** A fact the kiosk shows as label and value, as one printed line. */
    fact: (f: TicketFact) => s({ key: f.line, params: { label: s(f.label), value: s(f.value) } }),
    issued: (time: string) => s({ key: 'ticket.issued', params: { time } }),
    documents: s({ key: 'ticket.documents' }),
    calling: (calls: number, grace: number) => s({ key: 'ticket.calling', params: { calls, grace } }),
    qr: s({ key: 'ticket.qr' }),
    footer: s({ key: 'ticket.footer' }),
    priority: {
      declared: named('ticket.priority.declared'),
      confirmed: named('ticket.priority.confirmed'),
      claimed: named('ticket.priority.claimed'),
    },
  }
}
