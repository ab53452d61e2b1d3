import { classAtIssue } from '../shared/domain/branch'
import { getTicket } from '../shared/queue/state'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server as HttpsServer } from 'node:https'
import { hostname, networkInterfaces } from 'node:os'
import { localDate } from '../shared/domain/localTime'
import { FeedbackStore } from './reports/feedbackStore'
import { BookingDesk } from './appointments/bookingDesk'
import { BookingStore } from './appointments/bookingStore'
import { StrandedBookingsWatch } from './appointments/strandedBookingsWatch'
import { learnedHoldSec } from './appointments/learnedHold'
import { dayReportOf, ReportStore } from './reports/reportStore'
import { REPORT_RULES } from '../shared/reports/dailySummary'
import { Simulator, type SimulatorOptions } from './reports/whatIf'
import { buildApp } from './api/app'
import type { HubContext } from './api/context'
import { PairedDevices } from './auth/pairedDevices'
import { SESSIONS_FILE, SessionStore } from './auth/sessionStore'
import { SignInGuard } from './auth/signInGuard'
import { demoBranchFile } from './config/demoBranchFile'
import { loadBranchFile } from './config/loadBranchFile'
import { systemClock, type Clock } from './clock'
import type { WaitEstimator } from './estimation/estimator'
import { LiveEstimates } from './estimation/liveEstimates'
import { SHOWN_FILE, ShownFile } from './estimation/shownFile'
import { QueueHost } from './queue/queueHost'
import { JournalFolder } from './persistence/journal'
import { ensureDurableDir } from './persistence/durableDir'
import type { FileSystem } from './persistence/fileSystem'
import { nodeFileSystem } from './persistence/nodeFileSystem'
import type { PersistenceProblem } from './persistence/persistenceProblem'
import { DeviceSupervisor } from '../hardware/index'
import { NO_LOBBY_DEVICES, type LobbyDevices } from './devices/lobbyDevices'
import { SupervisedLobbyDevices } from './devices/supervisedLobbyDevices'
import { confirmByCard } from './devices/cardReads'
import { createBranchEstimator, type BranchEstimator } from './estimation/branchEstimator'
import { AutoDelays } from './delays/autoDelays'
import { RecentDays } from './estimation/branchKnowledge'
import { DemoActivity, demoActivityOptions } from './demo/demoActivity'
import { doorsOpenAt } from '../shared/demo/demoHours'
import { SpeechBoard, withSpeech } from './devices/speechBoard'
import { openHubLog, scrubUrl, type HubLog, type HubLogOptions } from './log/hubLog'
import { StandingProblems } from './log/standingProblems'
import { CustomerAddressWatch } from './network/customerAddress'
import { followClosedDay } from './reports/closedDay'
import { IssueLedger } from './tickets/issueLedger'
import { StatusLinks } from './tickets/statusLinks'
import { TicketDesk } from './tickets/ticketDesk'
import { startReplication } from './replication/startReplication'
import { HubTls, listenerProtection, plainView, type TlsMode } from './network/tls/hubTls'
import { hubNames } from './network/tls/hubNames'
import { errorText } from '../shared/util/errorText'
import type { HubTask } from '../shared/api/hubWarnings'
import { logWarning, warnThrough } from './log/hubWarning'

// The desktop shell reaches the hub through this file only (eslint/layers.js): how much of the
// log its development run's console shows is the same decision as `npm run hub`'s.
export { terminalLevel, type HubLogLevel } from './log/hubLog'

