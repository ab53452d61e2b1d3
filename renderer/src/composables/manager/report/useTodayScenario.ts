import { LANGUAGES, type Language } from '../../../../../shared/domain/text'
import { useI18n } from 'vue-i18n'
import { allTickets } from '../../../../../shared/queue/state'
import type { Scenario } from '../../../../../shared/sim/scenario'
import { openingOn } from '../../../../../shared/domain/branchCalendar'
import {
  scenarioFromBranch,
  todaysArrivalsMeaningful,
  type TodaySoFar,
} from '../../../../../shared/sim/scenarioFromBranch'
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
    }
  }

  function todayScenario(): Scenario | null {
    const today = todaySoFar()
    return today === null ? null : scenarioFromBranch(today)
  }

  /**
   * Whether today's scenario takes its arrivals from today's tickets; false before a quarter of
   * an hour of the opening hours has passed, when it starts from a usual rate (the screen says so).
   */
  function arrivalsFromToday(): boolean {
    const today = todaySoFar()
    return today !== null && todaysArrivalsMeaningful(today)
  }

  return { todayScenario, arrivalsFromToday, todayName, shownName }
}
