import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../../../renderer/src/api/apiClient'
import { signInErrorText } from '../../../renderer/src/format/signInErrorText'
import { i18n } from '../../../renderer/src/i18n'
import { staffId } from '../../../shared/domain/ids'
import { HubFixture } from '../../hub/support/hubFixture'

/** What a sign-in threw (the test fails if it did not throw). */
async function refusal(client: ApiClient, staffId: string, pin: string): Promise<unknown> {
  try {
    await client.call('signIn', { body: { staffId, pin, counterId: 'c3' } } as never)
  } catch (e) {
    return e
  }
  throw new Error('the sign-in did not fail')
}

function words(e: unknown, language: 'zh-CN' | 'en'): string {
  i18n.global.locale.value = language
  return signInErrorText(i18n.global.t, e)
}

describe('signInErrorText against a real hub', () => {
  let f: HubFixture
  let client: ApiClient
  beforeAll(async () => {
    f = await HubFixture.start()
    client = new ApiClient(f.url, () => null)
  })
  afterAll(async () => {
    i18n.global.locale.value = 'zh-CN'
    await f.stop()
  })

  it('tells a teller locked out after wrong PINs how long to wait, in their language', async () => {
    for (let i = 0; i < 5; i++) expect(words(await refusal(client, 't03', '0000'), 'zh-CN')).toBe('工号或密码错误。')
    const locked = await refusal(client, 't03', '0000')
    expect(words(locked, 'zh-CN')).toBe('密码错误次数过多,此工号已暂时锁定。请 1 分钟后再试,或请大堂经理协助。')
    expect(words(locked, 'en')).toBe(
      'Too many wrong PINs: this staff ID is locked for now. Try again in 1 minute, or ask a manager.',
    )
    // A further wrong PIN after the minute doubles the lock: the screen tells the hub's wait.
    f.clock.advance(61)
    await refusal(client, 't03', '0000')
    const longer = await refusal(client, 't03', '0000')
    expect(words(longer, 'zh-CN')).toBe('密码错误次数过多,此工号已暂时锁定。请 2 分钟后再试,或请大堂经理协助。')
    expect(words(longer, 'en')).toMatch(/Try again in 2 minutes, or ask a manager\.$/)
  })

  it('sends a teller signing in on the manager’s screen to their counter’s screen, in their language', async () => {
    let thrown: unknown = null
    try {
      await client.call('signIn', { body: { staffId: staffId('t05'), pin: '5555', counterId: null } })
    } catch (e) {
      thrown = e
    }
    expect(words(thrown, 'zh-CN')).toBe('柜员请在本窗口的柜员屏幕登录。')
    expect(words(thrown, 'en')).toBe('Tellers sign in on their counter’s screen, not here.')
  })

  it('sends a manager signing in on a counter’s screen to the manager’s screen, in their language', async () => {
    let thrown: unknown = null
    try {
      await client.call('signIn', { body: { staffId: staffId('m01'), pin: '9999', counterId: 'c1' as never } })
    } catch (e) {
      thrown = e
    }
    expect(words(thrown, 'zh-CN')).toBe('管理员请在管理员屏幕登录,不在柜员窗口登录。')
    expect(words(thrown, 'en')).toBe('Managers sign in on the manager’s screen, not at a counter.')
  })

  it('takes a PIN of the wrong shape as a wrong PIN, never the schema’s words', async () => {
    expect(words(await refusal(client, 't04', '12'), 'zh-CN')).toBe('工号或密码错误。')
  })
})
