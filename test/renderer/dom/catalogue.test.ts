import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../shared/domain/text'
import { CATALOGUE, say, type MessageRef } from '../../../shared/i18n/catalogue'
import { formatMessage } from '../../../shared/i18n/format'
import { missedRuleText } from '../../../shared/i18n/ticketFacts'
import { KPI_LABEL_KEYS, KPI_LABELS, OUTCOME_LABELS, YES_NO } from '../../../shared/reports/labels'
import { i18n } from '../../../renderer/src/i18n'
import { book } from '../../../renderer/src/i18n/messages/book'
import { common } from '../../../renderer/src/i18n/messages/common'
import { counter } from '../../../renderer/src/i18n/messages/counter'
import { display } from '../../../renderer/src/i18n/messages/display'
import { health } from '../../../renderer/src/i18n/messages/health'
import { hq } from '../../../renderer/src/i18n/messages/hq'
import { kiosk } from '../../../renderer/src/i18n/messages/kiosk'
import { manager } from '../../../renderer/src/i18n/messages/manager'
import { report } from '../../../renderer/src/i18n/messages/report'
import { rules } from '../../../renderer/src/i18n/messages/rules'
import { setup } from '../../../renderer/src/i18n/messages/setup'
import { status } from '../../../renderer/src/i18n/messages/status'

/** Every message of a nested table, by its dotted key. */
function leaves(table: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  if (typeof table === 'string') return out.set(prefix, table)
  for (const [k, v] of Object.entries(table as Record<string, unknown>))
    for (const [key, text] of leaves(v, prefix === '' ? k : `${prefix}.${k}`)) out.set(key, text)
  return out
}

const SCREENS = [book, common, counter, display, health, hq, kiosk, manager, report, rules, setup, status]
const screenOnly = (language: 'zh-CN' | 'en') => new Map(SCREENS.flatMap((m) => [...leaves(m[language])]))

/**
 * A screen's word that is the same word as a catalogue message in another role (the other
 * language words them differently): one word in two roles, not one message kept twice.
 */
const SAME_WORD_OTHER_ROLE = new Set([
  // Separators whose English is not the list's (' or ', '; '): the same glyph in Chinese only.
  'zh-CN display.slides.list',
  'zh-CN health.warnings.languagesJoin',
  // A booking's status, not a ticket's outcome.
  'zh-CN book.status.cancelled',
  'en book.status.cancelled',
  // The teller's button, not the ticket's outcome.
  'en counter.actions.noShow',
  // The teller's queue count (English shows the bare number), not the customer's people ahead.
  'zh-CN counter.queue.waiting',
  // The lobby's column "wait if you join", not the ticket's own wait.
  'zh-CN display.services.newTicket',
  // The kiosk's button and dialog, not the report's overtake reason.
  'zh-CN kiosk.rejoin.open',
  'zh-CN kiosk.rejoin.title',
  // The manager's delay template's name, not the report's pause reason.
  'zh-CN manager.delays.template.systemOutage',
  'en manager.delays.template.cashCount',
])

describe('the shared catalogue', () => {
  it('has every key in both Chinese and English, and so do the screens’ merged messages', () => {
    expect([...leaves(CATALOGUE.en).keys()].sort()).toEqual([...leaves(CATALOGUE['zh-CN']).keys()].sort())
    const messages = i18n.global.messages.value
    expect([...leaves(messages.en).keys()].sort()).toEqual([...leaves(messages['zh-CN']).keys()].sort())
  })

  it('is what the screens read: its keys are in the renderer’s messages with the same words', () => {
    for (const language of LANGUAGES) {
      const merged = leaves(i18n.global.messages.value[language])
      for (const [key, text] of leaves(CATALOGUE[language])) expect(merged.get(key), key).toBe(text)
    }
  })

  it('keeps no copy: no screen message repeats a message of the catalogue', () => {
    for (const language of LANGUAGES) {
      const shared = new Set(leaves(CATALOGUE[language]).values())
      const copies = [...screenOnly(language)]
        .filter(([key, text]) => shared.has(text) && !SAME_WORD_OTHER_ROLE.has(`${language} ${key}`))
        .map(([key]) => key)
      expect(copies, language).toEqual([])
    }
  })

  it('names the report’s figures: the CSV’s and HQ’s labels are catalogue messages, not copies', () => {
    const messages = (language: 'zh-CN' | 'en') => new Set(leaves(CATALOGUE[language].labels).values())
    for (const language of LANGUAGES) {
      const written = [...Object.values(KPI_LABELS), ...Object.values(OUTCOME_LABELS), ...Object.values(YES_NO)].map(
        (text) => text[language],
      )
      expect(written.filter((text) => !messages(language).has(text))).toEqual([])
      for (const [kpi, key] of Object.entries(KPI_LABEL_KEYS)) expect(key, kpi).toMatch(/^labels\./)
    }
  })

  it('is filled by the hub exactly as vue-i18n fills it on the screens', () => {
    const params = {
      n: 0,
      low: 5,
      high: 10,
      time: '09:30',
      calls: 3,
      grace: 30,
      behind: 2,
      name: 'VIP',
      counter: 3,
      why: 'x',
      service: 'y',
      number: 'A001',
      label: 'L',
      value: 'V',
    }
    for (const language of LANGUAGES) {
      i18n.global.locale.value = language
      for (const [key, text] of leaves(CATALOGUE[language]))
        for (const n of [0, 1, 2, 7]) {
          const filled = { ...params, n }
          expect(formatMessage(text, filled, n), `${language} ${key} ${n}`).toBe(i18n.global.t(key, filled, n))
        }
    }
    i18n.global.locale.value = 'zh-CN'
  })
})

