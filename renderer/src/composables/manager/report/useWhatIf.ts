import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { WhatIfResult } from '../../../../../shared/api/views'
import { ApiClient, ApiFailure } from '../../../api/apiClient'
import { hubOrigin } from '../../../api/hub'
import { useSessionStore } from '../../../stores/session'
import { reportFailureText } from '../../../logic/report/reportFailure'
import { parseScenarioText, scenarioProblems, type ScenarioProblem } from '../../../logic/report/scenarioProblems'
import { useTodayScenario } from './useTodayScenario'

/** A simulated day as the hub answers it. */
export type WhatIfDay = Extract<WhatIfResult, { ok: true }>

/** The example scenarios shipped in docs/scenarios, loaded only when picked. */
const EXAMPLES = import.meta.glob<unknown>('../../../../../docs/scenarios/*.json', { import: 'default' })

/** An example's name from its file: `lunch-peak`. */
const exampleName = (path: string): string => path.replace(/^.*\//u, '').replace(/\.json$/u, '')

/** The hub gives a simulation up to a minute on its own thread; the usual 8 s would cut it short. */
export const SIMULATION_TIMEOUT_MS = 65_000

/** The largest seed the hub accepts. */
export const MAX_SEED = 2 ** 31 - 1

/**
 * The what-if's advanced editor: a scenario as JSON to edit (today at this branch, or an
 * example), a seed, and the simulated day's KPIs from the hub — or the scenario's problems field
 * by field (`docs/simulator.md`). The form (`useWhatIfForm`) is the manager's usual way in.
 */
export function useWhatIf() {
  const { t } = useI18n()
  const session = useSessionStore()
  const today = useTodayScenario()
  const text = ref('')
  const seed = ref(1)
  const running = ref(false)
  const result = shallowRef<WhatIfDay | null>(null)
  /** The scenario the result is of, for the services' names. */
  const ranScenario = shallowRef<unknown>(null)
  const problems = ref<readonly ScenarioProblem[]>([])
  const failure = ref<string | null>(null)
  const client = new ApiClient(hubOrigin(), () => session.token, SIMULATION_TIMEOUT_MS)
  const sources = computed(() => ['today', ...Object.keys(EXAMPLES).map(exampleName).sort()])

  /**
   * The result's scenario name in the screen's language: today's, whichever language it was
   * loaded in; an example's or a pasted scenario's as it names itself.
   */
  const resultName = computed(() => today.shownName(result.value?.summary.scenario ?? ''))

  function todayScenario(): string {
    const scenario = today.todayScenario()
    return scenario === null ? '' : JSON.stringify(scenario, null, 2)
  }

  async function useSource(source: string): Promise<void> {
    problems.value = []
    failure.value = null
    if (source === 'today') {
      // The same start as the form's: the branch's usual day before today says anything.
      await today.loadUsualDay(client)
      text.value = todayScenario()
      return
    }
    const entry = Object.entries(EXAMPLES).find(([path]) => exampleName(path) === source)
    if (entry === undefined) return
    text.value = JSON.stringify(await entry[1](), null, 2)
  }

  async function run(): Promise<void> {
    problems.value = []
    failure.value = null
    // Until this run answers, an earlier result is not this scenario's: none is shown.
    result.value = null
    ranScenario.value = null
    const parsed = parseScenarioText(text.value)
    if (!parsed.ok) {
      problems.value = [{ field: t('report.whatIf.json'), message: parsed.problem.message }]
      return
    }
    if (!Number.isInteger(seed.value) || seed.value < 0 || seed.value > MAX_SEED) {
      problems.value = [{ field: t('report.whatIf.seed'), message: t('report.whatIf.badSeed', { max: MAX_SEED }) }]
      return
    }
    running.value = true
    try {
      result.value = await client.call('whatIf', { body: { scenario: parsed.value, seed: seed.value } })
      ranScenario.value = parsed.value
    } catch (e) {
      if (e instanceof ApiFailure && e.error.code === 'invalidScenario') problems.value = scenarioProblems(e.message)
      else failure.value = reportFailureText(t, e)
    } finally {
      running.value = false
    }
  }

  return { text, seed, running, result, resultName, ranScenario, problems, failure, sources, useSource, run }
}
