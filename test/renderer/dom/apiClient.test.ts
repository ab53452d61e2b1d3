import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ApiClient, ApiFailure, MalformedAnswer } from '../../../renderer/src/api/apiClient'
import { replay } from '../../../shared/queue/applyEvent'
import { EMPTY_STATE } from '../../../shared/queue/state'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { startBookingHub } from '../../hub/support/bookingHub'
import { HubFixture } from '../../hub/support/hubFixture'
import { handDayEvents } from '../../shared/reports/support/handDay'
import { TEST_BRANCH } from '../../shared/support/testBranch'

/** What a call threw (the test fails if it did not throw). */
async function thrown(call: Promise<unknown>): Promise<Error> {
  try {
    await call
  } catch (e) {
    return e as Error
  }
  throw new Error('the call did not fail')
}

describe('the API client against a real hub', () => {
  let f: HubFixture
  let manager: string
  let kiosk: string
  let teller: string
  beforeAll(async () => {
    f = await HubFixture.start()
    manager = await f.manager()
    kiosk = await f.pair('kiosk', manager)
    teller = await f.teller(1)
  })
  afterAll(async () => {
    await f.stop()
  })
  const as = (token: string) => new ApiClient(f.url, () => token)

  it('parses the answers a kiosk, a counter and a manager read, as the hub sends them', async () => {
    const receipt = await as(kiosk).call('issueTicket', {
      body: {
        serviceId: 'personal',
        priorityClassId: null,
        language: 'en',
        appointmentAt: null,
        idempotencyKey: 'kiosk-tap-1',
      },
    } as never)
    expect(receipt).toMatchObject({ number: 'A001', print: { kind: 'noPrinter' }, repeated: false })
    const branch = await as(kiosk).call('branch', {})
    expect(branch.branch.services.length).toBeGreaterThan(0)
    const queue = await as(teller).call('queue', {})
    expect(queue.state.open.map((t) => t.number)).toEqual(['A001'])
    await as(teller).call('openCounter', { params: { counterId: 'c1' }, body: {} } as never)
    const called = await as(teller).call('callNext', { params: { counterId: 'c1' }, body: {} } as never)
    expect(called.event.type).toBe('ticketCalled')
    const status = await as(kiosk).call('ticketStatus', {
      params: { ticketId: receipt.ticketId },
      query: { k: receipt.statusPath.split('k=')[1] },
    } as never)
    expect(status.status).toBe('called')
    expect((await as(manager).call('events', { query: { since: 0 } } as never)).events.length).toBeGreaterThan(2)
    expect((await as(manager).call('staff', {})).staff.length).toBe(7)
    expect((await as(manager).call('pairedTerminals', {})).terminals).toHaveLength(1)
    expect((await as(manager).call('currentSession', {})).role).toBe('manager')
    expect((await as(manager).call('hubStatus', {})).tls.protection).toBe('loopback')
    expect((await as(manager).call('health', {})).ok).toBe(true)
    const feedback = await as(kiosk).call('submitFeedback', {
      body: { ticketId: receipt.ticketId, kind: 'suggestion', text: 'Open one more counter at noon.' },
    } as never)
    expect((await as(manager).call('feedbackList', {})).records).toEqual([{ ...feedback, status: 'open' }])
    expect((await as(manager).call('appointmentInfo', {})).services.length).toBeGreaterThan(0)
    const day = queue.state.day as string
    expect((await as(manager).call('dayReport', { params: { date: day } } as never)).kind).toBe('day')
    expect((await as(manager).call('rangeReport', { query: { from: day, to: day } } as never)).kind).toBe('range')
    expect(
      await as(manager).call('dayReportCsv', {
        params: { date: day },
        query: { kind: 'tickets', lang: 'en' },
      } as never),
    ).toMatch(/A001/)
  })

  it('still tells a refusal by the hub’s own words', async () => {
    const e = await thrown(as(teller).call('callNext', { params: { counterId: 'c2' }, body: {} } as never))
    expect(e).toBeInstanceOf(ApiFailure)
    expect((e as ApiFailure).error.statusCode).toBe(403)
  })

  it('hands on where to resync from when the events asked for are gone (410 eventsGone)', async () => {
    const snapshot = await as(manager).call('queue', {})
    const e = await thrown(as(manager).call('events', { query: { since: 1, journal: 'another-run' } } as never))
    expect(e).toBeInstanceOf(ApiFailure)
    expect((e as ApiFailure).error).toMatchObject({
      statusCode: 410,
      code: 'eventsGone',
      field: 'query.journal',
      resyncFrom: { path: '/api/v1/queue', journal: snapshot.journal, seq: snapshot.state.lastSeq },
    })
    expect(e.message).toContain('read the snapshot at /api/v1/queue')
  })
})

