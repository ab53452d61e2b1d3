import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../shared/domain/text'
import { CATALOGUE } from '../../../shared/i18n/catalogue'
import { formatMessage } from '../../../shared/i18n/format'
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
 * A screen's label that is, in Chinese only, the same word as a phrase inside a lobby sentence
 * (English writes the label capitalised and the phrase in lower case): one word in two roles,
 * not one message kept twice.
 */
const SAME_WORD_OTHER_ROLE = new Set([
  'zh-CN display.counters.paused',
  'zh-CN manager.counters.reasons.cashCount',
  'zh-CN manager.delays.template.cashCount',
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

  it('is filled by the hub exactly as vue-i18n fills it on the screens', () => {
    const params = {
      n: 0,
      low: 5,
      high: 10,
      time: '09:30',
      calls: 3,
      grace: 30,
      name: 'VIP',
      counter: 3,
      why: 'x',
      service: 'y',
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

  describe('edge cases', () => {
    it('leaves a placeholder it has no value for as it is', () => {
      expect(formatMessage('Counter {counter}', {})).toBe('Counter {counter}')
    })
  })
})
