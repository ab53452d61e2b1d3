import type { LocalizedText } from '../domain/text'

/** What a manager most often has to explain, with ready words the manager may edit before posting. */
export const MANAGER_DELAY_KINDS = ['systemOutage', 'cashCount', 'staffShortage', 'other'] as const
export type ManagerDelayKind = (typeof MANAGER_DELAY_KINDS)[number]

const TEMPLATES: Readonly<Record<ManagerDelayKind, LocalizedText>> = {
  systemOutage: {
    'zh-CN': '系统暂时故障,正在抢修,给您带来不便敬请谅解',
    en: 'Our system is down for a moment and being fixed; we apologise for the wait',
  },
  cashCount: {
    'zh-CN': '部分窗口正在进行现金清点,请您稍候',
    en: 'Some counters are counting cash; please bear with us',
  },
  staffShortage: {
    'zh-CN': '今日工作人员较少,我们正在尽快为您办理',
    en: 'We are short of staff today and serving you as fast as we can',
  },
  other: { 'zh-CN': '', en: '' },
}

/**
 * The suggested message for a manager's explanation (the manager screen pre-fills it; the hub
 * posts it as an `announceDelay` with source `manager`). `other` is blank: the manager writes it.
 *
 * @example
 * managerDelayMessage('cashCount').en //=> 'Some counters are counting cash; please bear with us'
 */
export function managerDelayMessage(kind: ManagerDelayKind): LocalizedText {
  return TEMPLATES[kind]
}