export interface HubOptions {
  /** Branch configuration, journals and history live here. */
  readonly dataDir: string
  /** The LAN address to listen on; default: the configuration's `network.host`. */
  readonly host?: string
  /** 0 = any free port; default: the configuration's `network.port`. */
  readonly port?: number
  /** HTTPS or plain HTTP (`network/tls/hubTls.ts`); default: the configuration's `network.tls`, else `auto`. */
  readonly tls?: TlsMode
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
  /** The hub log (`log/hubLog.ts`); default: `info` and up to files under `<dataDir>/logs`, not to stderr. */
  readonly log?: HubLogOptions
  /** Sign-in and pairing attempts per client address per minute (default 20). */
  readonly authAttemptsPerMinute?: number
  /** How often the live channel pings terminals and re-checks their tokens (default 15 s). */
  readonly liveHeartbeatMs?: number
  /** Where the data folder is kept: the operating system's (default), or a test's. */
  readonly fileSystem?: FileSystem
  /**
   * Told of every damaged file the hub repaired (a journal's last line moved to a side file),
   * besides the log: the place for the manager's warnings.
   */
  readonly onPersistenceProblem?: (problem: PersistenceProblem) => void
  /** The what-if simulator's thread and time limit (tests start one that misbehaves); default: the simulation worker, 60 s. */
  readonly simulator?: Pick<SimulatorOptions, 'worker' | 'limitMs'>
}

export interface RunningHub {
  /** `https://…` when the listener has TLS, else `http://…`. */
  readonly url: string
  /** The CA certificate (PEM) the hub's certificate chains to, and its fingerprint; null without TLS. */
  readonly ca: { readonly certificate: string; readonly fingerprint: string } | null
  readonly context: HubContext
  /** Stops the hub; `reason` (a signal's name, "tests") goes into its log's `hub.stopped` line. */
  close(reason?: string): Promise<void>
}

const TICK_MS = 30_000
/** How soon after the doors open or shut every screen hears what a newcomer is told now. */
const DOORS_CHECK_MS = 1_000

