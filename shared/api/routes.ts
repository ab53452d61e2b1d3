import { Type } from 'typebox'
import { PAUSE_REASONS, type PauseReasonCode } from '../queue/counterState'
import type { QueueEvent } from '../queue/events'
import { MAX_QUANTITY } from '../queue/transactionStandard'
import {
  dateInput,
  CounterIdSchema,
  DelayIdSchema,
  LanguageSchema,
  LocalizedTextSchema,
  PriorityClassIdSchema,
  ServiceIdSchema,
  StaffIdSchema,
  TicketIdSchema,
} from './common'
import { appointmentRoutes } from './appointmentRoutes'
import { healthRoutes } from './health'
import { route } from './route'
import type { DayReport } from '../reports/dayReport'
import type { RangeReport } from '../reports/rangeReport'
import { FEEDBACK_KINDS, type FeedbackKind, type FeedbackRecord } from '../feedback/feedback'
import type { FeedbackStatus } from '../feedback/feedbackStatus'
import type {
  BranchInfo,
  CommandAck,
  CounterClosedAck,
  RejoinReceipt,
  PairedTerminalView,
  QueueSnapshot,
  PairedView,
  SessionView,
  StaffView,
  TicketReceipt,
  TicketStatusView,
  UsualDayView,
  WhatIfResult,
} from './views'

/**
 * The hub's HTTP API, version 1: every route with its schemas and who may call it. The hub
 * serves the OpenAPI document generated from these at `/api/v1/openapi.json`.
 */

const strict = { additionalProperties: false } as const
const TicketParams = Type.Object({ ticketId: TicketIdSchema }, strict)
const CounterParams = Type.Object({ counterId: CounterIdSchema }, strict)
const NoBody = Type.Object({}, strict)
const Reason = Type.String({ minLength: 1, maxLength: 200, description: 'Why, in a few words (logged)' })

export const PauseReasonSchema = Type.Object(
  {
    // Built from the engine's list so the two never differ; typed as the engine's union.
    code: Type.Unsafe<PauseReasonCode>(Type.Union(PAUSE_REASONS.map((c) => Type.Literal(c)))),
    note: Type.String({ maxLength: 200 }),
  },
  strict,
)

export const DelayScopeSchema = Type.Union([
  Type.Object({ kind: Type.Literal('branch') }, strict),
  Type.Object({ kind: Type.Literal('service'), serviceId: ServiceIdSchema }, strict),
  Type.Object({ kind: Type.Literal('counter'), counterId: CounterIdSchema }, strict),
])

const counterCommand = (verb: string, summary: string) =>
  route<CommandAck, typeof CounterParams, typeof NoBody>({
    method: 'POST',
    path: `/api/v1/counters/:counterId/${verb}`,
    summary,
    tags: ['counter'],
    access: ['teller', 'manager'],
    params: CounterParams,
    body: NoBody,
  })

