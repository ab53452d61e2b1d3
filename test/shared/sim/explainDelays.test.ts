import { describe, expect, it } from 'vitest'
import { DEMO_CALENDAR } from '../../../hub/config/demoBranchFile'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { demoDayScenario } from '../../../shared/demo/demoDay'
import type { QueueEvent } from '../../../shared/queue/events'
import { runScenario } from '../../../shared/sim/runScenario'

/**
 * A simulated day explains its delays as the live hub does (`explainDelays`), and that is all it
 * changes: its customers and tellers do just what they would without it.
 */
const isDelay = (e: QueueEvent): boolean => e.type === 'delayAnnounced' || e.type === 'delayCleared'
/** What the customers and tellers did: every other event, with neither its number nor what the estimator said. */
const actions = (events: readonly QueueEvent[]): unknown[] =>
  events
    .filter((e) => !isDelay(e))
    .map(({ seq: _seq, ...e }) => (e.type === 'ticketIssued' ? { ...e, estimate: null, predictorsSaid: null } : e))

describe('runScenario explaining delays', () => {
  // A Saturday at the demo branch: counters 1 and 6 shut, breaks at the busy middle of the day.
  const scenario = demoDayScenario(DEMO_BRANCH, DEMO_CALENDAR, 480, '2026-11-21', 11)
  if (scenario === null) throw new Error('an opening day')
  const without = runScenario(scenario, { seed: 5 })
  const explained = runScenario(scenario, { seed: 5, explainDelays: { branch: DEMO_BRANCH } })

  it('announces and clears automatic explanations, each cleared by the end of the day', () => {
    expect(without.events.some(isDelay)).toBe(false)
    const announced = explained.events.filter((e) => e.type === 'delayAnnounced')
    expect(announced.length).toBeGreaterThan(0)
    expect(announced.every((e) => e.source === 'automatic' && e.delayId.startsWith('auto:'))).toBe(true)
    expect(explained.events.filter((e) => e.type === 'delayCleared')).toHaveLength(announced.length)
    // numbered as the branch is configured: its counter 2 is the scenario's first of the day
    const paused = announced.find((e) => e.delayId === 'auto:counterPaused:c2')
    expect(paused?.message.en).toMatch(/^Counter 2 /)
  })

  it('changes nothing the customers and tellers do, nor when the day ends', () => {
    expect(actions(explained.events)).toEqual(actions(without.events))
    expect(explained.records.map((r) => ({ ...r, estimate: null }))).toEqual(
      without.records.map((r) => ({ ...r, estimate: null })),
    )
  })

  it('is the same day for the same seed', () => {
    const again = runScenario(scenario, { seed: 5, explainDelays: { branch: DEMO_BRANCH } })
    expect(again.events).toEqual(explained.events)
  })
})
