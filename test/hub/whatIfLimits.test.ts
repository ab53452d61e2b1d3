import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'
import { untilLogged } from './support/hubLogFile'

/**
 * What-ifs a hub must refuse at once, with the field, instead of simulating them: rates no branch
 * has (1e7 customers an hour once held the hub for a minute, grew it by 4 GB and ended in a 500),
 * a day whose fields are each in bounds but add up to more than a simulator takes on, and a body
 * nested so deep that handing it to the simulator's thread overflowed the stack (a 500).
 */

let f: HubFixture
let manager: string
let lunchPeak: { arrivals: Record<string, unknown>[] } & Record<string, unknown>

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  lunchPeak = JSON.parse(await readFile('docs/scenarios/lunch-peak.json', 'utf8')) as typeof lunchPeak
})
afterAll(async () => {
  await f.stop()
})

const whatIf = (body: unknown) => f.request<ApiError>('POST', '/api/v1/simulations', body, manager)

/** The body `{"scenario":[[[…]]],"seed":1}` with the scenario nested `depth` arrays deep, as text. */
const nestedBody = (depth: number): string => `{"scenario":${'['.repeat(depth)}${']'.repeat(depth)},"seed":1}`

describe('what-if limits', () => {
  it('answers a what-if over the time limit with 422 scenarioTooSlow saying what to change, and logs it', async () => {
    // The real simulation thread, allowed 1 ms: any real day takes longer.
    const tight = await HubFixture.start({ simulator: { limitMs: 1 } })
    try {
      const r = await tight.request<ApiError>(
        'POST',
        '/api/v1/simulations',
        { scenario: lunchPeak, seed: 1 },
        await tight.manager(),
      )
      expect(r.status).toBe(422)
      expect(r.body).toMatchObject({ code: 'scenarioTooSlow', field: 'body.scenario' })
      expect(r.body.message).toMatch(/took longer than the 0\.001 s a what-if may take/)
      expect(r.body.message).toMatch(/shorten the day .* reduce the customers/)
      const line = await untilLogged(tight.dataDir, (l) => l.event === 'whatIf.tooSlow', 'the refusal')
      expect(line).toMatchObject({ level: 40, limitMs: 1 })
    } finally {
      await tight.stop()
    }
  }, 60_000)

  it('refuses rates of 1e7 an hour at once, naming the rate, and still simulates a real day', async () => {
    const scenario = { ...lunchPeak, arrivals: lunchPeak.arrivals.map((a) => ({ ...a, perHour: 1e7 })) }
    const started = Date.now()
    const r = await whatIf({ scenario, seed: 1 })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(r.status).toBe(422)
    expect(r.body).toMatchObject({ code: 'invalidScenario', field: 'body.scenario.arrivals[0].perHour' })
    expect(r.body.message).toContain('arrivals[0].perHour: must be a rate per hour (0–1000)')
    expect((await whatIf({ scenario: lunchPeak, seed: 1 })).status).toBe(200)
  }, 60_000)

  it('refuses a day whose fields are in bounds but whose customers add up past the day’s limit', async () => {
    const scenario = { ...lunchPeak, arrivals: lunchPeak.arrivals.map((a) => ({ ...a, perHour: 1000 })) }
    const r = await whatIf({ scenario, seed: 1 })
    expect(r.status).toBe(422)
    expect(r.body.field).toMatch(/^body\.scenario\.arrivals\[\d+\]\.perHour$/)
    expect(r.body.message).toMatch(/more than the 3,000 a simulated day may have/)
  }, 60_000)

  it.each([500, 5000, 8000])(
    'answers a body nested %i arrays deep with a 400 naming where, not a 500',
    async (depth) => {
      const r = await whatIf(nestedBody(depth))
      expect(r.status).toBe(400)
      expect(r.body.code).toBe('invalidRequest')
      expect(r.body.field).toBe(`body.scenario${'[0]'.repeat(31)}`)
      expect(r.body.message).toContain('more than 32 deep')
    },
  )

  it('refuses deep nesting inside a scenario’s field too, and takes a scenario nested as deep as one is', async () => {
    const deepName = `{"scenario":{"name":${'{"a":'.repeat(40)}1${'}'.repeat(40)}},"seed":1}`
    const r = await whatIf(deepName)
    expect(r.status).toBe(400)
    expect(r.body.field).toMatch(/^body\.scenario\.name(\.a)+$/)
    const withBreaks = {
      ...lunchPeak,
      counters: [
        ...(lunchPeak.counters as Record<string, unknown>[]),
        { id: 'x9', services: ['personal'], breaks: [{ at: '12:00', minutes: 30 }] },
      ],
    }
    expect((await whatIf({ scenario: withBreaks, seed: 1 })).status).toBe(200)
  }, 60_000)

  it('names the scenario itself when it is not a scenario at all', async () => {
    for (const scenario of [null, 42, [1, 2]]) {
      const r = await whatIf({ scenario, seed: 1 })
      expect(r.status).toBe(422)
      expect(r.body.field).toBe('body.scenario')
    }
  })
})
