import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { HUB_STANDING_PROBLEMS, type WarningParam } from '../../shared/api/health'
import { HUB_TASKS, HUB_WARNINGS, STORAGE_FAILURES, type HubWarningEvent } from '../../shared/api/hubWarnings'
import { LANGUAGES, type Language } from '../../shared/domain/text'
import { warningDetail } from '../../renderer/src/format/warningDetail'
import { health } from '../../renderer/src/i18n/messages/health'
import { manager } from '../../renderer/src/i18n/messages/manager'

// Every warning the hub can log (HUB_WARNINGS: the hub logs through nothing else, and lint keeps
// it so) and every standing problem, worded in each language the manager's screen speaks, from
// the facts the hub logs with it. A new event without words fails here, not on a branch's screen.

const messages = {
  'zh-CN': { ...manager['zh-CN'], ...health['zh-CN'] },
  en: { ...manager.en, ...health.en },
}
const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages })

/** The message at a dotted key, as vue-i18n resolves it (undefined when not a message). */
const messageAt = (language: Language, key: string): string | undefined => {
  let at: unknown = messages[language]
  for (const part of key.split('.')) at = (at as Record<string, unknown> | undefined)?.[part]
  return typeof at === 'string' ? at : undefined
}

/** A value of each fact, as the hub logs it: codes the screen words, else a plain token. */
const sample = (event: HubWarningEvent, name: string): WarningParam => {
  switch (name) {
    case 'problem':
      return event === 'customerAddress.unreachable' ? 'loopbackOnly' : 'paperOut'
    case 'state':
      return 'error'
    case 'what':
      return 'serverCertificate'
    case 'source':
      return 'branchCa'
    case 'expiresAt':
      return Date.UTC(2027, 0, 1)
    case 'missing':
      return ['en']
    case 'failure':
      return 'diskFull'
    case 'task':
      return 'minuteTimer'
    default:
      return `«${name}»`
  }
}

const events = Object.keys(HUB_WARNINGS) as HubWarningEvent[]
const cases = LANGUAGES.flatMap((language) => events.map((event) => [event, language] as const))

describe('the words of every hub warning', () => {
  it.each(cases)('%s has a headline and a detail in %s', (event, language) => {
    expect(messageAt(language, `health.warnings.events.${event}`), 'headline').toBeTypeOf('string')
    expect(messageAt(language, `health.warnings.details.${event}`), 'detail').toBeTypeOf('string')
  })

  it.each(cases)('%s is worded in %s from the facts the hub logs with it', (event, language) => {
    const detail = messageAt(language, `health.warnings.details.${event}`) ?? ''
    const needs: readonly string[] = HUB_WARNINGS[event]
    // a placeholder the hub does not log would show as "{name}" or nothing at all
    for (const [, name] of detail.matchAll(/\{(\w+)\}/g)) expect(needs, `{${name}}`).toContain(name)
    const params = Object.fromEntries(needs.map((name) => [name, sample(event, name)]))
    const w = { event, params, message: 'the log’s own words' }
    i18n.global.locale.value = language
    const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
    const said = warningDetail(w, t, (key) => i18n.global.te(key), 480)
    expect(said).not.toBe(w.message)
    expect(said).not.toMatch(/[{}]/)
    for (const name of needs) {
      const value = params[name]
      // a fact shown as it is (a device's id, a file) appears; a code appears in words, not as itself
      if (typeof value === 'string' && value.startsWith('«')) expect(said).toContain(value)
      if (['problem', 'state', 'failure', 'task'].includes(name)) expect(said).not.toContain(String(value))
    }
  })

  it.each(LANGUAGES)('words each code a fact names in %s', (language) => {
    for (const failure of STORAGE_FAILURES)
      expect(messageAt(language, `health.warnings.storage.${failure}`), failure).toBeTypeOf('string')
    for (const task of HUB_TASKS)
      expect(messageAt(language, `health.warnings.tasks.${task}`), task).toBeTypeOf('string')
  })
})

describe('the words of every standing problem', () => {
  it.each(LANGUAGES.flatMap((language) => HUB_STANDING_PROBLEMS.map((what) => [what, language] as const)))(
    '%s says since when and what to do in %s',
    (what, language) => {
      const words = messageAt(language, `health.standing.${what}`)
      expect(words).toBeTypeOf('string')
      expect(words).toContain('{time}')
    },
  )
})