/**
 * A message as its idea: without named values, the unit the CSV brackets (the screens write
 * units with the values), end punctuation and case.
 */
const idea = (text: string) =>
  text
    .replace(/\{\w+\}/g, '')
    .replace(/\s*[(（](?:秒|小时|%|s)[)）]\s*$/u, '')
    .replace(/[\s。.:;：；,，]+$/u, '')
    .trim()
    .toLowerCase()

describe('one idea, one key', () => {
  // Ideas once worded in several places, near copies the exact-copy check above cannot see.
  const IDEAS = [
    'ticket.yourNumber',
    'ticket.priority.label',
    'labels.kpi.overtakes',
    'labels.kpi.maxOrdinaryOvertakenWaitSec',
    'nobodyWaiting',
    'exit.lockedOut',
    'exit.wrong',
  ]
  /**
   * Ideas once worded differently in each place (no normalising finds those), recognised by
   * what any wording of them must say.
   */
  const SAYS: readonly (readonly [key: string, says: RegExp])[] = [
    // The missed-call rule: how many calls make a ticket missed (the status page, the ticket's
    // calling note and the rules once each had their own).
    ['ticket.missedRule.calls', /\{calls\}[^]*(视为过号|counts as missed)/],
    // The exit PIN locked out for a while (setup and the PIN pad once each had their own).
    ['exit.lockedOut', /\{n\} 秒后再试|try again in \{n\} s/i],
    // A wrong exit PIN.
    ['exit.wrong', /退出密码错误|exit PIN is wrong|wrong (exit )?PIN$/i],
    // Nobody in the queue (the counter's rest screen, its queue and Call next button, the manager's list).
    ['nobodyWaiting', /暂无等候|没有客户在等候|nobody( is)? waiting/i],
  ]

  it('words each idea once, however a second wording would put it', () => {
    for (const language of LANGUAGES) {
      const all = leaves(i18n.global.messages.value[language])
      for (const [key, says] of SAYS) {
        const same = [...all].filter(([, text]) => says.test(text)).map(([k]) => k)
        expect(same, `${language} ${key}`).toEqual([key])
      }
    }
  })

  it('words the ticket number’s label, the priority label, the overtake figures, an empty queue and the exit PIN’s refusals in one message each', () => {
    for (const language of LANGUAGES) {
      const all = leaves(i18n.global.messages.value[language])
      for (const key of IDEAS) {
        const wanted = idea(all.get(key) ?? `missing ${key}`)
        const same = [...all].filter(([, text]) => idea(text) === wanted).map(([k]) => k)
        expect(same, `${language} ${key}`).toEqual([key])
      }
    }
  })

  it('restates no ticket label inside a customer screen’s sentence (the sentence is given the ticket’s line)', () => {
    for (const language of LANGUAGES) {
      const labels = ['ticket.ahead', 'ticket.estimate'].map((key) => leaves(CATALOGUE[language]).get(key)!)
      const sentences = [...leaves(kiosk[language]), ...leaves(status[language])]
      const restated = sentences.filter(([, text]) => labels.some((label) => text.includes(label)))
      expect(
        restated.map(([key]) => key),
        language,
      ).toEqual([])
    }
  })

  it('builds the sentences that name them from the same messages', () => {
    for (const language of LANGUAGES) {
      i18n.global.locale.value = language
      const t = i18n.global.t
      const checkedIn = t('checkIn.onTime', { number: 'C001', yourNumber: t('ticket.yourNumber') })
      expect(checkedIn).toContain(`${t('ticket.yourNumber')}${language === 'en' ? ': ' : ':'}C001`)
    }
    i18n.global.locale.value = 'zh-CN'
  })
})

describe('formatMessage', () => {
  it('fills named values and chooses an English plural by count', () => {
    expect(formatMessage('{n} person ahead of you | {n} people ahead of you', { n: 1 }, 1)).toBe(
      '1 person ahead of you',
    )
    expect(formatMessage('{n} person ahead of you | {n} people ahead of you', { n: 0 }, 0)).toBe(
      '0 people ahead of you',
    )
    expect(formatMessage('no one | one | {n} of them', { n: 0 }, 0)).toBe('no one')
    expect(formatMessage('前面还有 {n} 人', { n: 4 }, 4)).toBe('前面还有 4 人')
  })

  it('lets a Chinese sentence change with its count, on paper and on the screens alike', () => {
    // A branch that lets nobody ahead of a customer who re-joins after a missed call.
    const policy = { recallsBeforeNoShow: 2, graceMin: 30, rejoinBehind: 0 }
    const paper = missedRuleText(policy, 'zh-CN', (ref) => say('zh-CN', ref))
    expect(paper).toBe('叫号 3 次未到视为过号。过号后 30 分钟内可到取号机重新排队。重新排队后排在队首。')
    const screen = (ref: MessageRef) =>
      i18n.global.t(ref.key, ref.params ?? {}, { locale: 'zh-CN', plural: ref.count ?? 0 })
    expect(missedRuleText(policy, 'zh-CN', screen)).toBe(paper)
    // Two customers parked too long: the counter's prompt speaks of both, not of the first alone.
    const prompt = (n: number) =>
      i18n.global.t('counter.parked.prompt', { number: 'A001', min: 7 }, { locale: 'zh-CN', plural: n })
    expect(prompt(1)).toMatch(/^A001 已暂离 7 分钟/)
    expect(prompt(2)).toMatch(/^A001 等暂离客户已超时/)
  })

  describe('edge cases', () => {
    it('leaves a placeholder it has no value for as it is', () => {
      expect(formatMessage('Counter {counter}', {})).toBe('Counter {counter}')
    })
  })
})
