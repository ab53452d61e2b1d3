import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { DEFAULT_POLICY, type BranchConfig } from '../../shared/domain/branch'
import { priorityClassId, type PriorityClassId } from '../../shared/domain/ids'
import type { Language } from '../../shared/domain/text'
import { callOrder } from '../../shared/policy/callOrder'
import { describePolicy } from '../../shared/policy/describePolicy'
import { CATALOGUE } from '../../shared/i18n/catalogue'
import { choiceIndex } from '../../shared/i18n/format'
import { rules } from '../../renderer/src/i18n/messages/rules'
import { classRuleSentence, ruleSentences } from '../../renderer/src/logic/rules/ruleSentences'
import { Driver } from '../shared/support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../shared/support/testBranch'

const i18n = createI18n({
  legacy: false,
  locale: 'en',
  // The rules' own words and the catalogue's missed-call rule, as the screens merge them.
  messages: { 'zh-CN': { ...CATALOGUE['zh-CN'], ...rules['zh-CN'] }, en: { ...CATALOGUE.en, ...rules.en } },
  pluralRules: { 'zh-CN': (count, choices) => choiceIndex(choices, count) },
})
const tIn =
  (lang: Language) =>
  (key: string, named: Record<string, unknown> = {}, plural?: number): string =>
    i18n.global.t(key, named, plural === undefined ? { locale: lang } : { locale: lang, plural })

/** The demo branch's booking rules: a booked customer is called within 10 minutes of their time. */
const BOOKINGS = { services: [A], callGraceMinutes: 10 }

const sentences = (branch: BranchConfig, lang: Language, graceMin: number | null = null) =>
  ruleSentences(
    describePolicy(branch, graceMin === null ? null : { services: [A], callGraceMinutes: graceMin }),
    tIn(lang),
    lang,
  )

/** A span as the words state it, in seconds: "3 min", "2 min 15 s", "40 s", "3 分钟", "2 分 15 秒". */
function spanSec(words: string): number {
  const m = /^(?:(\d+) (?:min|分钟|分))?\s*(?:(\d+) (?:s|秒))?$/.exec(words.trim())
  if (m === null || (m[1] === undefined && m[2] === undefined)) throw new Error(`not a span: ${words}`)
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)
}

interface ReadRule {
  /** Per class name: the credit in seconds and how many minutes one minute of waiting counts as. */
  readonly classes: ReadonlyMap<string, { readonly creditSec: number; readonly rate: number }>
  readonly capSec: number | null
  /** Booked customers go first, within this grace of their time (null: no booking rule shown). */
  readonly bookedGraceSec: number | null
}

/** The rule as a customer reads it: only the numbers in the shown sentences. */
function readRule(lines: readonly string[], lang: Language): ReadRule {
  const classes = new Map<string, { creditSec: number; rate: number }>()
  let capSec: number | null = null
  let bookedGraceSec: number | null = null
  let capExceptGraceSec: number | null = null
  const patterns =
    lang === 'en'
      ? {
          credit:
            /^(.+): counted as having already waited (.+) when they take their ticket, and each minute they wait counts as ([\d.]+) minutes/,
          rate: /^(.+): each minute they wait counts as ([\d.]+) minutes/,
          cap: /^Once you have waited (.+), nobody who came after you/,
          booked:
            /^Customers who booked ahead and checked in on time go first once their booked time comes: they are called within (.+) of it \(or of checking in, if later\), before anyone else, in the order their time came\.$/,
          except: /, except booked customers within (.+) of their booked time\.$/,
        }
      : {
          credit: /^(.+):取号时即视为已等候 (.+),此后每等候 1 分钟按 ([\d.]+) 分钟计算/,
          rate: /^(.+):每等候 1 分钟按 ([\d.]+) 分钟计算/,
          cap: /^您等候满 (.+?)后,不会再有比您晚到的客户先于您办理/,
          booked:
            /^已预约并按时签到的客户,到预约时间后优先叫号:在预约时间\(签到晚于预约时间的,自签到起\)(.+?)内叫到,先于其他所有客户;多位预约客户按各自时间到达的先后叫号。$/,
          except: /\(到预约时间 (.+?)内的预约客户除外\)。$/,
        }
  for (const line of lines) {
    const credit = patterns.credit.exec(line)
    const rate = patterns.rate.exec(line)
    const cap = patterns.cap.exec(line)
    const booked = patterns.booked.exec(line)
    const except = patterns.except.exec(line)
    if (booked !== null) bookedGraceSec = spanSec(booked[1]!)
    if (except !== null) capExceptGraceSec = spanSec(except[1]!)
    if (credit !== null) classes.set(credit[1]!, { creditSec: spanSec(credit[2]!), rate: Number(credit[3]) })
    else if (rate !== null) classes.set(rate[1]!, { creditSec: 0, rate: Number(rate[2]) })
    else if (cap !== null) capSec = spanSec(cap[1]!)
  }
  // The cap's exception names the same grace as the booking rule, or is absent with it.
  if (capSec !== null && capExceptGraceSec !== bookedGraceSec) throw new Error('the cap and the booking rule disagree')
  return { classes, capSec, bookedGraceSec }
}

