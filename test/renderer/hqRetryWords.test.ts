import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { HUB_STANDING_PROBLEMS } from '../../shared/api/health'
import { LANGUAGES } from '../../shared/domain/text'
import { HQ_RETRY_SEC } from '../../shared/hq/retryDelays'
import { standingText } from '../../renderer/src/format/standingText'
import { warningDetail } from '../../renderer/src/format/warningDetail'
import { health } from '../../renderer/src/i18n/messages/health'
import { backoffMs } from '../../hub/replication/shipper'
import { HqRefused } from '../../hub/replication/hqLink'

// The manager reads how often the hub tries HQ again while HQ refuses it: the number the
// shipper waits, not a second one written into the words ("every minute" once stood beside 15 s).

const i18n = createI18n({ legacy: false, locale: 'en', messages: health })
const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
const te = (key: string) => i18n.global.te(key)
const at = Date.UTC(2026, 11, 7, 1, 30)

describe('the words of HQ’s refusals', () => {
  it('waits as long as the words say', () => {
    expect(backoffMs(new HqRefused(403, 'tokenRevoked', 'revoked'), 1)).toBe(HQ_RETRY_SEC.refused * 1000)
    expect(backoffMs(new HqRefused(409, 'hqOutdated', 'older'), 1)).toBe(HQ_RETRY_SEC.outdated * 1000)
  })

  it.each(LANGUAGES)('states the standing notices’ retry in %s from the shipper’s numbers', (language) => {
    i18n.global.locale.value = language
    const said = (what: (typeof HUB_STANDING_PROBLEMS)[number]) => standingText(t, { what, since: at, detail: '' }, 480)
    const every = language === 'en' ? (s: number) => `tries again every ${s} s` : (s: number) => `每 ${s} 秒重试一次`
    expect(said('replicationRefused')).toContain(every(HQ_RETRY_SEC.refused))
    expect(said('replicationHqOutdated')).toContain(every(HQ_RETRY_SEC.outdated))
    expect(said('replicationRefused')).toContain('2026-12-07 09:30')
    for (const what of HUB_STANDING_PROBLEMS) expect(said(what)).not.toMatch(/every minute|每分钟|定时重试|[{}]/)
  })

  it.each(LANGUAGES)('states the logged refusal’s retry in %s as the hub logged it', (language) => {
    i18n.global.locale.value = language
    const refused = (retrySec: number) =>
      warningDetail({ event: 'replication.refused', params: { retrySec }, message: 'HQ refused' }, t, te, 480)
    expect(refused(HQ_RETRY_SEC.outdated)).toContain(language === 'en' ? 'every 15 s' : '每 15 秒')
    expect(refused(HQ_RETRY_SEC.refused)).toContain(language === 'en' ? 'every 60 s' : '每 60 秒')
  })
})
