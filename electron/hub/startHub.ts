import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { endOfLocalDate, localDate } from '../../shared/domain/localDate'
import { FeedbackStore } from './reports/feedbackStore'
import { dayReportOf, ReportStore } from './reports/reportStore'
import { buildApp } from './api/app'
import type { HubContext, LobbyDevices } from './api/context'
import { PairedDevices } from './auth/pairedDevices'
import { SessionStore } from './auth/sessionStore'
import { SignInGuard } from './auth/signInGuard'
import { demoBranchFile } from './config/demoBranchFile'
import { loadBranchFile } from './config/loadBranchFile'
import { systemClock, type Clock } from './core/clock'
import type { WaitEstimator } from './core/estimator'
import { LiveEstimates } from './core/liveEstimates'
import { QueueHost } from './core/queueHost'
import { Journal } from './persistence/journal'
import { DeviceSupervisor } from '../../hardware/index'
import type { TicketId } from '../../shared/domain/ids'
import { statusPathFor } from './api/routes/ticketRoutes'
import { HubDevices } from './devices/hubDevices'
import { createBranchEstimator, type BranchEstimator } from './core/branchEstimator'
import { AutoDelays } from './core/autoDelays'
import { loadBranchKnowledge } from './core/branchKnowledge'
import { DemoActivity, demoActivityOptions } from './demo/demoActivity'
import { startReplication } from './replication/startReplication'

export interface HubOptions {
  /** Branch configuration, journals and history live here. */
  readonly dataDir: string
  /** The LAN address to listen on; default: the configuration's `network.host`. */
  readonly host?: string
  /** 0 = any free port; default: the configuration's `network.port`. */
  readonly port?: number
  /** Write the built-in demo branch when the folder has no configuration. */
  readonly demo: boolean
  /** The built renderer the hub serves at `/`. */
  readonly rendererDir: string | null
  readonly clock?: Clock
  /** Default: the branch estimator, learning from the journals of recent days. */
  readonly estimator?: WaitEstimator
  /** Demo only: simulated customers and tellers at counters 3 and up, in real time. */
  readonly simulate?: boolean
  readonly devices?: LobbyDevices
  readonly logger?: boolean
  /** Sign-in and pairing attempts per client address per minute (default 20). */
  readonly authAttemptsPerMinute?: number
  /** How often the live channel pings terminals and re-checks their tokens (default 15 s). */
  readonly liveHeartbeatMs?: number
}

export interface RunningHub {
  readonly url: string
  readonly context: HubContext
  close(): Promise<void>
}

/** No lobby devices configured: nothing to print on, nothing to report. */
export const NO_DEVICES: LobbyDevices = {
  printTicket: async () => ({ kind: 'noPrinter' }),
  statuses: () => [],
  onChange: () => () => undefined,
  test: async (deviceId) => ({ ok: false, detail: `no device '${deviceId}' is configured` }),
}

const TICK_MS = 30_000

