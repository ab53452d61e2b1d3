import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  DESK_REFUSALS,
  HQ_SIGN_IN_REFUSALS,
  MANAGER_REFUSALS,
  REPORT_REFUSALS,
  SIGN_IN_REFUSALS,
} from '../../../shared/api/deskRefusals'
import type { ApiError } from '../../../shared/api/views'
import { LANGUAGES } from '../../../shared/domain/text'
import { ApiFailure } from '../../../renderer/src/api/apiClient'
import { deskErrorText } from '../../../renderer/src/format/deskErrorText'
import { managerErrorText } from '../../../renderer/src/format/managerErrorText'
import { hqSignInErrorText } from '../../../renderer/src/logic/hq/hqSignInErrorText'
import { reportFailureText } from '../../../renderer/src/logic/report/reportFailure'
import { signInErrorText } from '../../../renderer/src/format/signInErrorText'
import { i18n } from '../../../renderer/src/i18n'

// Every refusal a screen can be answered — a counter's (DESK_REFUSALS: the engine's codes, the
// access checks', any request's), the manager's (its reports', what-if's and feedback's too), a
// sign-in's — in each language the screen speaks: a new code without words fails here, not in
// front of staff in the hub's English.

const failure = (code: string, message: string) =>
  new ApiFailure({ statusCode: 409, error: 'Conflict', code, message } as ApiError, 60)

const SCREENS = [
  ['counter', DESK_REFUSALS, (code: string, message: string) => deskErrorText(t, { kind: 'hub', code, message })],
  [
    'manager',
    MANAGER_REFUSALS,
    (code: string, message: string) => managerErrorText(t, failure(code, message), { date: '2026-01-05' }),
  ],
  [
    'report',
    [...REPORT_REFUSALS, ...DESK_REFUSALS],
    (code: string, message: string) => reportFailureText(t, failure(code, message), '2026-01-05'),
  ],
  ['sign-in', SIGN_IN_REFUSALS, (code: string, message: string) => signInErrorText(t, failure(code, message))],
  ['HQ sign-in', HQ_SIGN_IN_REFUSALS, (code: string, message: string) => hqSignInErrorText(t, failure(code, message))],
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

  it('lists every refusal of the HQ sign-in', () => {
    const source = readFileSync(new URL('../../../hq/api/routes/adminRoutes.ts', import.meta.url), 'utf8')
    const signIn = source.slice(source.indexOf('hqRoutes.signIn'), source.indexOf('\n  })\n'))
    const codes = [...signIn.matchAll(/HttpError\(\s*\d+,\s*'(\w+)'/g)].map((m) => m[1])
    expect(codes).toEqual(['wrongPassword'])
    expect(HQ_SIGN_IN_REFUSALS).toEqual(expect.arrayContaining(codes))
  })

  // A code the report routes come to answer is listed (and so worded) before it ships.
  it('lists every refusal of the report routes', () => {
    const source = readFileSync(new URL('../../../hub/api/routes/reportRoutes.ts', import.meta.url), 'utf8')
    const codes = [...source.matchAll(/HttpError\(\s*\d+,\s*'(\w+)'/g)].map((m) => m[1])
    expect(codes.length).toBeGreaterThan(5)
    expect(MANAGER_REFUSALS).toEqual(expect.arrayContaining(codes))
    expect([...REPORT_REFUSALS, ...DESK_REFUSALS]).toEqual(expect.arrayContaining(codes))
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

    it('names the day asked for when a report has no record of it', () => {
      i18n.global.locale.value = 'en'
      expect(reportFailureText(t, failure('noSuchDay', 'There is no journal'), '2026-01-05')).toMatch(
        /^There is no record of 2026-01-05\./,
      )
      i18n.global.locale.value = 'zh-CN'
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
