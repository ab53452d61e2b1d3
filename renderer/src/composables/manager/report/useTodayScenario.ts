import { LANGUAGES, type Language } from '../../../../../shared/domain/text'
import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { allTickets } from '../../../../../shared/queue/state'
import type { Scenario } from '../../../../../shared/sim/scenario'
import { openingOn } from '../../../../../shared/domain/branchCalendar'
import type { UsualPattern } from '../../../../../shared/delays/usualPattern'
import {
  arrivalsSource as sourceOf,
  scenarioFromBranch,
  type ArrivalsSource,
  type TodaySoFar,
} from '../../../../../shared/sim/scenarioFromBranch'
import type { ApiClient } from '../../../api/apiClient'
import { branchToday } from '../../../logic/report/reportDates'
import { useBranchStore } from '../../../stores/branch'
import { useQueueStore } from '../../../stores/queue'
import { languageOf } from '../../../format/localized'

/** The screen's language as a text language. */

/**
 * Today at this branch as a simulator scenario (`shared/sim/scenarioFromBranch`): the branch's
 * configuration and today's arrivals so far, named "<branch> today" in the screen's language —
 * where the what-if form and the JSON editor both start.
 */
export function useTodayScenario() {
  const { t, locale } = useI18n()
  const branch = useBranchStore()
  const queue = useQueueStore()
  /** The branch's usual day of today's kind, as the hub learned it (null: none yet, or not asked). */
  const usual = shallowRef<UsualPattern | null>(null)

  /**
   * Asks the hub for the usual day the scenario starts from before today says anything. A hub
   * that cannot answer leaves it unknown, and the screen says the scenario starts from a
   * placeholder (never a silent guess).
   */
  async function loadUsualDay(client: ApiClient): Promise<void> {
    usual.value = await client
      .call('usualDay', {})
      .then((r) => r.usual as UsualPattern | null)
      .catch(() => null)
  }

  /** Today's scenario's name in a language: the name it is given, and how a result is titled. */
  function todayName(lang: Language): string {
    const info = branch.info
    return info === null ? '' : t('report.whatIf.todayName', { branch: info.branch.name[lang] }, { locale: lang })
  }

  /** A result's scenario name in the screen's language: today's, whichever language it was made in. */
  function shownName(name: string): string {
    return LANGUAGES.some((lang) => todayName(lang) === name) ? todayName(languageOf(locale.value)) : name
  }

  /** Today so far, with today's opening hours from the branch's calendar. */
  function todaySoFar(): TodaySoFar | null {
    const info = branch.info
    if (info === null) return null
    const now = queue.hubNow()
    const state = queue.state
    const date = state?.day ?? branchToday(now, info.utcOffsetMinutes)
    return {
      branch: info.branch,
      utcOffsetMinutes: info.utcOffsetMinutes,
      date,
      now,
      tickets: state === null ? [] : allTickets(state),
      name: todayName(languageOf(locale.value)),
      opening: openingOn(date, info.calendar),
      usual: usual.value,
    }
  }

  function todayScenario(): Scenario | null {
    const today = todaySoFar()
    return today === null ? null : scenarioFromBranch(today)
  }

  /**
   * Where today's scenario takes its arrivals and roster from (`arrivalsSource`): today's
   * tickets, the branch's usual day, or a placeholder when it has neither (the screen says which).
   */
  function arrivalsSource(): ArrivalsSource | null {
    const today = todaySoFar()
    return today === null ? null : sourceOf(today)
  }

  /** How many recent days the usual day was learned from (0: none). */
  function usualDays(): number {
    return usual.value?.days ?? 0
  }

  return { todayScenario, arrivalsSource, usualDays, loadUsualDay, todayName, shownName }
}
