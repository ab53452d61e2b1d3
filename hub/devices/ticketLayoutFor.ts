import type { TicketLayout } from '../../hardware/index'
import { establishmentOf, type BranchConfig, type PriorityClassConfig } from '../../shared/domain/branch'
import type { Language } from '../../shared/domain/text'
import { describePolicy } from '../../shared/policy/describePolicy'
import type { TicketFacts } from '../tickets/ticketFacts'
import { estimateFact, peopleAheadFact } from '../../shared/i18n/ticketFacts'
import { ticketWords } from './ticketWords'

/**
 * What goes on the paper: the same facts as the kiosk screen (number, service, people ahead,
 * the shown range, documents, how they will be called, the live status QR), in the language the
 * customer chose and in the kiosk's words: people ahead and the shown wait are chosen by the
 * same functions as the screen's (`shared/i18n/ticketFacts.ts`).
 */
export function ticketLayoutFor(f: TicketFacts, branch: BranchConfig, utcOffsetMinutes: number): TicketLayout {
  const lang = f.ticket.language
  const w = ticketWords(lang)
  const service = branch.services.find((s) => s.id === f.ticket.serviceId)
  const claimed = branch.priorityClasses.find((p) => p.id === f.ticket.priorityClaim)
  const cls = branch.priorityClasses.find((p) => p.id === f.ticket.priorityClassId)
  const policy = describePolicy(branch)
  const local = new Date(f.ticket.issuedAt + utcOffsetMinutes * 60_000).toISOString()
  return {
    language: lang,
    branchName: branch.name[lang],
    number: f.ticket.number,
    serviceName: service?.name[lang] ?? f.ticket.serviceId,
    peopleAhead: w.fact(peopleAheadFact(f.peopleAhead)),
    estimate: w.fact(estimateFact(f.shown)),
    issuedAt: w.issued(`${local.slice(0, 10)} ${local.slice(11, 16)}`),
    lines: priorityLines(w, lang, claimed, cls),
    documentsTitle: w.documents,
    documents: (service?.documents ?? []).map((d) => d[lang]),
    callingNote: w.calling(policy.recallsBeforeNoShow + 1, policy.graceMin),
    qr: f.statusUrl === null ? null : { url: f.statusUrl, caption: w.qr },
    footer: w.footer,
  }
}

/** The ticket's class on paper: declared (the teller checks it), confirmed, or asked for. */
function priorityLines(
  w: ReturnType<typeof ticketWords>,
  lang: Language,
  claimed: PriorityClassConfig | undefined,
  cls: PriorityClassConfig | undefined,
): string[] {
  if (claimed !== undefined) return [w.priority.claimed(claimed.name[lang])]
  if (cls === undefined) return []
  return [
    establishmentOf(cls) === 'declared' ? w.priority.declared(cls.name[lang]) : w.priority.confirmed(cls.name[lang]),
  ]
}
