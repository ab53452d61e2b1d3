import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { DESK_REFUSALS } from '../../../shared/api/deskRefusals'
import { LANGUAGES } from '../../../shared/domain/text'
import { deskErrorText } from '../../../renderer/src/format/deskErrorText'
import { common } from '../../../renderer/src/i18n/messages/common'
import { counter } from '../../../renderer/src/i18n/messages/counter'

// Every refusal a counter can be answered (DESK_REFUSALS: the engine's codes, the access
// checks', any request's), in each language the counter speaks: a new code without words
// fails here, not in front of a teller in the hub's English.

const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  messages: { 'zh-CN': { ...common['zh-CN'], ...counter['zh-CN'] }, en: { ...common.en, ...counter.en } },
})

describe('the words of every refusal a counter can get', () => {
  it.each(LANGUAGES.flatMap((language) => DESK_REFUSALS.map((code) => [code, language] as const)))(
    '%s in %s, not the hub’s English',
    (code, language) => {
      i18n.global.locale.value = language
      const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
      const message = `the hub’s own words for ${code}`
      const said = deskErrorText(t, { kind: 'hub', code, message })
      expect(said).not.toContain(message)
      expect(said).not.toContain(`counter.errors.${code}`)
      expect(said).not.toMatch(/[{}]/)
    },
  )

  describe('edge cases', () => {
    it('keeps the hub’s words for a code of another version of the hub', () => {
      i18n.global.locale.value = 'zh-CN'
      const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
      expect(deskErrorText(t, { kind: 'hub', code: 'newerCode', message: 'Counter 3 is new' })).toBe(
        '操作未成功:Counter 3 is new',
      )
    })
  })
})
