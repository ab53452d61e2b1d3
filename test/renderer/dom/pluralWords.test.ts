import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOGUE, say } from '../../../shared/i18n/catalogue'
import { missedRuleText } from '../../../shared/i18n/ticketFacts'
import { i18n } from '../../../renderer/src/i18n'

// "1 ratings": an English message that puts a count before a plural noun needs vue-i18n's plural
// forms ("{n} rating | {n} ratings"), and every call of it must pass the count. Chinese has one form.

/** Every message of a nested table, by its dotted key. */
function leaves(table: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  if (typeof table === 'string') return out.set(prefix, table)
  for (const [k, v] of Object.entries(table as Record<string, unknown>))
    for (const [key, text] of leaves(v, prefix === '' ? k : `${prefix}.${k}`)) out.set(key, text)
  return out
}

/** A placeholder followed by an English plural word ("{n} ratings"); verbs and units are not nouns. */
const COUNT_THEN_PLURAL = /\{(\w+)\} ([a-z-]+s)\b/g
const NOT_NOUNS = new Set(['is', 'has', 'was', 'leaves', 'expires', 's', 'pts'])

/** Placeholders before a plural noun that are never 1, each with the reason. */
const NEVER_ONE: Record<string, string> = {
  'rules.classCredit rate': 'a priority rate above 1 ("1.5 minutes")',
  'rules.classRate rate': 'a priority rate above 1',
  'rules.ownRate rate': 'a priority rate above 1',
  'rules.yoursCredit rate': 'a priority rate above 1',
  'rules.yoursRate rate': 'a priority rate above 1',
  'manager.textMore n': 'shown only for a text too long to show whole',
  'report.controls.last n': 'the presets: 7 and 28 days',
  'report.whatIf.startsFrom.noHistory rate': 'a constant, DEFAULT_RATE',
  'report.whatIf.form.errors.tooManyCounters max': 'a constant limit',
  'report.whatIf.form.errors.dayTooBig customers': 'shown only above the limit of many',
  'report.whatIf.form.errors.dayTooBig counterHours': 'shown only above the limit of many',
  'report.whatIf.form.errors.dayTooBig maxCustomers': 'a constant limit',
  'report.whatIf.form.errors.dayTooBig maxCounterHours': 'a constant limit',
}

const english = leaves(i18n.global.messages.value.en)

/** The messages whose count comes before a plural noun and that can be 1. */
const counted = [...english].filter(([key, text]) =>
  [...text.matchAll(COUNT_THEN_PLURAL)].some(
    (m) => !NOT_NOUNS.has(m[2] ?? '') && NEVER_ONE[`${key} ${m[1] ?? ''}`] === undefined,
  ),
)

/** The renderer's source files, where the messages are called. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(vue|ts)$/.test(name) && !path.includes('i18n') ? [readFileSync(path, 'utf8')] : []
  })
}

describe('English counts', () => {
  it('finds the messages to check', () => {
    expect(counted.map(([key]) => key)).toEqual(
      expect.arrayContaining(['report.day.ratings', 'manager.closeDay.waiting']),
    )
  })

  // Forms chosen by another count do not help: each count before a plural noun needs a form
  // without that plural ("{calls} calls" in every form of a message chosen by the people let
  // ahead still reads "1 calls").
  it.each(counted)('%s has plural forms for each of its counts', (key, text) => {
    expect(text).toContain(' | ')
    const forms = text.split(' | ')
    for (const m of text.matchAll(COUNT_THEN_PLURAL)) {
      if (NOT_NOUNS.has(m[2] ?? '') || NEVER_ONE[`${key} ${m[1] ?? ''}`] !== undefined) continue
      expect(
        forms.some((form) => !form.includes(m[0])),
        `${key}: ${m[0]}`,
      ).toBe(true)
    }
  })

  // The catalogue's messages are formatted with their count by `formatMessage`, and a refusal's
  // by `refusalText` (the lock-out's minutes: signInErrorText.test.ts), not called by name.
  const printed = leaves(CATALOGUE.en)
  const refusal = /^\w+\.errors\./
  it.each(counted.filter(([key]) => !printed.has(key) && !refusal.test(key)))('%s is called with its count', (key) => {
    const code = sources(new URL('../../../renderer/src', import.meta.url).pathname).join('\n')
    const calls = [...code.matchAll(new RegExp(`\\bt\\('${key.replaceAll('.', '\\.')}'(?<rest>[^)]*)\\)`, 'g'))]
    expect(calls.length).toBeGreaterThan(0)
    // A call with named values only (`t(key, { n })`) never chooses a form.
    for (const c of calls) expect(c.groups?.rest).toMatch(/^,\s*\{[^}]*\},\s*\S/)
  })

  it.each([
    ['report.day.ratings', 1, '1 rating'],
    ['report.day.ratings', 2, '2 ratings'],
    ['report.whatIf.problems', 1, 'The scenario has 1 problem:'],
    ['report.whatIf.form.notRun', 1, '1 field needs correcting; nothing was run.'],
    ['manager.closeDay.atCounters', 0, 'No customer is being called or served.'],
    ['manager.closeDay.waiting', 1, '1 customer still queuing, stepped aside or missed will be taken off the queue.'],
    ['status.noShow', 1, 'Missed: re-join at the kiosk within 1 minute'],
    ['kiosk.ticket.countdown', 0, 'Back to the start in 0 seconds'],
  ] as const)('says %s for %i as “%s”', (key, n, said) => {
    i18n.global.locale.value = 'en'
    expect(i18n.global.t(key, { n, grace: n }, n)).toBe(said)
  })

  // The printed and shown missed-call rule: each count in its own sentence, with its own form.
  it.each([
    [
      { recallsBeforeNoShow: 0, graceMin: 1, rejoinBehind: 1 },
      'If you do not come after 1 call, your ticket counts as missed. You can then re-join at the kiosk within 1 minute. Re-joining puts you behind the next person waiting.',
    ],
    [
      { recallsBeforeNoShow: 2, graceMin: 30, rejoinBehind: 0 },
      'If you do not come after 3 calls, your ticket counts as missed. You can then re-join at the kiosk within 30 minutes. Re-joining puts you at the front of the queue.',
    ],
  ])('says the missed-call rule for %o on paper and screen alike', (policy, said) => {
    i18n.global.locale.value = 'en'
    expect(missedRuleText(policy, 'en', (ref) => say('en', ref))).toBe(said)
    expect(missedRuleText(policy, 'en', (ref) => i18n.global.t(ref.key, ref.params ?? {}, ref.count ?? 0))).toBe(said)
    i18n.global.locale.value = 'zh-CN'
    expect(missedRuleText(policy, 'zh-CN', (ref) => say('zh-CN', ref))).toMatch(
      new RegExp(`^叫号 ${policy.recallsBeforeNoShow + 1} 次未到视为过号。过号后 ${policy.graceMin} 分钟内`),
    )
  })

  describe('edge cases', () => {
    it('keeps Chinese in its one form for any count', () => {
      i18n.global.locale.value = 'zh-CN'
      expect([1, 2].map((n) => i18n.global.t('report.day.ratings', { n }, n))).toEqual(['共 1 条评价', '共 2 条评价'])
      i18n.global.locale.value = 'en'
    })
  })
})
