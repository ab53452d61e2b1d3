import { inject, provide, ref, shallowRef, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Scenario } from '../../../../../shared/sim/scenario'
import {
  addedCounter,
  openingHours,
  scenarioOfForm,
  whatIfFormOf,
  type WhatIfForm,
  type WhatIfFormError,
} from '../../../../../shared/sim/whatIfForm'
import { ApiClient, ApiFailure } from '../../../api/apiClient'
import { hubOrigin } from '../../../api/hub'
import { reportFailureText } from '../../../logic/report/reportFailure'
import { scenarioProblems } from '../../../logic/report/scenarioProblems'
import { useSessionStore } from '../../../stores/session'
import { MAX_SEED, SIMULATION_TIMEOUT_MS, type WhatIfDay } from './useWhatIf'
import { useTodayScenario } from './useTodayScenario'

/** The form as its inputs edit it (the shared type is read-only). */
type Editable<T> = T extends readonly (infer U)[]
  ? Editable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Editable<T[K]> }
    : T
export type EditableForm = Editable<WhatIfForm>

/** Today's day and the changed one, simulated with the same seed: the same customers. */
export interface WhatIfComparison {
  readonly today: WhatIfDay
  readonly changed: WhatIfDay
  readonly scenario: Scenario
  readonly base: Scenario
}

const SEED = /^\d{1,10}$/u

/**
 * The what-if form of the manager screen: today's branch as a form (`shared/sim/whatIfForm`),
 * the manager's changes, and on Run today's day and the changed day from the hub, side by side.
 * A wrong field is named in the screen's language and nothing is run.
 */
export function useWhatIfForm() {
  const { t } = useI18n()
  const session = useSessionStore()
  const today = useTodayScenario()
  const client = new ApiClient(hubOrigin(), () => session.token, SIMULATION_TIMEOUT_MS)
  const base = shallowRef<Scenario | null>(null)
  const form = ref<EditableForm | null>(null)
  const hours = ref<string[]>([])
  const seed = ref('1')
  const seedError = ref<string | null>(null)
  const errors = ref<readonly WhatIfFormError[]>([])
  const running = ref(false)
  const failure = ref<string | null>(null)
  const result = shallowRef<WhatIfComparison | null>(null)
  /**
   * Where today's scenario starts from, when not today's own tickets (before the doors open, or
   * just after): the branch's usual day, or a placeholder when it has no history. Null: today's.
   */
  const startsFrom = ref<{ source: 'usualDay' | 'placeholder'; days: number } | null>(null)

  /**
   * Starts the form again from today as it is now (the branch's counters, today's arrivals; before
   * today says anything, the branch's usual day, asked of the hub each time).
   */
  async function startFromToday(): Promise<void> {
    await today.loadUsualDay(client)
    base.value = today.todayScenario()
    const source = base.value === null ? null : today.arrivalsSource()
    startsFrom.value = source === 'usualDay' || source === 'placeholder' ? { source, days: today.usualDays() } : null
    // A fresh object from whatIfFormOf: the form's inputs edit it.
    form.value = base.value === null ? null : (whatIfFormOf(base.value) as EditableForm)
    hours.value = base.value === null ? [] : openingHours(base.value)
    errors.value = []
    seedError.value = null
    failure.value = null
  }

  function addCounter(): void {
    if (base.value === null || form.value === null) return
    form.value.counters.push(addedCounter(base.value, form.value) as Editable<ReturnType<typeof addedCounter>>)
  }
  function removeCounter(i: number): void {
    form.value?.counters.splice(i, 1)
  }

  /** A field's error in the screen's language, or null. */
  function errorOf(field: string): string | null {
    const e = errors.value.find((x) => x.field === field)
    return e === undefined ? null : t(`report.whatIf.form.errors.${e.code}`, { ...e.params })
  }

  async function run(): Promise<void> {
    failure.value = null
    const s = seed.value.trim()
    seedError.value = SEED.test(s) && Number(s) <= MAX_SEED ? null : t('report.whatIf.badSeed', { max: MAX_SEED })
    if (base.value === null || form.value === null) return
    const scenario = scenarioOfForm(base.value, form.value)
    errors.value = scenario.ok ? [] : scenario.error
    // Nothing ran: an earlier result left on screen would read as this form's.
    if (!scenario.ok || seedError.value !== null) {
      result.value = null
      return
    }
    running.value = true
    try {
      const n = Number(s)
      const [todayDay, changedDay] = await Promise.all([
        client.call('whatIf', { body: { scenario: base.value, seed: n } }),
        client.call('whatIf', { body: { scenario: scenario.value, seed: n } }),
      ])
      result.value = { today: todayDay, changed: changedDay, scenario: scenario.value, base: base.value }
    } catch (e) {
      result.value = null
      failure.value =
        e instanceof ApiFailure && e.error.code === 'invalidScenario'
          ? scenarioProblems(e.message)
              .map((p) => `${p.field}: ${p.message}`)
              .join('; ')
          : reportFailureText(t, e)
    } finally {
      running.value = false
    }
  }

  return {
    base,
    form,
    hours,
    seed,
    seedError,
    errors,
    running,
    failure,
    result,
    startsFrom,
    startFromToday,
    addCounter,
    removeCounter,
    errorOf,
    run,
    shownName: today.shownName,
  }
}

export type WhatIfFormState = ReturnType<typeof useWhatIfForm>
const key: InjectionKey<WhatIfFormState> = Symbol('whatIfForm')

/** Made once by the what-if panel; the form's fields edit it. */
export function provideWhatIfForm(): WhatIfFormState {
  const state = useWhatIfForm()
  provide(key, state)
  return state
}

export function injectWhatIfForm(): WhatIfFormState {
  const state = inject(key)
  if (state === undefined) throw new Error('The what-if form is provided by WhatIfPanel')
  return state
}
