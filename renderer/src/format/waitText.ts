import type { ShownWait } from '../../../shared/api/views'
import { waitWords } from '../../../shared/i18n/ticketFacts'
import { sayWith, type Translate } from './say'

/**
 * The words for a shown wait: "即将叫号" / "soon", "约 8–12 分钟" / "about 8–12 min", chosen by
 * the same rule as the printed ticket (`shared/i18n/ticketFacts.ts`).
 */
export function waitText(t: Translate, shown: ShownWait | null | undefined): string {
  return sayWith(t, waitWords(shown))
}