/**
 * Starts the branch hub: loads and validates the configuration (refusing to start on a broken
 * one), replays today's journal, and serves the API, the live channel and the renderer.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const clock = options.clock ?? systemClock
  const fs = options.fileSystem ?? nodeFileSystem
  // The folder's own name must be durable too, or a power cut can take it with all inside.
  await ensureDurableDir(fs, options.dataDir)
  const hubLog = await openHubLog(options.log ?? {}, join(options.dataDir, 'logs'), clock)
  const logger = hubLog.logger
  try {
    return await start(options, clock, fs, hubLog)
  } catch (e) {
    logWarning(logger, 'fatal', 'hub.notStarted', { error: errorText(e), err: e }, 'The hub could not start')
    await hubLog.close()
    throw e
  }
}

async function start(options: HubOptions, clock: Clock, fs: FileSystem, hubLog: HubLog): Promise<RunningHub> {
  const logger = hubLog.logger
  const warn = warnThrough(logger)
  const config = await loadBranchFile(
    fs,
    join(options.dataDir, 'branch.json'),
    options.demo ? () => demoBranchFile(options.host, options.port) : null,
    logger,
  )
  const paired = await PairedDevices.open(fs, join(options.dataDir, 'security.json'), logger)
  const sessions = await SessionStore.open(
    fs,
    join(options.dataDir, SESSIONS_FILE),
    clock.now(),
    logger,
    (staffId) => config.data.staff.find((s) => s.id === staffId),
    (counterId) => config.data.branch.counters.some((c) => c.id === counterId),
  )
  const feedback = await FeedbackStore.open(fs, join(options.dataDir, 'feedback.json'), logger)
  const bookingStore = await BookingStore.open(fs, join(options.dataDir, 'appointments.json'), logger)
  // A damaged journal end is kept in a side file and said out loud: the manager sees it.
  const journals = new JournalFolder(fs, join(options.dataDir, 'journal'), (problem) => {
    const level = problem.kind === 'tornJournalLine' ? 'warn' : 'error'
    const facts = { file: problem.file, offset: problem.offset, keptIn: problem.keptIn }
    logWarning(logger, level, `journal.${problem.kind}`, facts, problem.message)
    options.onPersistenceProblem?.(problem)
  })
  const reports = await ReportStore.open(fs, join(options.dataDir, 'history.json'), journals, logger)
  const utcOffset = () => config.data.utcOffsetMinutes
  // Learning reads four weeks of journals: the log says when it happens, and for which day.
  const recentDays = new RecentDays(
    journals,
    utcOffset,
    () => config.data.calendar,
    (date, days) =>
      logger.info({ event: 'knowledge.learned', date, days }, `Learned from ${days} recent days for ${date}`),
  )
  const branchEstimator =
    options.estimator === undefined
      ? createBranchEstimator(
          () => config.data.branch,
          () => recentDays.current,
          () => config.data.calendar,
          (message) => logWarning(logger, 'error', 'estimation.thread', {}, message),
        )
      : null
  const estimator: WaitEstimator = options.estimator ?? (branchEstimator as BranchEstimator)
  const ledger = new IssueLedger()
  const bookings = new BookingDesk({
    store: bookingStore,
    policy: () => config.data.appointments ?? null,
    branch: () => config.data.branch,
    calendar: () => config.data.calendar,
    utcOffsetMinutes: utcOffset,
    now: () => clock.now(),
    usual: () => recentDays.current.usual,
    learnedHoldSec: learnedHoldSec(
      () => config.data.branch,
      () => recentDays.current,
    ),
    ticketStatus: (ticketId) => getTicket(host.current, ticketId)?.status,
    lastClosedDay: () => host.current.lastClosedDay,
  })
  const host = await QueueHost.open({
    journals,
    branch: () => config.data.branch,
    calendar: () => config.data.calendar,
    utcOffsetMinutes: config.data.utcOffsetMinutes,
    clock,
    onRecord: (record) => ledger.record(record),
    onError: (message) => logWarning(logger, 'error', 'queue.afterCommit', {}, message),
    onDayClosed: async (date, events) => {
      // A close's bookings first: the customers' pages must stop saying "pending check-in" at once.
      const closedAt = events.at(-1)?.at ?? clock.now()
      await bookings.closeDay(date, closedAt)
      await followClosedDay({ config: () => config.data, reports, feedback, journals, recentDays, clock }, date, events)
    },
    // A close learns for the next date; a branch closed over the weekend opens on Monday with
    // Saturday's usual day, so an opening of another date learns again, for its own kind of day.
    onDayOpened: (date) => (recentDays.learnedFor === date ? Promise.resolve() : recentDays.learnFor(date)),
  })
  await host.tick()
  // What the recent days teach, learned before the first estimate: for the day that is open, or,
  // with none open (a hub started after today's close, or before the opening), for the next one —
  // today's close is history for it. A first tick that opened today has learned for it already
  // (`onDayOpened`, the opening of a date not learned for): four weeks of journals are read once.
  const dayAhead = host.current.day ?? localDate(clock.now() + 86_400_000, utcOffset())
  if (recentDays.learnedFor !== dayAhead) await recentDays.learnFor(dayAhead)
  // Closed days without a summary (the hub was stopped at close, or upgraded) are summarised now.
  await reports.backfill(dayAhead, (events) => dayReportOf(events, config.data, [], null))
  // Closed days summarised under older report rules are computed again from their journals.
  const refreshed = await reports.refresh((events) => dayReportOf(events, config.data, [], null))
  if (refreshed.recomputed.length > 0)
    logger.info(
      { event: 'reports.recomputed', dates: refreshed.recomputed, rules: REPORT_RULES },
      `Day summaries computed again under report rules ${REPORT_RULES}: ${refreshed.recomputed.join(', ')}`,
    )
  // One line per reason: a year of days whose journals were pruned is one line, not 300.
  for (const why of new Set(refreshed.kept.map((k) => k.why))) {
    const dates = refreshed.kept.filter((k) => k.why === why).map((k) => k.date)
    const span = dates.length === 1 ? (dates[0] as string) : `${dates[0]} – ${dates.at(-1)} (${dates.length})`
    logWarning(
      logger,
      'warn',
      'reports.keptOldRules',
      { span, dates, rules: REPORT_RULES, why },
      `Day summaries kept under older report rules than this version's (${REPORT_RULES}) for ${span}: ${why}`,
    )
  }
  const logError = (task: HubTask, what: string) => (e: unknown) =>
    logWarning(logger, 'error', 'hub.task', { task, err: e }, `${what}: ${errorText(e)}`)
  // What the waiting customers were shown before a restart today: they are held to it.
  const shownFile = await ShownFile.open(fs, join(options.dataDir, SHOWN_FILE), host.current.day, logger)
  const estimates = new LiveEstimates(
    host,
    estimator,
    clock,
    {
      branch: () => config.data.branch,
      calendar: () => config.data.calendar,
      utcOffsetMinutes: utcOffset,
      usual: () => recentDays.current.usual,
    },
    logError('estimating', 'estimating waits'),
    shownFile,
  )
  // The first estimate must not stop the hub: one that fails is logged, and one more is made (a
  // thread that failed it — crashed, hung, broke its protocol — is ended, and this one runs inline).
  await estimates.recompute().catch(async (e: unknown) => {
    logError('estimating', 'estimating waits')(e)
    await estimates.recompute().catch(logError('estimating', 'estimating waits'))
  })
  const autoDelays = new AutoDelays({
    host,
    branch: () => config.data.branch,
    clock,
    usual: () => recentDays.current.usual,
    utcOffsetMinutes: utcOffset,
    model: (state) => branchEstimator?.model(state) ?? null,
    onError: logError('delays', 'explaining delays'),
  })
  await autoDelays.reconcile()
  // Every non-loopback listener speaks TLS, unless the branch opted out (loudly).
  const listenHost = options.host ?? config.data.network.host
  const protection = listenerProtection(options.tls ?? config.data.network.tls ?? 'auto', listenHost)
  const names = () =>
    hubNames({
      hostname: hostname(),
      interfaces: networkInterfaces(),
      host: listenHost,
      publicUrl: config.data.network.publicUrl,
    })
  const tls =
    protection === 'tls'
      ? await HubTls.open({
          fs: journals.fs,
          dataDir: options.dataDir,
          bankCertificate: config.data.network.certificate,
          branchName: config.data.branch.name.en,
          now: () => clock.now(),
          names,
          log: logger,
        })
      : null
  if (protection === 'plainLan')
    logWarning(
      logger,
      'warn',
      'tls.off',
      { host: listenHost },
      'Plain HTTP on the branch network (network.tls is "off"): PINs, tokens and tickets cross the LAN unencrypted. For a lab only',
    )
  // Where phones reach the hub, known once it listens; the QR codes on tickets need it.
  const address = new CustomerAddressWatch(logger)
  const links = new StatusLinks((ticketId) => paired.statusKey(ticketId), address)
  const supervisor =
    options.devices === undefined && config.data.devices.length > 0 ? new DeviceSupervisor(config.data.devices) : null
  const hardware =
    supervisor === null
      ? null
      : new SupervisedLobbyDevices({
          supervisor,
          host,
          branch: () => config.data.branch,
          clock,
          utcOffsetMinutes: utcOffset,
          log: (_level, message) => logger.info({ event: 'device' }, message),
          warn,
        })
  const speech = new SpeechBoard()
  paired.onRevoke((deviceId) => speech.forget(deviceId))
  const devices = withSpeech(options.devices ?? hardware ?? NO_LOBBY_DEVICES, speech)
  // What the kiosk menu shows for a service and class: what a tap is told, and journaled with it.
  // A class only claimed at issue waits as ordinary until confirmed: the tap is told that wait.
  const menu = (serviceId: string, priorityClassId: string | null) => {
    const key = classAtIssue(config.data.branch, priorityClassId) ?? 'ordinary'
    const latest = estimates.current()
    return {
      estimate: latest?.newTicket[serviceId]?.[key] ?? null,
      shown: latest?.shown.newTicket[serviceId]?.[key] ?? null,
    }
  }
  const desk = new TicketDesk({
    ledger,
    menuUpToDate: () => estimates.forNewcomer(),
    menuFigureUpToDate: () => estimates.forNewcomerWithoutFigure(),
    facts: {
      branch: () => config.data.branch,
      now: () => clock.now(),
      shownFor: (ticketId) => estimates.shownFor(ticketId),
      menuShown: (serviceId, priorityClassId) => menu(serviceId, priorityClassId).shown,
      noWaitEstimated: (ticketId) => estimates.includes(ticketId) === false,
      closingFor: (ticket) => estimates.closingFor(ticket),
      holdFor: (state, ticket) => estimates.holdFor(state, ticket),
      links,
    },
    menuEstimate: (serviceId, priorityClassId) => menu(serviceId, priorityClassId).estimate,
    menuPredictorsSaid: (serviceId, priorityClassId) => estimator.predictorsSaid?.(serviceId, priorityClassId),
    quote: (ticket) => estimates.quote(ticket),
    print: (facts) => devices.printTicket(facts),
  })
  // A card read at a kiosk's reader confirms the class its customer asked for there.
  supervisor?.on('card', (read) => {
    void confirmByCard(
      {
        host,
        branch: () => config.data.branch,
        now: () => clock.now(),
        log: (_level, message) => logger.info({ event: 'device' }, message),
        warn,
      },
      read,
    ).catch((e: unknown) =>
      logWarning(logger, 'error', 'cardRead.failed', { err: e }, 'a card read could not be handled'),
    )
  })
  // The hub's own simulator: a breach of its thread's protocol is said in this hub's log.
  const simulator = new Simulator({
    ...options.simulator,
    onProblem: (message) => logWarning(logger, 'error', 'whatIf.thread', {}, message),
  })
  // What did not start stays on the manager's screen while it stands, not only in the log.
  const standing = new StandingProblems()
  if (hubLog.fileProblem !== null) standing.set('logNoFile', hubLog.fileProblem, clock.now())
  hubLog.whenFileStops((problem, at) => standing.set('logStopped', problem, at))
  // Bookings the calendar now closes (a holiday entered since they were made): the manager must
  // tell their customers, so they stand on the screen, not only in the log.
  // Its failure is logged and shown, and stops neither a booking's write nor the timer's other work.
  const stranded = new StrandedBookingsWatch({ desk: bookings, standing, warn, now: () => clock.now() })
  const checkStranded = (): void => {
    try {
      stranded.check()
    } catch (e) {
      logError('bookings', 'checking bookings against the calendar')(e)
    }
  }
  checkStranded()
  bookingStore.onChange(checkStranded)
  const ctx: HubContext = {
    host,
    config,
    learnFromRecentDays: () =>
      recentDays.learnFor(host.current.day ?? localDate(clock.now() + 86_400_000, utcOffset())),
    branch: () => config.data.branch,
    sessions,
    paired,
    guard: new SignInGuard(),
    clock,
    estimates,
    devices,
    links,
    desk,
    customerAddress: () => address.current(),
    tls: () => tls?.view(protection) ?? plainView(protection),
    reports,
    feedback,
    simulator,
    usualDay: () => recentDays.current.usual,
    bookingStore,
    bookings,
    log: logger,
    warnings: hubLog.warnings,
    standing,
    speech,
  }
  const app = await buildApp(ctx, {
    rendererDir: options.rendererDir,
    logger,
    authAttemptsPerMinute: options.authAttemptsPerMinute ?? 20,
    ...(options.liveHeartbeatMs === undefined ? {} : { liveHeartbeatMs: options.liveHeartbeatMs }),
    tls:
      tls === null
        ? null
        : {
            served: tls.served,
            hostNames: () => {
              const n = names()
              return new Set([...n.dns, ...n.ips])
            },
            onPlainRequest: (method, url, redirected) =>
              logger.info(
                { event: 'tls.plainRequest', method, url: scrubUrl(url), redirected },
                redirected ? 'A plain HTTP page request was sent to HTTPS' : 'A plain HTTP request was refused',
              ),
            caCertificate: () => tls.caCertificate,
          },
  })
  await app.listen({ host: listenHost, port: options.port ?? config.data.network.port })
  // A renewed certificate is served from the next connection on; open ones keep theirs.
  tls?.onChange((served) => (app.server as unknown as HttpsServer).setSecureContext(served))
  const listening = app.server.address() as AddressInfo
  const shownHost = listening.family === 'IPv6' ? `[${listening.address}]` : listening.address
  const baseUrl = `${tls === null ? 'http' : 'https'}://${shownHost}:${listening.port}`
  // Checked again every minute: a LAN address may come late at boot.
  const followAddress = (): void =>
    address.follow({
      publicUrl: config.data.network.publicUrl,
      host: listenHost,
      port: listening.port,
      scheme: tls === null ? 'http' : 'https',
      interfaces: networkInterfaces(),
    })
  followAddress()
  logger.info({ event: 'hub.started', url: baseUrl, dataDir: options.dataDir }, `Hub listening at ${baseUrl}`)
  // The calendar moves and estimates age even when nobody presses anything.
  const timer = setInterval(() => {
    void host
      .tick()
      .then(checkStranded)
      .then(() => autoDelays.reconcile())
      .then(() => estimates.recompute())
      .then(followAddress)
      .then(() => tls?.refresh())
      .catch(logError('minuteTimer', 'the minute timer'))
  }, TICK_MS)
  timer.unref()
  // The doors' opening and closing change what a newcomer is told with no event: re-estimated
  // within a second of them, on the hub's clock, not at the next minute tick.
  estimates.doorsTurned()
  const doorsTimer = setInterval(() => estimates.doorsTurned(), DOORS_CHECK_MS)
  doorsTimer.unref()
  const activity =
    options.demo && options.simulate === true
      ? new DemoActivity(
          host,
          desk,
          () => config.data.branch,
          demoActivityOptions(config.data.branch, clock),
          () => doorsOpenAt(config.data.calendar, clock.now(), config.data.utcOffsetMinutes),
        )
      : null
  await activity?.start()
  // Shipping to headquarters, when configured: beside the hub, never in a command's way.
  const hq = config.data.hq
  const replication =
    hq === undefined
      ? null
      : await startReplication({
          dataDir: options.dataDir,
          journals,
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
          log: (_level, message) => logger.info({ event: 'replication' }, message),
          warn,
          onNotStarted: (message) => {
            logWarning(logger, 'error', 'replication.notStarted', {}, message)
            standing.set('replicationNotStarted', message, clock.now())
          },
          // An HQ older than this branch is a refusal of its own: HQ must be upgraded, not the token checked.
          onRefused: (refusal, code) => {
            const what = code === 'hqOutdated' ? 'replicationHqOutdated' : 'replicationRefused'
            if (refusal === null) {
              standing.clear('replicationRefused')
              standing.clear('replicationHqOutdated')
            } else standing.set(what, refusal, clock.now())
          },
          onUnreachable: (message) =>
            message === null
              ? standing.clear('replicationUnreachable')
              : standing.set('replicationUnreachable', message, clock.now()),
          onDiverged: (message) => {
            logWarning(logger, 'error', 'replication.diverged', {}, message)
            standing.set('replicationDiverged', message, clock.now())
          },
          journalDays: config.data.retention.journalDays,
        })
  let stopping: Promise<void> | null = null
  const stop = async (reason: string | undefined): Promise<void> => {
    logger.info({ event: 'hub.stopping', reason }, 'Hub stopping')
    await replication?.stop()
    activity?.stop()
    clearInterval(timer)
    clearInterval(doorsTimer)
    await app.close()
    autoDelays.close()
    hardware?.close()
    await supervisor?.close()
    estimates.close()
    await shownFile.close()
    await branchEstimator?.close()
    await simulator.stop()
    await host.close()
    await sessions.close()
    logger.info({ event: 'hub.stopped', reason }, 'Hub stopped')
    await hubLog.close()
  }
  return {
    url: baseUrl,
    ca: tls === null ? null : { certificate: tls.caCertificate, fingerprint: tls.caFingerprint },
    context: ctx,
    // Stopping twice stops once (a test restarting a hub it already stopped, a second signal).
    close: (reason?: string) => (stopping ??= stop(reason)),
  }
}
