import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CapacityWords } from '../../../charts/capacityChart'
import type { EstimateWords } from '../../../charts/estimateChart'
import type { StandardWords } from '../../../charts/standardChart'
import type { TrendWords } from '../../../charts/trendChart'
import type { WaitWords } from '../../../charts/waitChart'

export interface ChartWords {
  readonly capacity: CapacityWords
  readonly wait: WaitWords
  readonly teller: StandardWords
  readonly counter: StandardWords
  readonly service: StandardWords
  readonly estimate: EstimateWords
  readonly trend: TrendWords
}

/** The words of every report chart and its table, in the screen's language. */
export function useChartWords(): ComputedRef<ChartWords> {
  const { t, locale } = useI18n()
  return computed(() => {
    // Read so that a language switch recomputes the words (t alone is not tracked).
    void locale.value
    const w = (key: string) => t(`report.words.${key}`)
    const standard = (who: string): StandardWords => ({
      who,
      withinStandard: w('withinStandard'),
      transactions: w('transactions'),
      mean: w('mean'),
      median: w('median'),
      p90: w('p90'),
      max: w('max'),
      goal: w('goal'),
    })
    return {
      capacity: {
        arrivals: w('arrivals'),
        countersOpen: w('countersOpen'),
        countersAvailable: w('countersAvailable'),
        sipp: w('sipp'),
        advised: w('advised'),
        customers: w('customers'),
        counters: w('counters'),
        hour: w('hour'),
        waitMean: w('waitMean'),
        withinTarget: w('withinTarget'),
      },
      wait: { minutes: w('waitMinutes'), customers: w('customers'), share: w('share') },
      teller: standard(w('teller')),
      counter: standard(w('counter')),
      service: standard(w('service')),
      estimate: {
        shownBin: w('shownBin'),
        customers: w('customers'),
        meanShown: w('meanShown'),
        meanActual: w('meanActual'),
        insideRange: w('insideRange'),
        minutes: w('minutes'),
      },
      trend: {
        period: w('period'),
        issued: t('labels.kpi.issued'),
        served: t('labels.outcome.served'),
        waitMean: w('waitMean'),
        waitP90: w('waitP90'),
        withinTarget: w('withinTarget'),
        withinStandard: w('withinStandard'),
        insideRange: w('insideRange'),
        ratingMean: t('labels.kpi.ratingMean'),
        customers: w('customers'),
        minutes: w('minutes'),
      },
    }
  })
}
