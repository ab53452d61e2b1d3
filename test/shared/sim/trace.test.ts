import { describe, expect, it } from 'vitest'
import { runScenario } from '../../../shared/sim/runScenario'
import type { Scenario } from '../../../shared/sim/scenario'
import { parseTrace } from '../../../shared/sim/trace'

const scenario: Scenario = {
  hours: { open: '09:00', close: '10:00' },
  services: [
    { id: 'personal', prefix: 'A', targetWaitSec: 600, standardSec: 60, serviceTime: { dist: 'exp', meanSec: 60 } },
  ],
  priorityClasses: [{ id: 'vip', rate: 2 }],
  arrivals: [{ service: 'personal', perHour: 10 }],
  counters: [{ id: 'c1', services: ['personal'] }],
}

describe('parseTrace', () => {
  it('reads times of day or seconds, an optional class and optional no-show and patience columns', () => {
    const r = parseTrace(
      'time,service,priority,durationSec,noShow,patienceSec\n09:00:30,personal,,75,0,\n95,personal,vip,40,1,\n96,personal,,0,,42\n',
      scenario,
    )
    expect(r).toEqual({
      ok: true,
      value: [
        { atSec: 30, service: 'personal', priority: null, durationSec: 75, noShow: false, patienceSec: null },
        { atSec: 95, service: 'personal', priority: 'vip', durationSec: 40, noShow: true, patienceSec: null },
        { atSec: 96, service: 'personal', priority: null, durationSec: 0, noShow: false, patienceSec: 42 },
      ],
    })
  })

  it('replays a recorded patience: a customer called after it has left', () => {
    const trace = parseTrace(
      'time,service,priority,durationSec,patienceSec\n09:00:00,personal,,100,\n09:00:10,personal,,50,30\n09:00:20,personal,,30,\n',
      scenario,
    )
    if (!trace.ok) throw new Error('trace')
    const day = runScenario(scenario, { seed: 1, trace: trace.value })
    const byNumber = new Map(day.records.map((r) => [r.number, r]))
    expect(byNumber.get('A002')?.outcome).toBe('noShow')
    expect(byNumber.get('A003')?.outcome).toBe('served')
  })

  it('reports every bad line with its number and field', () => {
    const r = parseTrace(
      'time,service,priority,durationSec,patienceSec\n10:30,personal,,75,\n09:01,loans,gold,-3,-1\n',
      scenario,
    )
    expect(r.ok ? [] : r.error.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'trace line 2: time: is outside opening hours 09:00–10:00',
      "trace line 3: service: no service 'loans' in the scenario",
      "trace line 3: priority: no priority class 'gold' in the scenario",
      'trace line 3: durationSec: must be a number of seconds ≥ 0',
      'trace line 3: patienceSec: must be empty or a number of seconds ≥ 0',
    ])
  })

  it('needs the columns it names', () => {
    const r = parseTrace('when,service\n', scenario)
    expect(r.ok).toBe(false)
  })
})

describe('a replayed trace', () => {
  it('serves the recorded customers with their recorded transaction times', () => {
    const trace = parseTrace(
      'time,service,priority,durationSec\n09:00:00,personal,,100\n09:00:10,personal,,50\n09:00:20,personal,vip,30\n',
      scenario,
    )
    if (!trace.ok) throw new Error('trace')
    const day = runScenario(scenario, { seed: 1, trace: trace.value })
    const byNumber = new Map(day.records.map((r) => [r.number, r]))
    // one counter: A001 0–100; then the VIP (issued at 20) goes before A002 at 100
    expect(byNumber.get('A001')).toMatchObject({ calledAt: 0, endedAt: 100 })
    expect(byNumber.get('A003')).toMatchObject({ priorityClassId: 'vip', calledAt: 100, endedAt: 130 })
    expect(byNumber.get('A002')).toMatchObject({ calledAt: 130, endedAt: 180 })
  })
})