/**
 * Starts the branch hub: loads and validates the configuration (refusing to start on a broken
 * one), replays today's journal, and serves the API, the live channel and the renderer.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const clock = options.clock ?? systemClock
  await mkdir(options.dataDir, { recursive: true })
  const config = await loadBranchFile(
    join(options.dataDir, 'branch.json'),
    options.demo ? () => demoBranchFile(options.host, options.port) : null,
  )
  const paired = await PairedDevices.open(join(options.dataDir, 'security.json'))
  const feedback = await FeedbackStore.open(join(options.dataDir, 'feedback.json'))
  const journalDir = join(options.dataDir, 'journal')
  // Messages before the server's logger exists are kept and written once it does.
  const logLines: { level: 'info' | 'warn' | 'error'; message: string }[] = []
  let log = (level: 'info' | 'warn' | 'error', message: string): void => {
    logLines.push({ level, message })
  }
  const reports = await ReportStore.open(join(options.dataDir, 'history.json'), journalDir)
  const utcOffset = () => config.data.utcOffsetMinutes
  let knowledge = await loadBranchKnowledge(journalDir, localDate(clock.now(), utcOffset()), utcOffset())
  const branchEstimator =
    options.estimator === undefined
      ? createBranchEstimator(
          () => config.data.branch,
          () => knowledge,
        )
      : null
  const estimator: WaitEstimator = options.estimator ?? (branchEstimator as BranchEstimator)
  // Built once the host exists; the host asks it for the estimate shown at issue.
  let estimates: LiveEstimates | null = null
  const host = await QueueHost.open({
    journalDir,
    branch: () => config.data.branch,
    utcOffsetMinutes: config.data.utcOffsetMinutes,
    clock,
    // What the kiosk menu showed for this service and class when the customer tapped it: the
    // estimate they were given, and free to look up (issuing waits for no estimation).
    estimateAtIssue: (e) => estimates?.current()?.newTicket[e.serviceId]?.[e.priorityClassId ?? 'ordinary'] ?? null,
    onTornJournal: (file, bytes) =>
      log('warn', `${file}: a torn last line (${bytes} bytes, a write cut short) was removed`),
    onError: (message) => log('error', message),
    onDayClosed: async (date, events) => {
      // The day's summary goes into the history the trend view reads.
      const start = endOfLocalDate(date, utcOffset()) - 86_400_000 + 1
      const end = endOfLocalDate(date, utcOffset())
      await reports.record(dayReportOf(events, config.data, feedback.forDay(start, end), null))
      const keepFrom = localDate(clock.now() - config.data.retention.journalDays * 86_400_000, utcOffset())
      await Journal.prune(journalDir, keepFrom)
      // The day just closed is history now: learn from it for tomorrow.
      knowledge = await loadBranchKnowledge(journalDir, localDate(clock.now() + 86_400_000, utcOffset()), utcOffset())
    },
  })
  await host.tick()
  // Closed days without a summary (the hub was stopped at close, or upgraded) are summarised now.
  await reports.backfill(host.current.day ?? localDate(clock.now() + 86_400_000, utcOffset()), (events) =>
    dayReportOf(events, config.data, [], null),
  )
  const logError = (what: string) => (e: unknown) =>
    log('error', `${what}: ${e instanceof Error ? e.message : String(e)}`)
  estimates = new LiveEstimates(host, estimator, clock, () => config.data.branch, logError('estimating waits'))
  await estimates.recompute()
  const autoDelays = new AutoDelays({
    host,
    branch: () => config.data.branch,
    clock,
    usual: () => knowledge.usual,
    model: (state) => branchEstimator?.model(state) ?? null,
    onError: logError('explaining delays'),
  })
  await autoDelays.reconcile()
  // Known once the server listens; the QR code on a printed ticket needs it.
  let baseUrl = ''
  const publicUrl = () => config.data.network.publicUrl ?? baseUrl
  const statusKey = (ticketId: TicketId) => paired.statusKey(ticketId)
  const supervisor =
    options.devices === undefined && config.data.devices.length > 0 ? new DeviceSupervisor(config.data.devices) : null
  const hardware =
    supervisor === null
      ? null
      : new HubDevices({
          supervisor,
          host,
          branch: () => config.data.branch,
          estimates,
          clock,
          utcOffsetMinutes: utcOffset,
          statusUrl: (ticketId) => `${publicUrl()}${statusPathFor(ticketId, statusKey(ticketId))}`,
          log: (level, message) => log(level, message),
        })
  const ctx: HubContext = {
    host,
    config,
    branch: () => config.data.branch,
    sessions: new SessionStore(),
    paired,
    guard: new SignInGuard(),
    clock,
    estimates,
    devices: options.devices ?? hardware ?? NO_DEVICES,
    statusKey,
    reports,
    feedback,
  }
  const app = await buildApp(ctx, {
    rendererDir: options.rendererDir,
    logger: options.logger ?? false,
    authAttemptsPerMinute: options.authAttemptsPerMinute ?? 20,
    ...(options.liveHeartbeatMs === undefined ? {} : { liveHeartbeatMs: options.liveHeartbeatMs }),
  })
  log = (level, message) => {
    app.log[level](message)
  }
  for (const l of logLines) log(l.level, l.message)
  await app.listen({ host: options.host ?? config.data.network.host, port: options.port ?? config.data.network.port })
  const address = app.server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  baseUrl = `http://${shownHost}:${address.port}`
  // The calendar moves and estimates age even when nobody presses anything.
  const timer = setInterval(() => {
    void host
      .tick()
      .then(() => autoDelays.reconcile())
      .then(() => estimates.recompute())
      .catch(logError('the minute timer'))
  }, TICK_MS)
  timer.unref()
  const activity =
    options.demo && options.simulate === true
      ? new DemoActivity(host, () => config.data.branch, demoActivityOptions(config.data.branch, clock))
      : null
  await activity?.start()
  // Shipping to headquarters, when configured: beside the hub, never in a command's way.
  const hq = config.data.hq
  const replication =
    hq === undefined
      ? null
      : await startReplication({
          dataDir: options.dataDir,
          journalDir,
          hq,
          host,
          reportConfig: () => ({
            branch: config.data.branch,
            utcOffsetMinutes: config.data.utcOffsetMinutes,
            staff: config.data.staff.map((s) => ({ id: s.id, name: s.name })),
          }),
          summaries: () => reports.summaries(),
          feedback: () => feedback.all(),
          now: () => clock.now(),
          log,
        })
  return {
    url: baseUrl,
    context: ctx,
    close: async () => {
      await replication?.stop()
      activity?.stop()
      clearInterval(timer)
      await app.close()
      autoDelays.close()
      hardware?.close()
      await supervisor?.close()
      estimates.close()
      await branchEstimator?.close()
      await host.close()
    },
  }
}
