import type { ShownWait } from '../../../shared/api/views'
import { waitWords } from '../../../shared/i18n/ticketFacts'
import { sayWith, type Translate } from './say'

/**
 * The words for a shown wait standing alone, in a table cell: "即将叫号" / "Soon", "约 8–12 分钟" /
 * "About 8–12 min", chosen by the same rule as the printed ticket (`shared/i18n/ticketFacts.ts`).
 * The catalogue words them to follow a label ("Expected wait: about 8–12 min"); alone, the
 * English starts with a capital (Chinese has none, so it is unchanged).
 */
export function waitText(t: Translate, shown: ShownWait | null | undefined): string {
  const words = sayWith(t, waitWords(shown))
  return words.charAt(0).toUpperCase() + words.slice(1)
}
