import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { DEFAULT_POLICY, type BranchConfig } from '../../shared/domain/branch'
import { priorityClassId, type PriorityClassId } from '../../shared/domain/ids'
import type { Language } from '../../shared/domain/text'
import { callOrder } from '../../shared/policy/callOrder'
import { describePolicy } from '../../shared/policy/describePolicy'
import { rules } from '../../renderer/src/i18n/messages/rules'
import { ruleSentences } from '../../renderer/src/logic/rules/ruleSentences'
import { Driver } from '../shared/support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../shared/support/testBranch'

const i18n = createI18n({
  legacy: false,
  locale: 'en',
  messages: { 'zh-CN': rules['zh-CN'], en: rules.en },
  pluralRules: { 'zh-CN': () => 0 },
})
const tIn =
  (lang: Language) =>
  (key: string, named: Record<string, unknown> = {}, plural?: number): string =>
    i18n.global.t(key, named, plural === undefined ? { locale: lang } : { locale: lang, plural })

const sentences = (branch: BranchConfig, lang: Language) => ruleSentences(describePolicy(branch), tIn(lang), lang)

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
}

/** The rule as a customer reads it: only the numbers in the shown sentences. */
function readRule(lines: readonly string[], lang: Language): ReadRule {
  const classes = new Map<string, { creditSec: number; rate: number }>()
  let capSec: number | null = null
  const patterns =
    lang === 'en'
      ? {
          credit:
            /^(.+): counted as having already waited (.+) when they take their ticket, and each minute they wait counts as ([\d.]+) minutes/,
          rate: /^(.+): each minute they wait counts as ([\d.]+) minutes/,
          cap: /^Once you have waited (.+), nobody who came after you/,
        }
      : {
          credit: /^(.+):取号时即视为已等候 (.+),此后每等候 1 分钟按 ([\d.]+) 分钟计算/,
          rate: /^(.+):每等候 1 分钟按 ([\d.]+) 分钟计算/,
          cap: /^您等候满 (.+?)后,不会再有比您晚到的客户先于您办理/,
        }
  for (const line of lines) {
    const credit = patterns.credit.exec(line)
    const rate = patterns.rate.exec(line)
    const cap = patterns.cap.exec(line)
    if (credit !== null) classes.set(credit[1]!, { creditSec: spanSec(credit[2]!), rate: Number(credit[3]) })
    else if (rate !== null) classes.set(rate[1]!, { creditSec: 0, rate: Number(rate[2]) })
    else if (cap !== null) capSec = spanSec(cap[1]!)
  }
  return { classes, capSec }
}

interface Waiting {
  readonly name: string | null
  readonly arrival: number
  readonly waitedMs: number
}

/**
 * The order the words give: whoever has waited the stated cap goes first, in arrival order;
 * then the higher standing (credit + rate × minutes waited; ordinary customers: minutes
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
  return [...waiting]
    .sort((a, b) => {
      const ca = capped(a)
      const cb = capped(b)
      if (ca !== cb) return ca ? -1 : 1
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
  customers: fc.array(fc.record({ cls: fc.option(fc.nat({ max: 2 }), { nil: null }), gapSec: fc.nat({ max: 400 }) }), {
    minLength: 1,
    maxLength: 12,
  }),
  afterSec: fc.nat({ max: 600 }),
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

  it('orders random waiting customers, as read from the shown words in either language, as the engine does', () => {
    fc.assert(
      fc.property(scenarioArb, ({ classes, waitCapSec, customers, afterSec }) => {
        const branch = branchOf(classes, waitCapSec)
        const d = new Driver(branch).openDay().open(C1, ALICE)
        const issued: { id: string; cls: PriorityClassId | null; at: number }[] = []
        for (const c of customers) {
          d.advance(c.gapSec)
          const cls = c.cls === null || c.cls >= classes.length ? null : priorityClassId(`p${c.cls}`)
          issued.push({ id: d.issue(A, cls).id, cls, at: d.now })
        }
        d.advance(afterSec)
        const engine = callOrder(d.state, branch, C1, d.now).map((t) => issued.findIndex((x) => x.id === t.id))
        for (const lang of ['en', 'zh-CN'] as const) {
          const rule = readRule(sentences(branch, lang), lang)
          const waiting = issued.map((x, arrival) => ({
            name: x.cls === null ? null : branch.priorityClasses.find((p) => p.id === x.cls)!.name[lang],
            arrival,
            waitedMs: d.now - x.at,
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
