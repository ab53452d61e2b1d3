import { readdirSync, readFileSync } from 'node:fs'
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

/**
 * The designed days the benchmarks run (`--only designed`): M/M/s at three loads, the two made-up
 * hard days below, and every scenario of docs/scenarios, by name.
 */
export function designedScenarios(): [string, Scenario][] {
  const dir = fileURLToPath(new URL('../../docs/scenarios', import.meta.url))
  return [
    ['M/M/1 95%', mms(1, 0.95)],
    ['M/M/4 90%', mms(4, 0.9)],
    ['M/M/8 85%', mms(8, 0.85)],
    ['lognormal cv 1.5', stationaryLognormal()],
    ['slow counter, shifts', slowCounter()],
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f): [string, Scenario] => [f.replace(/\.json$/, ''), docScenario(f.replace(/\.json$/, ''))]),
  ]
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

/**
 * A stationary day of lognormal transactions with cv 1.5: the case where the model's own range
 * ran too wide before the calibration (two services, five counters, 85 % load).
 */
export function stationaryLognormal(): Scenario {
  return {
    name: 'stationary lognormal cv 1.5',
    hours: { open: '09:00', close: '17:00' },
    services: [
      {
        id: 'a',
        prefix: 'A',
        targetWaitSec: 600,
        standardSec: 120,
        serviceTime: { dist: 'lognormal', meanSec: 150, cv: 1.5 },
      },
      {
        id: 'b',
        prefix: 'B',
        targetWaitSec: 900,
        standardSec: 240,
        serviceTime: { dist: 'lognormal', meanSec: 300, cv: 1.5 },
      },
    ],
    arrivals: [
      { service: 'a', perHour: (0.85 * 5 * 3600 * 0.6) / 150 },
      { service: 'b', perHour: (0.85 * 5 * 3600 * 0.4) / 300 },
    ],
    counters: [
      { id: 'k1', services: ['a', 'b'] },
      { id: 'k2', services: ['a', 'b'] },
      { id: 'k3', services: ['a', 'b'] },
      { id: 'k4', services: ['b', 'a'] },
      { id: 'k5', services: ['b', 'a'] },
    ],
  }
}

/**
 * Nearly fixed transaction times (gamma, cv 0.1), one counter 30 % slower than the others,
 * shifts opening and closing through the day, the one-minute standard against two-minute work:
 * the day on which the range held for only 39 % of waits before this estimator learned each
 * counter's own pace.
 */
export function slowCounter(): Scenario {
  return {
    name: 'nearly fixed times, one counter 30 % slower, shifts',
    hours: { open: '09:00', close: '17:00' },
    services: [
      {
        id: 'a',
        prefix: 'A',
        targetWaitSec: 600,
        standardSec: 60,
        serviceTime: { dist: 'gamma', meanSec: 120, cv: 0.1 },
      },
      {
        id: 'b',
        prefix: 'B',
        targetWaitSec: 900,
        standardSec: 60,
        serviceTime: { dist: 'gamma', meanSec: 200, cv: 0.1 },
      },
    ],
    arrivals: [
      { service: 'a', perHour: [60, 70, 80, 95, 95, 80, 70, 60] },
      { service: 'b', perHour: [10, 12, 14, 16, 16, 14, 12, 10] },
    ],
    counters: [
      { id: 'k1', services: ['a', 'b'] },
      { id: 'k2', services: ['a', 'b'], speed: 0.7 },
      { id: 'k3', services: ['b', 'a'] },
      { id: 'k4', services: ['a'], open: '10:00', close: '15:00' },
      { id: 'k5', services: ['a', 'b'], open: '11:00' },
      { id: 'k6', services: ['b', 'a'], close: '13:00' },
    ],
  }
}