describe('the API client against a server answering garbage', () => {
  let server: Server
  let answer: { status: number; type: string; body: string }
  let base: string
  beforeEach(async () => {
    server = createServer((_req, res) => {
      res.writeHead(answer.status, { 'content-type': answer.type })
      res.end(answer.body)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    await new Promise<void>((r) => server.close(() => r()))
  })
  const client = () => new ApiClient(base, () => 'token')
  const json = (body: unknown, status = 200) => ({ status, type: 'application/json', body: JSON.stringify(body) })

  it('refuses an answer that is not JSON, saying so', async () => {
    answer = { status: 200, type: 'text/html', body: '<html>captive portal</html>' }
    const e = await thrown(client().call('health', {}))
    expect(e).toBeInstanceOf(MalformedAnswer)
    expect(e.message).toBe("The hub's answer to health is not what this screen expects: not JSON")
  })

  it('names the field of an answer that does not match its schema', async () => {
    answer = json({ ok: true, day: '2026-12-05', seq: 'seven' })
    const e = await thrown(client().call('health', {}))
    expect(e).toBeInstanceOf(MalformedAnswer)
    expect((e as MalformedAnswer).problems).toEqual(['seq: must be integer'])
  })

  it('never hands a kiosk a receipt without its number or print outcome', async () => {
    answer = json({ ticketId: '20261205-A001', serviceId: 'personal', print: { kind: 'jammed' } })
    const e = await thrown(
      client().call('issueTicket', {
        body: {
          serviceId: 'personal',
          priorityClassId: null,
          language: 'en',
          appointmentAt: null,
          idempotencyKey: 'kiosk-tap-2',
        },
      } as never),
    )
    expect(e).toBeInstanceOf(MalformedAnswer)
    expect((e as MalformedAnswer).problems).toEqual(
      expect.arrayContaining(['number: is required', 'print.kind: must be one of "printed", "noPrinter", "failed"']),
    )
  })

  it('refuses a command answer whose event is damaged', async () => {
    answer = json({ event: { type: 'ticketCalled', seq: 3 } })
    const e = await thrown(client().call('callNext', { params: { counterId: 'c1' }, body: {} } as never))
    expect(e).toBeInstanceOf(MalformedAnswer)
    expect((e as MalformedAnswer).problems.join('; ')).toMatch(/event\.at: is required/)
  })

  it('refuses a day report with a wrong type deep inside, naming the path', async () => {
    const report = JSON.parse(
      JSON.stringify(
        buildDayReport({
          events: handDayEvents(),
          branch: TEST_BRANCH,
          utcOffsetMinutes: 480,
          feedback: [],
          asOf: null,
        }),
      ),
    ) as { tickets: { issuedAt: unknown }[]; date: string }
    expect(report.tickets.length).toBeGreaterThan(1)
    ;(report.tickets[1] as { issuedAt: unknown }).issuedAt = '09:01'
    answer = json(report)
    const e = await thrown(client().call('dayReport', { params: { date: report.date } } as never))
    expect(e).toBeInstanceOf(MalformedAnswer)
    expect((e as MalformedAnswer).problems).toEqual(['tickets[1].issuedAt: must be number'])
  })

  it('refuses a queue snapshot whose ticket has a damaged visit, naming the path', async () => {
    const state = JSON.parse(JSON.stringify(replay(handDayEvents(), EMPTY_STATE))) as {
      done: { visits: { counterId: unknown }[] }[]
    }
    ;(state.done[0]?.visits[0] as { counterId: unknown }).counterId = 3
    answer = json({ serverNow: 1, journal: 'j1', state, estimates: null })
    const e = await thrown(client().call('queue', {}))
    expect(e).toBeInstanceOf(MalformedAnswer)
    expect((e as MalformedAnswer).problems).toEqual(['state.done[0].visits[0].counterId: must be string'])
  })

  it('tells a refusal that is not an API error by its status', async () => {
    answer = { status: 502, type: 'text/html', body: '<html>Bad gateway</html>' }
    const e = await thrown(client().call('health', {}))
    expect(e).toBeInstanceOf(ApiFailure)
    expect((e as ApiFailure).error).toMatchObject({ statusCode: 502, code: 'unknown', message: 'HTTP 502' })
    answer = json({ code: 42, message: ['not', 'text'] }, 409)
    const odd = await thrown(client().call('health', {}))
    expect((odd as ApiFailure).error).toMatchObject({ statusCode: 409, code: 'unknown', message: 'HTTP 409' })
  })
})

describe('the API client at a rate-limited booking route', () => {
  let f: HubFixture | undefined
  afterEach(async () => {
    await f?.stop()
    f = undefined
  })

  it('hands over the Retry-After of a 429 the route’s contract lists, and none for other refusals', async () => {
    f = await startBookingHub({ requestsPerAddressPerMinute: 2, bookingsPerAddressPerHour: 100, bookingsPerHour: 100 })
    const phone = new ApiClient(f.url, () => null)
    await phone.call('appointmentInfo', {})
    const unknown = await thrown(phone.call('appointment', { params: { code: 'ZZZZZZZZ' } } as never))
    expect(unknown).toBeInstanceOf(ApiFailure)
    expect((unknown as ApiFailure).retryAfterSec).toBeNull()
    const e = await thrown(phone.call('appointmentInfo', {}))
    expect(e).toBeInstanceOf(ApiFailure)
    expect((e as ApiFailure).error).toMatchObject({ statusCode: 429, code: 'rateLimited' })
    expect((e as ApiFailure).retryAfterSec).toBeGreaterThan(0)
    expect((e as ApiFailure).retryAfterSec).toBeLessThanOrEqual(60)
  })
})
