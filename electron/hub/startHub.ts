import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { localDate } from '../../shared/domain/localDate'
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
  readonly estimator: WaitEstimator
  readonly devices?: LobbyDevices
  readonly logger?: boolean
  /** Sign-in and pairing attempts per client address per minute (default 20). */
  readonly authAttemptsPerMinute?: number
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
  const journalDir = join(options.dataDir, 'journal')
  const warnings: string[] = []
  const host = await QueueHost.open({
    journalDir,
    branch: () => config.data.branch,
    utcOffsetMinutes: config.data.utcOffsetMinutes,
    clock,
    estimator: options.estimator,
    onTornJournal: (file, bytes) =>
      warnings.push(`${file}: a torn last line (${bytes} bytes, a write cut short) was removed`),
    onDayClosed: async () => {
      const keepFrom = localDate(
        clock.now() - config.data.retention.journalDays * 86_400_000,
        config.data.utcOffsetMinutes,
      )
      await Journal.prune(journalDir, keepFrom)
    },
  })
  await host.tick()
  const estimates = new LiveEstimates(host, options.estimator, clock, () => config.data.branch)
  const ctx: HubContext = {
    host,
    config,
    branch: () => config.data.branch,
    sessions: new SessionStore(),
    paired,
    guard: new SignInGuard(),
    clock,
    estimates,
    devices: options.devices ?? NO_DEVICES,
    statusKey: (ticketId) => paired.statusKey(ticketId),
  }
  const app = await buildApp(ctx, {
    rendererDir: options.rendererDir,
    logger: options.logger ?? false,
    authAttemptsPerMinute: options.authAttemptsPerMinute ?? 20,
  })
  for (const w of warnings) app.log.warn(w)
  await app.listen({ host: options.host ?? config.data.network.host, port: options.port ?? config.data.network.port })
  const address = app.server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  // The calendar moves and estimates age even when nobody presses anything.
  const timer = setInterval(() => {
    void host.tick().then(() => estimates.recompute())
  }, TICK_MS)
  timer.unref()
  return {
    url: `http://${shownHost}:${address.port}`,
    context: ctx,
    close: async () => {
      clearInterval(timer)
      await app.close()
      estimates.close()
      await host.close()
    },
  }
}
