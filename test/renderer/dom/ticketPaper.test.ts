import { describe, expect, it } from 'vitest'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { LANGUAGES, type Language } from '../../../shared/domain/text'
import type { ShownWait } from '../../../shared/api/views'
import {
  closingWords,
  estimateFact,
  peopleAheadFact,
  priorityFact,
  type TicketFact,
} from '../../../shared/i18n/ticketFacts'
import type { TicketId } from '../../../shared/domain/ids'
import type { Ticket } from '../../../shared/queue/ticket'
import { ticketLayoutFor } from '../../../hub/devices/ticketLayoutFor'
import { kioskPriority } from '../../../renderer/src/logic/kiosk/priorityStanding'
import { i18n } from '../../../renderer/src/i18n'
import { sayWith } from '../../../renderer/src/format/say'
import { waitText } from '../../../renderer/src/format/waitText'

const business = DEMO_BRANCH.services[1]!
const elderly = DEMO_BRANCH.priorityClasses.find((p) => p.establishedBy === 'declared')!
const byStaff = DEMO_BRANCH.priorityClasses.find((p) => p.establishedBy === 'staff')!
const byReader = DEMO_BRANCH.priorityClasses.find((p) => p.establishedBy === 'idReader')!

/** A ticket as the engine issues it at the kiosk, in the customer's language. */
function ticket(
  language: Language,
  priorityClassId: Ticket['priorityClassId'] = null,
  priorityClaim: Ticket['priorityClaim'] = null,
): Ticket {
  const issuedAt = Date.UTC(2026, 11, 7, 1, 30)
  return {
    id: '20261207-B002' as TicketId,
    number: 'B002',
    seq: 2,
    serviceId: business.id,
    priorityClassId,
    priorityClaim,
    priorityBy: null,
    language,
    issuedAt,
    appointmentAt: null,
    queuedAt: issuedAt,
    tiebreak: 2,
    targetCounterId: null,
    status: 'waiting',
    counterId: null,
    visits: [],
    spells: [],
    transfers: 0,
    estimate: null,
    missedAt: null,
    rejoins: 0,
    outcome: null,
    endedAt: null,
    rating: null,
  }
}

const SHOWN: readonly (ShownWait | null)[] = [
  null,
  { kind: 'soon' },
  { kind: 'range', lowMin: 5, highMin: 10 },
  { kind: 'range', lowMin: 5, highMin: 5 },
]

/** What the kiosk's ticket screen shows for a fact: its label above its value, through vue-i18n. */
function onScreen(fact: TicketFact): { label: string; value: string } {
  const t = i18n.global.t
  return { label: sayWith(t, fact.label), value: sayWith(t, fact.value) }
}

