import type { BranchInfo } from '../../../../shared/api/views'
import type { Bi, Bilingual } from '../../composables/display/useBilingual'
import { ruleSentences } from '../rules/ruleSentences'

/** One page of the rotating lobby content: a heading and one text, both in two languages. */
export interface Slide {
  /** Stable across language switches and data updates, so a slide never re-enters needlessly. */
  readonly key: string
  readonly kind: 'notice' | 'rules' | 'documents'
  readonly title: Bi
  readonly body: Bi
}

/**
 * What fills the wait (rule 1: occupied time feels shorter; rule 2: service starts before the
 * counter): the branch's own lobby messages, the calling rules, and what to prepare for each
 * service, interleaved so a customer who looks up twice sees different kinds of content.
 *
 * @example
 * lobbySlides(info, bilingual).map((s) => s.kind) //=> ['notice', 'rules', 'notice', 'documents', ...]
 */
export function lobbySlides(info: BranchInfo, b: Bilingual): Slide[] {
  const notices: Slide[] = info.lobbyMessages.map((text, i) => ({
    key: `notice-${i}`,
    kind: 'notice',
    title: b.bi('display.slides.notice'),
    body: b.biText(text),
  }))
  const rulesTitle = b.bi('display.slides.rules')
  const mainRules = ruleSentences(info.policy, b.tIn(b.main.value), b.main.value)
  const subRules = ruleSentences(info.policy, b.tIn(b.sub.value), b.sub.value)
  const rules: Slide[] = mainRules.map((main, i) => ({
    key: `rule-${i}`,
    kind: 'rules',
    title: rulesTitle,
    body: { main, sub: subRules[i] ?? '' },
  }))
  const documents: Slide[] = info.branch.services
    .filter((s) => s.documents.length > 0)
    .map((s) => ({
      key: `documents-${s.id}`,
      kind: 'documents',
      title: b.biWith((t, lang) => t('display.slides.documents', { service: s.name[lang] })),
      body: b.biWith((t, lang) => s.documents.map((d) => d[lang]).join(t('display.slides.list'))),
    }))
  return interleave(notices, interleave(rules, documents))
}

/** a1 b1 a2 b2 …, then the rest of the longer list. */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i] as T)
    if (i < b.length) out.push(b[i] as T)
  }
  return out
}
