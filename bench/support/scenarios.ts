import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseScenario } from '../../shared/sim/parseScenario'
import type { Scenario } from '../../shared/sim/scenario'

/** A scenario of docs/scenarios by its name (without `.json`), parsed as the simulator parses it. */
export function docScenario(name: string): Scenario {
  const path = fileURLToPath(new URL(`../../docs/scenarios/${name}.json`, import.meta.url))
  const parsed = parseScenario(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.error)}`)
  return parsed.value
}

/** The textbook M/M/s: one service of exponential 120 s transactions, Poisson arrivals at `load`. */
export function mms(servers: number, load: number): Scenario {
  return {
    name: `M/M/${servers} ${Math.round(load * 100)}%`,
    hours: { open: '09:00', close: '17:00' },
    services: [
      { id: 'a', prefix: 'A', targetWaitSec: 600, standardSec: 120, serviceTime: { dist: 'exp', meanSec: 120 } },
    ],
    arrivals: [{ service: 'a', perHour: (load * servers * 3600) / 120 }],
    counters: Array.from({ length: servers }, (_, i) => ({ id: `k${i}`, services: ['a'] })),
  }
}
