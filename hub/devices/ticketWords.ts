import type { ShownWait } from '../../shared/api/views'
import type { Language } from '../../shared/domain/text'
import { CATALOGUE } from '../../shared/i18n/catalogue'
import { formatMessage } from '../../shared/i18n/format'

/**
 * The words printed on a ticket, in the customer's language, from the shared catalogue the
 * kiosk's screen reads too (`shared/i18n/catalogue.ts`). The printer prints what the hub writes
 * (hardware/ never chooses words).
 */
export function ticketWords(language: Language) {
  const w = CATALOGUE[language].ticket
  return {
    ahead: (n: number) => formatMessage(w.ahead, { n }, n),
    issued: (time: string) => formatMessage(w.issued, { time }),
    documents: w.documents,
    calling: (calls: number, grace: number) => formatMessage(w.calling, { calls, grace }),
    qr: w.qr,
    footer: w.footer,
    priority: {
      declared: (name: string) => formatMessage(w.priority.declared, { name }),
      confirmed: (name: string) => formatMessage(w.priority.confirmed, { name }),
      claimed: (name: string) => formatMessage(w.priority.claimed, { name }),
    },
  }
}

export function estimateWords(language: Language, shown: ShownWait | null): string {
  const w = CATALOGUE[language].ticket
  if (shown === null) return w.none
  return shown.kind === 'soon' ? w.soon : formatMessage(w.range, { low: shown.lowMin, high: shown.highMin })
}
