import { errorText } from '../../../../shared/util/errorText'
/** One thing wrong with a scenario, at its field (`counters[2].open`). */
export interface ScenarioProblem {
  readonly field: string
  readonly message: string
}

/**
 * The problems of a refused scenario, field by field, from the hub's 422 answer. The hub joins
 * them as "field: message; field: message" (`reportRoutes.ts`), which this splits again; the
 * `body.scenario.` prefix of a schema refusal is dropped, since the manager edits the scenario.
 *
 * @example
 * scenarioProblems('counters: must be array; hours.close: must be after hours.open')
 * //=> [{ field: 'counters', message: 'must be array' }, { field: 'hours.close', message: 'must be after hours.open' }]
 */
export function scenarioProblems(message: string): ScenarioProblem[] {
  return message
    .split(/;\s+(?=[^;:]*:\s)/u)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf(': ')
      if (at < 0) return { field: '', message: part }
      return { field: part.slice(0, at).replace(/^body\.scenario\.?/u, ''), message: part.slice(at + 2) }
    })
}

/**
 * Where a JSON text stops being JSON, as a problem of the whole text (the browser's own message,
 * which names the position).
 *
 * @example
 * parseScenarioText('{"a": }') //=> { ok: false, problem: { field: '', message: 'Unexpected token …' } }
 */
export function parseScenarioText(
  text: string,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: ScenarioProblem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (e) {
    return { ok: false, problem: { field: '', message: errorText(e) } }
  }
}
