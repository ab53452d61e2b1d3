import { describe, expect, it } from 'vitest'
import { DESK_REFUSALS, MANAGER_REFUSALS, SIGN_IN_REFUSALS } from '../../../shared/api/deskRefusals'
import type { ApiError } from '../../../shared/api/views'
import { LANGUAGES } from '../../../shared/domain/text'
import { ApiFailure } from '../../../renderer/src/api/apiClient'
import { deskErrorText } from '../../../renderer/src/format/deskErrorText'
import { managerErrorText } from '../../../renderer/src/format/managerErrorText'
import { signInErrorText } from '../../../renderer/src/format/signInErrorText'
import { i18n } from '../../../renderer/src/i18n'

// Every refusal a screen can be answered — a counter's (DESK_REFUSALS: the engine's codes, the
// access checks', any request's), the manager's, a sign-in's — in each language the screen
// speaks: a new code without words fails here, not in front of staff in the hub's English.

const failure = (code: string, message: string) =>
  new ApiFailure({ statusCode: 409, error: 'Conflict', code, message } as ApiError, 60)

const SCREENS = [
  ['counter', DESK_REFUSALS, (code: string, message: string) => deskErrorText(t, { kind: 'hub', code, message })],
  ['manager', MANAGER_REFUSALS, (code: string, message: string) => managerErrorText(t, failure(code, message))],
  ['sign-in', SIGN_IN_REFUSALS, (code: string, message: string) => signInErrorText(t, failure(code, message))],
] as const

const t = (key: string, named?: Record<string, unknown>, plural?: number) =>
  plural === undefined ? i18n.global.t(key, named ?? {}) : i18n.global.t(key, named ?? {}, plural)

describe('the words of every refusal a staff screen can get', () => {
  const cases = SCREENS.flatMap(([screen, codes, words]) =>
    LANGUAGES.flatMap((language) => codes.map((code) => [screen, code, language, words] as const)),
  )
  it.each(cases)('%s: %s in %s, not the hub’s English', (_screen, code, language, words) => {
    i18n.global.locale.value = language
    const message = `the hub’s own words for ${code}`
    const said = words(code, message) ?? ''
    expect(said).not.toContain(message)
    expect(said).not.toMatch(/errors\.|[{}]/)
    expect(said.length).toBeGreaterThan(4)
    i18n.global.locale.value = 'zh-CN'
  })

  describe('edge cases', () => {
    it('keeps the hub’s words for a code of another version of the hub', () => {
      i18n.global.locale.value = 'zh-CN'
      expect(deskErrorText(t, { kind: 'hub', code: 'newerCode', message: 'Counter 3 is new' })).toBe(
        '操作未成功:Counter 3 is new',
      )
      expect(managerErrorText(t, failure('newerCode', 'Counter 3 is new'))).toBe('操作未成功:Counter 3 is new')
      expect(signInErrorText(t, failure('newerCode', 'Sign-in is new'))).toBe('操作未成功:Sign-in is new')
    })

    it('words the manager’s refusal as the manager’s, not a teller’s', () => {
      i18n.global.locale.value = 'en'
      expect(managerErrorText(t, failure('counterPaused', 'Counter 3 is paused'))).toBe('The counter is paused.')
      expect(deskErrorText(t, { kind: 'hub', code: 'counterPaused', message: '' })).toBe(
        'This counter is paused: press Resume first.',
      )
      i18n.global.locale.value = 'zh-CN'
    })
  })
})
