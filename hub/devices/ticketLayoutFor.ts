import type { TicketLayout } from '../../hardware/index'
import type { BranchConfig } from '../../shared/domain/branch'
import { describePolicy } from '../../shared/policy/describePolicy'
import { priorityStanding } from '../../shared/queue/priorityStanding'
import type { TicketFacts } from '../tickets/ticketFacts'
import { estimateFact, peopleAheadFact, priorityFact } from '../../shared/i18n/ticketFacts'
import { ticketWords } from './ticketWords'

/**
 * What goes on the paper: the same facts as the kiosk screen (number, service, people ahead,
 * the shown range and, while no counter can call it, why; documents, how they will be called, the
 * live status QR), in the language the
 * customer chose and in the kiosk's words: people ahead and the shown wait are chosen by the
 * same functions as the screen's (`shared/i18n/ticketFacts.ts`), and so is the priority class.
 */
export function ticketLayoutFor(f: TicketFacts, branch: BranchConfig, utcOffsetMinutes: number): TicketLayout {
  const lang = f.ticket.language
  const w = ticketWords(lang)
  const service = branch.services.find((s) => s.id === f.ticket.serviceId)
  const standing = priorityStanding(f.ticket, branch)
  const policy = describePolicy(branch)
  const local = new Date(f.ticket.issuedAt + utcOffsetMinutes * 60_000).toISOString()
  return {
    language: lang,
    branchName: branch.name[lang],
    number: f.ticket.number,
    serviceName: service?.name[lang] ?? f.ticket.serviceId,
    peopleAhead: w.fact(peopleAheadFact(f.peopleAhead)),
    estimate: w.fact(estimateFact(f.shown, f.hold)),
    issuedAt: w.issued(`${local.slice(0, 10)} ${local.slice(11, 16)}`),
    // Right under the range it qualifies: the counters may stop before the wait ends.
    lines: [
      // Why nobody can call it now (before opening, the last counter for it closed): as on the phone.
      ...(f.hold === null ? [] : [w.hold(f.hold)]),
      ...(f.closing === null ? [] : [w.closing(f.closing)]),
      ...(standing === null ? [] : [w.fact(priorityFact(standing, lang))]),
    ],
    documentsTitle: w.documents,
    documents: (service?.documents ?? []).map((d) => d[lang]),
    callingNote: w.calling(policy),
    qr: f.statusUrl === null ? null : { url: f.statusUrl, caption: w.qr },
    footer: w.footer,
  }
}
