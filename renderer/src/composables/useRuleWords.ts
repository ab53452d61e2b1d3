import { useI18n } from 'vue-i18n'
import type { PriorityClassId } from '../../../shared/domain/ids'
import type { PolicyDescription } from '../../../shared/policy/describePolicy'
import type { TranslateIn } from './display/useBilingual'
import { classRuleSentence, ruleSentences } from '../logic/rules/ruleSentences'
import { languageOf } from '../format/localized'

/**
 * The calling rules in the screen's language, as the kiosk shows them: the general ones for
 * its rules panel, and one class's own sentence for beside that class's button.
 */
export function useRuleWords() {
  const { t, locale } = useI18n()
  const tr: TranslateIn = (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural))
  const lang = () => languageOf(locale.value)
  return {
    /** Every rule but the sentences of the classes in `apart`. */
    general: (policy: PolicyDescription, apart: readonly PriorityClassId[]): string[] =>
      ruleSentences(policy, tr, lang(), apart),
    /** One class's own rule, for beside its button (no name); null for a class the policy does not describe. */
    ofClass: (policy: PolicyDescription, id: PriorityClassId): string | null => {
      const c = policy.classes.find((x) => x.id === id)
      return c === undefined ? null : classRuleSentence(c, tr, lang(), 'beside')
    },
    /** The rule of the class the customer chose, told to them ("you may be called before …"). */
    ofChosen: (policy: PolicyDescription, id: PriorityClassId): string | null => {
      const c = policy.classes.find((x) => x.id === id)
      return c === undefined ? null : classRuleSentence(c, tr, lang(), 'yours')
    },
  }
}