interface Waiting {
  readonly name: string | null
  readonly arrival: number
  readonly waitedMs: number
  /** A booked customer: how long ago their booked time was (negative: still to come). */
  readonly sinceSlotMs: number | null
}

/**
 * The order the words give: booked customers whose time has come and whose grace (from their
 * time, or their check-in if later) still runs go first, in the order their time came; then
 * whoever has waited the stated cap, in arrival order; then booked customers whose time has
 * come; then the higher standing (credit + rate × minutes waited; ordinary customers: minutes
 * waited), in exact integer arithmetic; equal standings in arrival order.
 */
function orderByWords(rule: ReadRule, waiting: readonly Waiting[]): number[] {
  const standing = (w: Waiting): bigint => {
    const c = w.name === null ? { creditSec: 0, rate: 1 } : rule.classes.get(w.name)
    if (c === undefined) throw new Error(`no rule shown for ${w.name}`)
    const rate100 = BigInt(Math.round(c.rate * 100))
    return BigInt(c.creditSec) * 100_000n + rate100 * BigInt(w.waitedMs)
  }
  const capped = (w: Waiting) => rule.capSec !== null && w.waitedMs >= rule.capSec * 1000
  const due = (w: Waiting) => rule.bookedGraceSec !== null && w.sinceSlotMs !== null && w.sinceSlotMs >= 0
  /** How long ago their time came: the booked time, or the check-in if later. */
  const sinceTime = (w: Waiting) => Math.min(w.sinceSlotMs ?? 0, w.waitedMs)
  const promised = (w: Waiting) => due(w) && sinceTime(w) <= (rule.bookedGraceSec ?? 0) * 1000
  return [...waiting]
    .sort((a, b) => {
      const pa = promised(a)
      const pb = promised(b)
      if (pa !== pb) return pa ? -1 : 1
      if (pa) return sinceTime(b) - sinceTime(a) || a.arrival - b.arrival
      const ca = capped(a)
      const cb = capped(b)
      if (ca !== cb) return ca ? -1 : 1
      const da = due(a)
      const db = due(b)
      if (!ca && da !== db) return da ? -1 : 1
      if (!ca) {
        const sa = standing(a)
        const sb = standing(b)
        if (sa !== sb) return sa > sb ? -1 : 1
      }
      return a.arrival - b.arrival
    })
    .map((w) => w.arrival)
}