export const routes = {
  health: route<{ ok: true; day: string | null; seq: number }>({
    method: 'GET',
    path: '/api/v1/health',
    summary: 'Liveness, the open day and the last event seq',
    tags: ['system'],
    access: ['public'],
  }),
  branch: route<BranchInfo>({
    method: 'GET',
    path: '/api/v1/branch',
    summary: 'Public branch information: services, counters, declared rules, lobby content',
    tags: ['queries'],
    access: ['public'],
  }),
  queue: route<QueueSnapshot>({
    method: 'GET',
    path: '/api/v1/queue',
    summary: 'The live queue with estimates and the hub clock',
    tags: ['queries'],
    access: ['kiosk', 'display', 'teller', 'manager'],
  }),
  events: route<{ journal: string; events: QueueEvent[] }, undefined, undefined, ReturnType<typeof eventsQuery>>({
    method: 'GET',
    path: '/api/v1/events',
    summary: "The day's events after a seq",
    tags: ['queries'],
    access: ['manager'],
    query: eventsQuery(),
  }),

  signIn: route<SessionView, undefined, ReturnType<typeof signInBody>>({
    method: 'POST',
    path: '/api/v1/sessions',
    summary: 'Sign in with staff id and PIN (tellers name their counter)',
    tags: ['auth'],
    access: ['public'],
    body: signInBody(),
  }),
  currentSession: route<SessionView>({
    method: 'GET',
    path: '/api/v1/sessions/current',
    summary: 'Who this token is',
    tags: ['auth'],
    access: ['kiosk', 'display', 'teller', 'manager'],
  }),
  signOut: route<{ ok: true }>({
    method: 'DELETE',
    path: '/api/v1/sessions/current',
    summary: 'Sign out',
    tags: ['auth'],
    access: ['teller', 'manager'],
  }),
  createPairingCode: route<{ code: string; expiresAt: number }, undefined, ReturnType<typeof pairingBody>>({
    method: 'POST',
    path: '/api/v1/pairing-codes',
    summary: 'A one-time code to pair a kiosk or display terminal',
    tags: ['auth'],
    access: ['manager'],
    body: pairingBody(),
  }),
  pair: route<PairedView, undefined, ReturnType<typeof pairBody>>({
    method: 'POST',
    path: '/api/v1/pair',
    summary: "Pair a terminal with a one-time code; answers its device token and the hub CA's fingerprint",
    tags: ['auth'],
    access: ['public'],
    body: pairBody(),
  }),

  staff: route<{ staff: StaffView[] }>({
    method: 'GET',
    path: '/api/v1/staff',
    summary: "The branch's tellers and managers by id and name, for the staff screens",
    tags: ['auth'],
    access: ['teller', 'manager'],
  }),
  pairedTerminals: route<{ terminals: PairedTerminalView[] }>({
    method: 'GET',
    path: '/api/v1/paired-terminals',
    summary: 'The kiosks and displays paired with this hub',
    tags: ['auth'],
    access: ['manager'],
  }),
  revokeTerminal: route<{ ok: true }, ReturnType<typeof terminalParams>>({
    method: 'DELETE',
    path: '/api/v1/paired-terminals/:terminalId',
    summary: 'Revoke a paired terminal: its token stops working at once',
    tags: ['auth'],
    access: ['manager'],
    params: terminalParams(),
  }),

  testDevice: route<{ ok: boolean; detail: string }, ReturnType<typeof deviceParams>, typeof NoBody>({
    method: 'POST',
    path: '/api/v1/devices/:deviceId/test',
    summary: 'The device test button: print a test ticket, flash a display',
    tags: ['devices'],
    access: ['manager'],
    params: deviceParams(),
    body: NoBody,
  }),

  dayReport: route<DayReport, ReturnType<typeof dateParams>>({
    method: 'GET',
    path: '/api/v1/reports/day/:date',
    summary: "A day's wait-time report (today: so far)",
    tags: ['reports'],
    access: ['manager'],
    params: dateParams(),
  }),
  dayReportCsv: route<string, ReturnType<typeof dateParams>, undefined, ReturnType<typeof csvQuery>>({
    method: 'GET',
    path: '/api/v1/reports/day/:date/csv',
    summary: "A day's report as CSV: one row per ticket, or the KPIs",
    tags: ['reports'],
    access: ['manager'],
    params: dateParams(),
    query: csvQuery(),
  }),
  rangeReport: route<RangeReport, undefined, undefined, ReturnType<typeof rangeQuery>>({
    method: 'GET',
    path: '/api/v1/reports/range',
    summary: 'KPIs over a date range: daily, weekly, week over week, hours, staffing',
    tags: ['reports'],
    access: ['manager'],
    query: rangeQuery(),
  }),
  feedbackList: route<{ records: (FeedbackRecord & { status: FeedbackStatus })[] }>({
    method: 'GET',
    path: '/api/v1/feedback',
    summary: 'Complaints, suggestions and praise with their reply deadlines',
    tags: ['feedback'],
    access: ['manager'],
  }),
  submitFeedback: route<FeedbackRecord, undefined, ReturnType<typeof feedbackBody>>({
    method: 'POST',
    path: '/api/v1/feedback',
    summary:
      'Record a complaint, suggestion or praise (the reply deadline is set at once); blank text is 400 `textRequired`, a ticket the hub does not know (today, or in a kept journal) 422 `unknownTicket`',
    tags: ['feedback'],
    access: ['kiosk', 'teller', 'manager'],
    body: feedbackBody(),
  }),
  resolveFeedback: route<FeedbackRecord, ReturnType<typeof feedbackParams>, ReturnType<typeof resolveBody>>({
    method: 'POST',
    path: '/api/v1/feedback/:feedbackId/resolve',
    summary:
      'Record the reply given to a customer, once: the same reply again answers the record as it stands, another one is 409 `feedbackResolved`; a blank reply is 400 `resolutionRequired`',
    tags: ['feedback'],
    access: ['manager'],
    params: feedbackParams(),
    body: resolveBody(),
  }),

  whatIf: route<Extract<WhatIfResult, { ok: true }>, undefined, ReturnType<typeof whatIfBody>>({
    method: 'POST',
    path: '/api/v1/simulations',
    summary: 'What if: simulate a day from a scenario (docs/simulator.md) and answer its KPIs',
    tags: ['reports'],
    access: ['manager'],
    body: whatIfBody(),
  }),

  usualDay: route<UsualDayView>({
    method: 'GET',
    path: '/api/v1/simulations/usual-day',
    summary:
      "The branch's usual day of today's kind, learned from its recent days (null before it has any): where a what-if starts before today's arrivals say anything",
    tags: ['reports'],
    access: ['manager'],
  }),

  issueTicket: route<TicketReceipt, undefined, ReturnType<typeof issueBody>>({
    method: 'POST',
    path: '/api/v1/tickets',
    summary: 'Issue a ticket; the same idempotency key always gives the same ticket',
    tags: ['tickets'],
    access: ['kiosk', 'manager'],
    body: issueBody(),
  }),
  ticketStatus: route<TicketStatusView, typeof TicketParams, undefined, ReturnType<typeof statusQuery>>({
    method: 'GET',
    path: '/api/v1/tickets/:ticketId/status',
    summary: "A ticket's live status for the phone that scanned its QR code",
    tags: ['tickets'],
    access: ['public'],
    params: TicketParams,
    query: statusQuery(),
  }),
  cancelTicket: route<CommandAck, typeof TicketParams, typeof NoBody>({
    method: 'POST',
    path: '/api/v1/tickets/:ticketId/cancel',
    summary: 'Cancel a ticket',
    tags: ['tickets'],
    access: ['teller', 'manager'],
    params: TicketParams,
    body: NoBody,
  }),
  rejoinTicket: route<RejoinReceipt, typeof TicketParams, typeof NoBody>({
    method: 'POST',
    path: '/api/v1/tickets/:ticketId/rejoin',
    summary:
      'A customer who missed the call re-joins within the grace window, answered with the people ahead and the estimated wait; a retry while the ticket waits from that re-join is answered with it',
    tags: ['tickets'],
    access: ['kiosk', 'teller', 'manager'],
    params: TicketParams,
    body: NoBody,
  }),
  resumeTicket: route<CommandAck, typeof TicketParams, typeof NoBody>({
    method: 'POST',
    path: '/api/v1/tickets/:ticketId/resume',
    summary: 'Bring a parked customer back to the counter that parked them',
    tags: ['tickets'],
    access: ['teller', 'manager'],
    params: TicketParams,
    body: NoBody,
  }),
  transferTicket: route<CommandAck, typeof TicketParams, ReturnType<typeof transferBody>>({
    method: 'POST',
    path: '/api/v1/tickets/:ticketId/transfer',
    summary: 'Send a ticket to another service and/or counter, keeping its place',
    tags: ['tickets'],
    access: ['teller', 'manager'],
    params: TicketParams,
    body: transferBody(),
  }),
  rateTicket: route<CommandAck, typeof TicketParams, ReturnType<typeof rateBody>>({
    method: 'POST',
    path: '/api/v1/tickets/:ticketId/rate',
    summary: 'Satisfaction from the counter screen (1 dissatisfied … 5 very satisfied)',
    tags: ['tickets'],
    access: ['teller', 'manager'],
    params: TicketParams,
    body: rateBody(),
  }),
  changePriority: route<CommandAck, typeof TicketParams, ReturnType<typeof priorityBody>>({
    method: 'POST',
    path: '/api/v1/tickets/:ticketId/priority',
    summary:
      "Confirm a customer's priority claim, or set or remove a ticket's class, with a reason (journaled); a kiosk's card reader confirms a claim for a class established by reader",
    tags: ['tickets'],
    access: ['teller', 'manager'],
    params: TicketParams,
    body: priorityBody(),
  }),

  openCounter: route<CommandAck, typeof CounterParams, typeof NoBody>({
    method: 'POST',
    path: '/api/v1/counters/:counterId/open',
    summary: 'Open the counter with the signed-in teller',
    tags: ['counter'],
    access: ['teller'],
    params: CounterParams,
    body: NoBody,
  }),
  pauseCounter: route<CommandAck, typeof CounterParams, ReturnType<typeof pauseBody>>({
    method: 'POST',
    path: '/api/v1/counters/:counterId/pause',
    summary: 'Pause the counter, with a reason',
    tags: ['counter'],
    access: ['teller', 'manager'],
    params: CounterParams,
    body: pauseBody(),
  }),
  resumeCounter: counterCommand('resume', 'Resume a paused counter'),
  closeCounter: route<CounterClosedAck, typeof CounterParams, typeof NoBody>({
    method: 'POST',
    path: '/api/v1/counters/:counterId/close',
    summary: 'Close the counter; answers whom it left with no open counter to call them',
    tags: ['counter'],
    access: ['teller', 'manager'],
    params: CounterParams,
    body: NoBody,
  }),
  callNext: counterCommand('call-next', 'Call the next ticket the policy gives'),
  recall: counterCommand('recall', 'Call the current ticket again'),
  startService: counterCommand('start', 'The customer is at the counter: the transaction clock starts'),
  markNoShow: counterCommand('no-show', 'The customer did not come after the declared recalls'),
  park: counterCommand('park', 'The customer steps aside (to fetch a document) and keeps their place'),
  completeService: route<CommandAck, typeof CounterParams, ReturnType<typeof completeBody>>({
    method: 'POST',
    path: '/api/v1/counters/:counterId/complete',
    summary: 'The transaction is done',
    tags: ['counter'],
    access: ['teller', 'manager'],
    params: CounterParams,
    body: completeBody(),
  }),
  addTransaction: route<CommandAck, typeof CounterParams, ReturnType<typeof addTransactionBody>>({
    method: 'POST',
    path: '/api/v1/counters/:counterId/transactions',
    summary:
      'The customer at the counter wants something more: the transaction in progress ends and this one starts, without calling them again',
    tags: ['counter'],
    access: ['teller', 'manager'],
    params: CounterParams,
    body: addTransactionBody(),
  }),
  callTicket: route<CommandAck, typeof CounterParams, ReturnType<typeof callTicketBody>>({
    method: 'POST',
    path: '/api/v1/counters/:counterId/call-ticket',
    summary: 'Call a specific ticket out of turn (a reason is required and logged)',
    tags: ['counter'],
    access: ['teller', 'manager'],
    params: CounterParams,
    body: callTicketBody(),
  }),
  explainCounter: route<CommandAck, typeof CounterParams, ReturnType<typeof explainBody>>({
    method: 'POST',
    path: '/api/v1/counters/:counterId/explain',
    summary:
      'Tell the lobby why this counter is slow ("a complex transaction is in progress"); tapped again while it is shown, it answers the announcement already shown',
    tags: ['counter', 'delays'],
    access: ['teller', 'manager'],
    params: CounterParams,
    body: explainBody(),
  }),

  announceDelay: route<CommandAck, undefined, ReturnType<typeof delayBody>>({
    method: 'POST',
    path: '/api/v1/delays',
    summary:
      'Post an explanation for the lobby (system outage, cash count ...), in every language the lobby shows: one left blank is 400 `reasonRequired` naming it',
    tags: ['delays'],
    access: ['manager'],
    body: delayBody(),
  }),
  clearDelay: route<CommandAck, ReturnType<typeof delayParams>>({
    method: 'DELETE',
    path: '/api/v1/delays/:delayId',
    summary: 'End an explanation',
    tags: ['delays'],
    access: ['teller', 'manager'],
    params: delayParams(),
  }),
  closeDay: route<CommandAck, undefined, typeof NoBody>({
    method: 'POST',
    path: '/api/v1/day/close',
    summary: 'Close the business day: open tickets end, counters close, the summary is stored',
    tags: ['day'],
    access: ['manager'],
    body: NoBody,
  }),
  ...healthRoutes,
  ...appointmentRoutes,
} as const

