import type { Language } from '../domain/text'
import { customerEn, customerZh } from './customerWords'
import { formatMessage } from './format'
import { reportEn, reportZh } from './reportWords'
import type { MessageKey, Shape } from './shape'

/**
 * The one string table of the words read on more than one surface, in vue-i18n's message
 * syntax: what customers read on paper and screen or hear (`ticket`, `wait`, `people`, `call`,
 * `delay`: `customerWords.ts`) and the report's names of things (`labels`: `reportWords.ts`).
 * The renderer merges this table into its vue-i18n messages (`renderer/src/i18n`); the hub, the
 * CSV export and HQ fill the same messages with `say`. Neither side keeps its own copy.
 * English must have exactly the keys of Chinese (a type error otherwise, and a test).
 */
const zhCN = { ...customerZh, ...reportZh }

export type Catalogue = Shape<typeof zhCN>
export type CatalogueKey = MessageKey<Catalogue>

const en: Catalogue = { ...customerEn, ...reportEn }

export const CATALOGUE: Readonly<Record<Language, Catalogue>> = { 'zh-CN': zhCN, en }

/**
 * One message of the catalogue with what fills it: what the screens pass to vue-i18n's `t` and
 * the hub to `say`, so both sides choose the same words by the same rule.
 */
export interface MessageRef {
  readonly key: CatalogueKey
  readonly params?: Readonly<Record<string, string | number>>
  /** Chooses among plural forms (`people`). */
  readonly count?: number
}

/** The raw message of a key, in one language. */
export function messageOf(language: Language, key: CatalogueKey): string {
  let at: unknown = CATALOGUE[language]
  for (const part of key.split('.')) at = (at as Record<string, unknown>)[part]
  if (typeof at !== 'string') throw new Error(`no catalogue message ${key}`)
  return at
}

/**
 * A message filled as vue-i18n fills it on the screens.
 *
 * @example
 * say('en', { key: 'people', params: { n: 3 }, count: 3 }) //=> '3 people'
 */
export function say(language: Language, ref: MessageRef): string {
  return formatMessage(messageOf(language, ref.key), ref.params, ref.count)
}