describe('the printed ticket and the kiosk’s ticket screen', () => {
  it('print people ahead and the shown wait in the words the screen shows, label then value', () => {
    for (const language of LANGUAGES) {
      i18n.global.locale.value = language
      const sep = language === 'zh-CN' ? { ahead: ' ', estimate: ':' } : { ahead: ': ', estimate: ': ' }
      for (const n of [0, 1, 3])
        for (const shown of SHOWN) {
          const paper = ticketLayoutFor(
            {
              ticket: ticket(language),
              peopleAhead: n,
              shown,
              closing: null,
              hold: null,
              statusPath: '/s',
              statusUrl: null,
            },
            DEMO_BRANCH,
            480,
          )
          const ahead = onScreen(peopleAheadFact(n))
          const wait = onScreen(estimateFact(shown))
          expect(paper.peopleAhead).toBe(`${ahead.label}${sep.ahead}${ahead.value}`)
          expect(paper.estimate).toBe(`${wait.label}${sep.estimate}${wait.value}`)
          // The lobby board and the manager's table say the same words, standing alone: in
          // English, with a capital.
          const alone = waitText(i18n.global.t, shown)
          expect(alone).toBe(language === 'en' ? wait.value.charAt(0).toUpperCase() + wait.value.slice(1) : wait.value)
        }
    }
    i18n.global.locale.value = 'zh-CN'
  })

  it('reads the same in Chinese as the kiosk says it: 您前面还有 3 人, 预计等候:约 5–10 分钟', () => {
    const paper = ticketLayoutFor(
      {
        ticket: ticket('zh-CN'),
        peopleAhead: 3,
        shown: { kind: 'range', lowMin: 5, highMin: 10 },
        closing: null,
        hold: null,
        statusPath: '/s',
        statusUrl: null,
      },
      DEMO_BRANCH,
      480,
    )
    expect([paper.peopleAhead, paper.estimate]).toEqual(['您前面还有 3 人', '预计等候:约 5–10 分钟'])
    const en = ticketLayoutFor(
      {
        ticket: ticket('en'),
        peopleAhead: 1,
        shown: { kind: 'soon' },
        closing: null,
        hold: null,
        statusPath: '/s',
        statusUrl: null,
      },
      DEMO_BRANCH,
      480,
    )
    expect([en.peopleAhead, en.estimate]).toEqual(['Ahead of you: 1 person', 'Expected wait: soon'])
  })

  it('reads label and wait as one phrase in English (no capital after the colon), and as before in Chinese', () => {
    const paper = (language: Language, shown: ShownWait | null) =>
      ticketLayoutFor(
        {
          ticket: ticket(language),
          peopleAhead: 2,
          shown,
          closing: null,
          hold: null,
          statusPath: '/s',
          statusUrl: null,
        },
        DEMO_BRANCH,
        480,
      ).estimate
    expect(SHOWN.map((shown) => paper('en', shown))).toEqual([
      'Expected wait: no estimate yet',
      'Expected wait: soon',
      'Expected wait: about 5–10 min',
      'Expected wait: within about 5 min',
    ])
    expect(SHOWN.map((shown) => paper('zh-CN', shown))).toEqual([
      '预计等候:暂无法估计',
      '预计等候:即将叫号',
      '预计等候:约 5–10 分钟',
      '预计等候:约 5 分钟内',
    ])
  })

  it('prints the service, the class, the documents’ title, the calling rule and the QR caption as the screen shows them', () => {
    for (const language of LANGUAGES) {
      i18n.global.locale.value = language
      const t = i18n.global.t
      const paper = ticketLayoutFor(
        {
          ticket: ticket(language, elderly.id),
          peopleAhead: 1,
          shown: null,
          closing: null,
          hold: null,
          statusPath: '/s',
          statusUrl: 'http://192.168.1.20:8420/#/status/x',
        },
        DEMO_BRANCH,
        480,
      )
      expect(paper.serviceName).toBe(business.name[language])
      const declared = onScreen(priorityFact({ kind: 'established', cls: elderly, by: 'declared' }, language))
      expect(paper.lines).toEqual([
        t('ticket.line.priority', {
          label: declared.label,
          value: t('ticket.priority.declared', { name: elderly.name[language] }),
        }),
      ])
      expect(paper.documentsTitle).toBe(t('ticket.documents'))
      // How the customer is called, then the missed-call rule in its one wording (the kiosk's too).
      expect(paper.callingNote).toBe(
        language === 'en'
          ? 'We will call you on the lobby screen and by voice. If you do not come after 3 calls, your ticket counts as missed. You can then re-join at the kiosk within 30 minutes. Re-joining puts you behind the next 2 people waiting.'
          : '叫号时大厅屏幕和语音都会通知您。叫号 3 次未到视为过号。过号后 30 分钟内可到取号机重新排队。重新排队后排在当时等候的 2 位客户之后。',
      )
      expect(paper.callingNote).toContain(t('ticket.missedRule.place', { behind: 2 }, 2))
      expect(paper.qr?.caption).toBe(t('ticket.qr'))
    }
    i18n.global.locale.value = 'zh-CN'
  })

  it('prints the closing warning under the range in the words the screen shows, before the class', () => {
    const warning = { kind: 'mayNot', at: Date.UTC(2026, 11, 7, 9), clock: '17:00' } as const
    for (const language of LANGUAGES) {
      i18n.global.locale.value = language
      const paper = ticketLayoutFor(
        {
          ticket: ticket(language, elderly.id),
          peopleAhead: 20,
          shown: { kind: 'range', lowMin: 15, highMin: 35 },
          closing: warning,
          hold: null,
          statusPath: '/s',
          statusUrl: null,
        },
        DEMO_BRANCH,
        480,
      )
      expect(paper.lines).toHaveLength(2)
      expect(paper.lines[0]).toBe(sayWith(i18n.global.t, closingWords(warning)))
    }
    expect(
      ticketLayoutFor(
        {
          ticket: ticket('en'),
          peopleAhead: 20,
          shown: null,
          closing: { ...warning, kind: 'unlikely' },
          hold: null,
          statusPath: '/s',
          statusUrl: null,
        },
        DEMO_BRANCH,
        480,
      ).lines,
    ).toEqual(['Counters planned to close at 17:00: you are unlikely to be served by then'])
    i18n.global.locale.value = 'zh-CN'
  })

  it('prints a claim awaiting confirmation as the kiosk shows it: the same label and value, staff or card reader', () => {
    for (const language of LANGUAGES) {
      i18n.global.locale.value = language
      const sep = language === 'zh-CN' ? ':' : ': '
      for (const cls of [byStaff, byReader])
        for (const hasReader of [true, false]) {
          const claimed = ticket(language, null, cls.id)
          const paper = ticketLayoutFor(
            {
              ticket: claimed,
              peopleAhead: 2,
              shown: null,
              closing: null,
              hold: null,
              statusPath: '/s',
              statusUrl: null,
            },
            DEMO_BRANCH,
            480,
          )
          // What the kiosk's ticket screen is given for this receipt, worded by the screen's `t`.
          const onKiosk = kioskPriority(DEMO_BRANCH, claimed, undefined, hasReader)!
          expect(onKiosk.kind).toMatch(/^awaiting/)
          const shown = onScreen(priorityFact(onKiosk.standing, language))
          expect(paper.lines).toEqual([`${shown.label}${sep}${shown.value}`])
          expect(shown.value).toContain(cls.name[language])
        }
    }
    i18n.global.locale.value = 'zh-CN'
  })

  it('words a waiting claim the same on paper in Chinese and English: asked for, ordinary until confirmed', () => {
    const zh = ticketLayoutFor(
      {
        ticket: ticket('zh-CN', null, byStaff.id),
        peopleAhead: 0,
        shown: null,
        closing: null,
        hold: null,
        statusPath: '/s',
        statusUrl: null,
      },
      DEMO_BRANCH,
      480,
    )
    expect(zh.lines).toEqual([`优先服务:${byStaff.name['zh-CN']}(已申请,确认后生效;确认前按普通顺序排队)`])
    const en = ticketLayoutFor(
      {
        ticket: ticket('en', null, byStaff.id),
        peopleAhead: 0,
        shown: null,
        closing: null,
        hold: null,
        statusPath: '/s',
        statusUrl: null,
      },
      DEMO_BRANCH,
      480,
    )
    expect(en.lines).toEqual([
      `Priority service: ${byStaff.name.en} (requested: it applies once confirmed, and until then you wait in the ordinary order)`,
    ])
  })
})