export type Routes = typeof routes
export type RouteName = keyof Routes

function eventsQuery() {
  return Type.Object(
    {
      since: Type.Integer({
        minimum: 0,
        description:
          "Answer events with seq > since. 410 eventsGone: they are no longer in today's journal, or `journal` is another hub run's (its `resyncFrom` names the snapshot to read, this hub's journal and seq); 409 eventsAhead: this run's journal ends before it. Either way, take a snapshot (GET /api/v1/queue) and follow on from its lastSeq",
      }),
      journal: Type.Optional(
        Type.String({
          maxLength: 100,
          description:
            "The journal `since` is in (the `journal` of the snapshot or of the last answer); another hub run's is refused (410 eventsGone), since seqs are reused after a power cut. Without it, `since` is taken as this run's.",
        }),
      ),
    },
    strict,
  )
}
function signInBody() {
  return Type.Object(
    {
      staffId: StaffIdSchema,
      pin: Type.String({ pattern: '^[0-9]{4,8}$', description: '4 to 8 digits' }),
      counterId: Type.Union([CounterIdSchema, Type.Null()], {
        description: 'The counter a teller works at; null for a manager (400 managerNotAtCounter otherwise)',
      }),
    },
    strict,
  )
}
function pairingBody() {
  return Type.Object(
    {
      role: Type.Union([Type.Literal('kiosk'), Type.Literal('display')]),
      name: Type.String({ minLength: 1, maxLength: 60, description: 'e.g. "Lobby kiosk 1"' }),
    },
    strict,
  )
}
function whatIfBody() {
  return Type.Object(
    {
      scenario: Type.Unknown({ description: 'A scenario, as in docs/scenarios/*.json' }),
      seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 }),
    },
    strict,
  )
}
function dateParams() {
  return Type.Object({ date: dateInput() }, strict)
}
function csvQuery() {
  return Type.Object(
    { kind: Type.Union([Type.Literal('tickets'), Type.Literal('kpis')]), lang: LanguageSchema },
    strict,
  )
}
function rangeQuery() {
  return Type.Object({ from: dateInput(), to: dateInput() }, strict)
}
function feedbackBody() {
  return Type.Object(
    {
      ticketId: Type.Union([TicketIdSchema, Type.Null()]),
      kind: Type.Unsafe<FeedbackKind>(Type.Union(FEEDBACK_KINDS.map((k) => Type.Literal(k)))),
      text: Type.String({ minLength: 1, maxLength: 2000 }),
    },
    strict,
  )
}
function feedbackParams() {
  return Type.Object({ feedbackId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) }, strict)
}
function resolveBody() {
  return Type.Object({ resolution: Type.String({ minLength: 1, maxLength: 2000 }) }, strict)
}
function deviceParams() {
  return Type.Object({ deviceId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }) }, strict)
}
function terminalParams() {
  return Type.Object({ terminalId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) }, strict)
}
function pairBody() {
  return Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit pairing code' }) }, strict)
}
function issueBody() {
  return Type.Object(
    {
      serviceId: ServiceIdSchema,
      priorityClassId: Type.Union([PriorityClassIdSchema, Type.Null()]),
      language: LanguageSchema,
      appointmentAt: Type.Null({
        description:
          'Always null: a booked customer checks in with the booking code (POST /api/v1/appointments/{code}/check-in), which alone gives a ticket its slot',
      }),
      idempotencyKey: Type.String({
        minLength: 8,
        maxLength: 100,
        pattern: '^[A-Za-z0-9_-]+$',
        description: 'One per tap: a retried or doubled request with the same key gets the same ticket',
      }),
    },
    strict,
  )
}
function statusQuery() {
  return Type.Object(
    { k: Type.String({ minLength: 8, maxLength: 64, description: 'The key printed in the QR code' }) },
    strict,
  )
}
function transferBody() {
  return Type.Object(
    {
      toServiceId: Type.Union([ServiceIdSchema, Type.Null()]),
      toCounterId: Type.Union([CounterIdSchema, Type.Null()]),
      /** 'waiting' when picked from the waiting list: refused (409) if a call got there first. */
      seenStatus: Type.Optional(Type.Literal('waiting')),
    },
    strict,
  )
}
function priorityBody() {
  return Type.Object({ priorityClassId: Type.Union([PriorityClassIdSchema, Type.Null()]), reason: Reason }, strict)
}
function rateBody() {
  return Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }) }, strict)
}
function pauseBody() {
  return Type.Object({ reason: PauseReasonSchema }, strict)
}
function completeBody() {
  return Type.Object({ completedServiceId: Type.Union([ServiceIdSchema, Type.Null()]) }, strict)
}
function addTransactionBody() {
  return Type.Object(
    {
      serviceId: ServiceIdSchema,
      quantity: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: MAX_QUANTITY,
          description:
            'How many of it (bills, cards …), 1 when left out; its standard is the service standard times this',
        }),
      ),
    },
    strict,
  )
}
function callTicketBody() {
  return Type.Object({ ticketId: TicketIdSchema, reason: Reason }, strict)
}
function explainBody() {
  return Type.Object({ kind: Type.Literal('complexBusiness') }, strict)
}
function delayBody() {
  return Type.Object({ scope: DelayScopeSchema, message: LocalizedTextSchema }, strict)
}
function delayParams() {
  return Type.Object({ delayId: DelayIdSchema }, strict)
}
