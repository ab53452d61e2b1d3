import { describe, expect, it } from 'vitest'
import type { HubWarningView } from '../../shared/api/health'
import type { Language } from '../../shared/domain/text'
import { createI18n } from 'vue-i18n'
import { warningDetail } from '../../renderer/src/format/warningDetail'
import { CATALOGUE } from '../../shared/i18n/catalogue'
import { health } from '../../renderer/src/i18n/messages/health'
import { manager } from '../../renderer/src/i18n/messages/manager'

// The words the manager's screen merges for it (renderer/src/i18n/index.ts).
const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  messages: {
    'zh-CN': { ...CATALOGUE['zh-CN'], ...manager['zh-CN'], ...health['zh-CN'] },
    en: { ...CATALOGUE.en, ...manager.en, ...health.en },
  },
})

/** The manager's words for a hub warning, from its code and the facts logged with it. */
const detail = (w: Pick<HubWarningView, 'event' | 'params' | 'message'>, language: Language): string => {
  i18n.global.locale.value = language
  const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
  return warningDetail(w, t, (key) => i18n.global.te(key), 480)
}

const noVoice = {
  event: 'speech.noVoice',
  params: { terminal: 'Demo lobby display', missing: ['zh-CN', 'en'] },
  message: "Lobby display 'Demo lobby display' cannot announce calls properly: no voice installed for zh-CN, en",
}

describe('warningDetail', () => {
  it('words a known event in the manager’s language from the facts logged with it', () => {
    expect(detail(noVoice, 'zh-CN')).toBe(
      '大厅屏“Demo lobby display”无法正常播报叫号:未安装中文、英文语音。请在该电脑上安装相应语言的语音,然后刷新大厅屏。',
    )
    expect(detail(noVoice, 'en')).toBe(
      'Lobby display “Demo lobby display” cannot announce calls properly: no voice is installed for Chinese or English. Install one on that PC, then reload the display.',
    )
    const unreachable = {
      event: 'customerAddress.unreachable',
      params: { problem: 'loopbackOnly' },
      message: 'Phones cannot reach this hub, so tickets get no QR code: …',
    }
    expect(detail(unreachable, 'zh-CN')).toMatch(/^取号小票上不印二维码。服务器只在本机\(127\.0\.0\.1\)上监听/)
  })

  it('dates a certificate in the branch’s time and says how it is renewed', () => {
    const expiring = {
      event: 'tls.expiring',
      // 2026-12-31 20:00 UTC is 2027-01-01 in Beijing
      params: { what: 'serverCertificate', expiresAt: Date.UTC(2026, 11, 31, 20), source: 'branchCa' },
      message: "The hub's server certificate expires on 2026-12-31: …",
    }
    expect(detail(expiring, 'zh-CN')).toMatch(/^服务器证书将于 2027-01-01 到期。服务器会自动续期服务器证书/)
  })

  describe('edge cases', () => {
    it('shows the log’s own words for an event the screen does not know', () => {
      const w = { event: 'replication', params: {}, message: 'shipping to HQ: connect ECONNREFUSED' }
      expect(detail(w, 'zh-CN')).toBe('shipping to HQ: connect ECONNREFUSED')
      expect(detail({ event: null, params: {}, message: 'request errored' }, 'zh-CN')).toBe('request errored')
    })

    it('shows the log’s own words when a known event lacks the facts its wording needs', () => {
      // a hub of another version, or a device line that is no change of state
      expect(detail({ ...noVoice, params: { terminal: 'Demo lobby display' } }, 'zh-CN')).toBe(noVoice.message)
      const w = { event: 'device', params: {}, message: 'device k1: keypad k1: no counter 9' }
      expect(detail(w, 'en')).toBe(w.message)
    })

    it('words a list of days as a list, in the manager’s language', () => {
      const w = {
        event: 'appointments.closedDays',
        params: { count: 3, days: ['2026-11-25', '2026-11-26'], codes: ['A', 'B', 'C'] },
        message: '…',
      }
      expect(detail(w, 'zh-CN')).toContain('(2026-11-25、2026-11-26)')
      expect(detail(w, 'en')).toContain('(2026-11-25, 2026-11-26)')
    })

    it('keeps a code it has no words for as it is', () => {
      const w = { event: 'device', params: { deviceId: 'p1', state: 'error', problem: 'newKind' }, message: '…' }
      expect(detail(w, 'en')).toBe('Device p1: Fault. newKind.')
    })
  })
})