// Rates with exact binary fractions and head starts that make rate × head start whole seconds,
// so the shown numbers are the configured ones; whole-second arrivals so ties do happen.
const RATES = [1, 1.25, 1.5, 2, 2.5, 3, 4] as const
const classArb = fc.record({
  rate: fc.constantFrom(...RATES),
  headStartSec: fc.integer({ min: 0, max: 150 }).map((n) => n * 4),
})
const scenarioArb = fc.record({
  classes: fc.array(classArb, { minLength: 1, maxLength: 3 }),
  waitCapSec: fc.option(fc.integer({ min: 30, max: 3600 }), { nil: null }),
  customers: fc.array(
    fc.record({
      cls: fc.option(fc.nat({ max: 2 }), { nil: null }),
      gapSec: fc.nat({ max: 400 }),
      // Booked: the slot this long after they check in (negative: they came late, within the window).
      slotInSec: fc.option(fc.integer({ min: -600, max: 1800 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  graceMin: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  afterSec: fc.nat({ max: 1800 }),
})

function branchOf(classes: readonly { rate: number; headStartSec: number }[], waitCapSec: number | null): BranchConfig {
  return {
    ...TEST_BRANCH,
    priorityClasses: classes.map((c, i) => ({
      id: priorityClassId(`p${i}`),
      name: { 'zh-CN': `类别${i}`, en: `Class ${i}` },
      ...c,
    })),
    policy: { ...DEFAULT_POLICY, waitCapSec },
  }
}

describe('ruleSentences', () => {
  it('states what the engine does with the demo branch’s premier customers: 2 × (wait + 1.5 min)', () => {
    const en = sentences(DEMO_BRANCH, 'en')
    expect(en).toContain(
      'Premier customers: counted as having already waited 3 min when they take their ticket, and each minute they wait counts as 2 minutes, so they may go before you.',
    )
    expect(sentences(DEMO_BRANCH, 'zh-CN').join('\n')).toContain(
      '取号时即视为已等候 3 分钟,此后每等候 1 分钟按 2 分钟计算',
    )
    expect(en).toContain('Once you have waited 40 min, nobody who came after you is called before you.')
  })

  it('says that booked customers go first once their time comes, within the grace the engine keeps, in both languages', () => {
    const en = ruleSentences(describePolicy(DEMO_BRANCH, BOOKINGS), tIn('en'), 'en')
    expect(en[1]).toBe(
      'Customers who booked ahead and checked in on time go first once their booked time comes: they are called within 10 min of it (or of checking in, if later), before anyone else, in the order their time came.',
    )
    expect(en).toContain(
      'Once you have waited 40 min, nobody who came after you is called before you, except booked customers within 10 min of their booked time.',
    )
    const zh = ruleSentences(describePolicy(DEMO_BRANCH, BOOKINGS), tIn('zh-CN'), 'zh-CN')
    expect(zh[1]).toContain('到预约时间后优先叫号')
    expect(zh[1]).toContain('10 分钟内叫到')
    // A branch that takes no bookings says nothing about them.
    expect(sentences(DEMO_BRANCH, 'en').join(' ')).not.toMatch(/booked/)
    expect(
      ruleSentences(describePolicy(DEMO_BRANCH, { services: [], callGraceMinutes: 10 }), tIn('en'), 'en').join(' '),
    ).not.toMatch(/booked/)
  })

  it('orders random waiting customers, as read from the shown words in either language, as the engine does', () => {
    fc.assert(
      fc.property(scenarioArb, ({ classes, waitCapSec, customers, graceMin, afterSec }) => {
        const branch = branchOf(classes, waitCapSec)
        const d = new Driver(branch).openDay().open(C1, ALICE)
        const issued: { id: string; cls: PriorityClassId | null; at: number; slotAt: number | null }[] = []
        for (const c of customers) {
          d.advance(c.gapSec)
          const cls = c.cls === null || c.cls >= classes.length ? null : priorityClassId(`p${c.cls}`)
          const slotAt = graceMin === null || c.slotInSec === null ? null : d.now + c.slotInSec * 1000
          const t = slotAt === null ? d.issue(A, cls) : d.book(A, slotAt, (graceMin ?? 0) * 60, cls)
          issued.push({ id: t.id, cls, at: d.now, slotAt })
        }
        d.advance(afterSec)
        const engine = callOrder(d.state, branch, C1, d.now).map((t) => issued.findIndex((x) => x.id === t.id))
        for (const lang of ['en', 'zh-CN'] as const) {
          const rule = readRule(sentences(branch, lang, graceMin), lang)
          const waiting = issued.map((x, arrival) => ({
            name: x.cls === null ? null : branch.priorityClasses.find((p) => p.id === x.cls)!.name[lang],
            arrival,
            waitedMs: d.now - x.at,
            sinceSlotMs: x.slotAt === null ? null : d.now - x.slotAt,
          }))
          expect(orderByWords(rule, waiting)).toEqual(engine)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('never rounds the cap or a credit it states', () => {
    const branch = branchOf([{ rate: 1.5, headStartSec: 90 }], 2450)
    const en = sentences(branch, 'en')
    expect(en).toContain(
      'Class 0: counted as having already waited 2 min 15 s when they take their ticket, and each minute they wait counts as 1.5 minutes, so they may go before you.',
    )
    expect(en).toContain('Once you have waited 40 min 50 s, nobody who came after you is called before you.')
  })
})

describe('classRuleSentence', () => {
  /** The numbers a class's sentence states: the credit in seconds (when there is one), then the rate. */
  const numbersOf = (sentence: string): number[] => {
    const credit = /(?:waited|已等候) (.+?)(?: when| on|,)/.exec(sentence)?.[1]
    const rate = /(?:counts as|按) (\d+(?:\.\d+)?)/.exec(sentence)?.[1]
    return [...(credit === undefined ? [] : [spanSec(credit)]), Number(rate)]
  }

  it('states the same numbers beside the class button as in the rules list, without the name, in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1.5, 2, 3, 4),
        fc.integer({ min: 0, max: 1800 }),
        fc.constantFrom<Language>('en', 'zh-CN'),
        (rate, creditSec, lang) => {
          const c = {
            id: priorityClassId('p'),
            name: { 'zh-CN': '贵宾客户', en: 'Premier customers' },
            rate,
            creditSec,
          }
          const named = classRuleSentence(c, tIn(lang), lang)
          const own = classRuleSentence(c, tIn(lang), lang, 'beside')
          const yours = classRuleSentence(c, tIn(lang), lang, 'yours')
          expect(named.startsWith(c.name[lang])).toBe(true)
          expect(own).not.toContain(c.name[lang])
          expect(numbersOf(own)).toEqual(numbersOf(named))
          expect(numbersOf(own)).toEqual(creditSec > 0 ? [creditSec, rate] : [rate])
          expect(numbersOf(yours)).toEqual(numbersOf(own))
        },
      ),
    )
  })

  it('tells the customer who chose a class what it does for them, not that "they may go before you"', () => {
    const policy = describePolicy(DEMO_BRANCH)
    for (const c of policy.classes) {
      const en = classRuleSentence(c, tIn('en'), 'en', 'yours')
      const zh = classRuleSentence(c, tIn('zh-CN'), 'zh-CN', 'yours')
      expect(en).toMatch(/so you may be called before customers who came earlier\.$/)
      expect(en).not.toMatch(/before you/)
      expect(zh).toMatch(/^您.*先于比您早到的客户办理。$/)
      expect(zh).not.toMatch(/先于您/)
    }
  })

  it('leaves the classes shown beside their buttons out of the rules list', () => {
    const policy = describePolicy(DEMO_BRANCH)
    const all = ruleSentences(policy, tIn('en'), 'en')
    const apart = ruleSentences(policy, tIn('en'), 'en', [priorityClassId('vip'), priorityClassId('care')])
    expect(all.length - apart.length).toBe(2)
    expect(apart.join(' ')).not.toMatch(/Premier customers|Elderly/)
    expect(apart.join(' ')).toMatch(/Military/)
  })
})
