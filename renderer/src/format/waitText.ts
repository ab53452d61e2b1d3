import type { ShownWait } from '../../../shared/api/views'

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * The words for a shown wait: "即将叫号" / "Soon", "约 8–12 分钟" / "About 8–12 min". Never a
 * bare number and never "0 minutes" (the hub rounds; this only words it).
 */
export function waitText(t: Translate, shown: ShownWait | null | undefined): string {
  if (shown == null) return t('wait.none')
  if (shown.kind === 'soon') return t('wait.soon')
  if (shown.lowMin === shown.highMin) return t('wait.upTo', { high: shown.highMin })
  return t('wait.range', { low: shown.lowMin, high: shown.highMin })
}
