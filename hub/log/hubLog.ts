import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { pino, type Logger, type StreamEntry } from 'pino'
import pinoRoll, { type RollingFile } from 'pino-roll'
import type { Clock } from '../clock'
import { WarningRing } from './warningRing'
import { logWarning } from './hubWarning'
import { terminalStream, type TerminalFormat } from './terminalLines'
import { errorText } from '../../shared/util/errorText'

export type HubLogLevel = 'debug' | 'info' | 'warn' | 'error'

/** The hub's logger: Fastify's own pino. Any hub module may log through it (or a child of it). */
export type HubLogger = Logger

export interface HubLogOptions {
  /** The folder of the rotating log files; null writes none. Default: `<data folder>/logs`. */
  readonly dir?: string | null
  /** Default `info`: every command and refusal, every warning; `debug` adds every read. */
  readonly level?: HubLogLevel
  /**
   * Also write the lines at this level and up to stderr, a person's terminal (`npm run hub`,
   * `npm start`; see `terminalLevel`). Default: none.
   */
  readonly stderr?: HubLogLevel
  /**
   * How those lines look there: `readable` (default: a person reads a terminal) or the JSON lines
   * the files hold, for a program reading stderr (`terminalFormat`).
   */
  readonly stderrFormat?: TerminalFormat
}

/**
 * How much of the log a person's terminal shows. By default only warnings and errors, so the
 * hub's start lines and the demo's links stay on screen (one request line per command would
 * push them off within seconds; the files keep every line); `--verbose` adds what the files
 * hold, `--debug` every read too.
 *
 * @example
 * terminalLevel({ verbose: false, debug: false }) //=> 'warn'
 * terminalLevel({ verbose: true, debug: false }) //=> 'info'
 */
export function terminalLevel(flags: { readonly verbose: boolean; readonly debug: boolean }): HubLogLevel {
  return flags.debug ? 'debug' : flags.verbose ? 'info' : 'warn'
}

const LEVELS: readonly HubLogLevel[] = ['debug', 'info', 'warn', 'error']

export interface HubLog {
  readonly logger: HubLogger
  /** The recent warnings and errors, for the manager's screen. */
  readonly warnings: WarningRing
  /** Why the log writes no files (the folder could not be opened), or null: it writes them. */
  readonly fileProblem: string | null
  /**
   * Calls `listener` once if the file stops taking lines while the hub runs (a full disk, a
   * folder that cannot be written when the next file starts): the hub logs on without files,
   * and a person must act. At once if it has.
   */
  whenFileStops(listener: (problem: string, at: number) => void): void
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>
}

/** A new file each day and whenever one reaches this size; this many files are kept. */
export const LOG_FILE_SIZE = '10m'
export const LOG_FILES_KEPT = 14

/**
 * Never written to a log: PINs, bearer tokens, pairing codes, status-link keys, private keys. Log fields use
 * these names for them; request URLs have these query values blanked (`scrubUrl`).
 */
const SECRET_FIELDS = ['pin', 'token', 'pairingCode', 'statusKey', 'privateKey']
const REDACT = ['req.headers.authorization', 'req.headers.cookie', ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`])]
const SECRET_QUERY = new Set(['k', 'token', 'code', 'pin'])

/**
 * A request URL as it may be written down: the values of secret query parameters blanked.
 *
 * @example
 * scrubUrl('/api/v1/tickets/20261124-A001/status?k=Zx9_abc') //=> '/api/v1/tickets/20261124-A001/status?k=[redacted]'
 */
export function scrubUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const name = decodeURIComponentSafe(pair.split('=')[0] ?? '')
      return SECRET_QUERY.has(name) ? `${pair.split('=')[0]}=[redacted]` : pair
    })
  return `${url.slice(0, q)}?${params.join('&')}`
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * The hub's log files beyond the newest `keep`, to delete. pino-roll prunes only when it rolls
 * at midnight, which a PC switched off every evening never reaches; the hub prunes at start too.
 *
 * @example
 * logFilesToPrune(['hub.2026-11-23.1.log', 'hub.2026-11-24.1.log', 'hub.2026-11-24.2.log', 'notes.txt'], 2)
 * //=> ['hub.2026-11-23.1.log']
 */
export function logFilesToPrune(names: readonly string[], keep: number): string[] {
  const logs = names
    .map((name) => ({ name, m: /^hub\.(\d{4}-\d{2}-\d{2})\.(\d+)\.log$/.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.m[1] ?? '').localeCompare(b.m[1] ?? '') || Number(a.m[2]) - Number(b.m[2]))
  return logs.slice(0, Math.max(0, logs.length - keep)).map((x) => x.name)
}

async function pruneLogs(dir: string, keep: number): Promise<void> {
  const names = await readdir(dir).catch(() => [])
  await Promise.all(logFilesToPrune(names, keep).map((n) => rm(join(dir, n), { force: true })))
}

/** Resolves once the log file is open (null) or could not be opened (the error). */
function opening(roll: RollingFile): Promise<Error | null> {
  if (roll.fd >= 0) return Promise.resolve(null)
  return new Promise((resolve) => {
    roll.once('ready', () => resolve(null))
    roll.once('error', resolve)
  })
}

interface RequestLike {
  readonly method: string
  readonly url: string
  readonly ip?: string
}

/**
 * Opens the hub's log: JSON lines at `level` and above to rotating files (pino-roll: a file a
 * day, at most `LOG_FILE_SIZE` each, the newest `LOG_FILES_KEPT` kept) and optionally to
 * stderr, with warnings and errors also kept in memory for the manager. Times are the hub's
 * clock. A log folder that cannot be written does not stop the hub: it says so as a warning
 * (the manager sees it) and logs on without files.
 */
export async function openHubLog(options: HubLogOptions, defaultDir: string, clock: Clock): Promise<HubLog> {
  const level = options.level ?? 'info'
  const warnings = new WarningRing()
  const streams: StreamEntry<HubLogLevel>[] = [{ level: 'warn', stream: warnings }]
  if (options.stderr !== undefined)
    streams.push({
      level: options.stderr,
      stream: terminalStream(options.stderrFormat ?? 'readable', (text) => process.stderr.write(text)),
    })
  // The logger passes on what the most talkative stream takes; each stream keeps to its level.
  const lowest = LEVELS.find((l) => l === level || l === options.stderr) ?? level
  const dir = options.dir === undefined ? defaultDir : options.dir
  if (dir !== null) await pruneLogs(dir, LOG_FILES_KEPT - 1)
  const opened =
    dir === null
      ? { roll: null, problem: null }
      : await pinoRoll({
          file: join(dir, 'hub'),
          extension: '.log',
          frequency: 'daily',
          dateFormat: 'yyyy-MM-dd',
          size: LOG_FILE_SIZE,
          limit: { count: LOG_FILES_KEPT - 1, removeOtherLogFiles: true },
          mkdir: true,
        })
          .then(async (roll) => {
            // The file is opened after pino-roll answers; a folder that cannot be made fails then.
            const failed = await opening(roll)
            if (failed === null) return { roll, problem: null }
            // A file that never opened never closes, and pino-roll stops its daily timer only on
            // 'close': at midnight it would reopen a file it never had and throw, uncaught (a
            // test run that crossed midnight failed so). Closed here, with its errors heard.
            roll.on('error', () => undefined)
            roll.emit('close')
            return { roll: null, problem: failed.message }
          })
          .catch((e: unknown) => ({ roll: null, problem: errorText(e) }))
  const roll = opened.roll
  let ended = false
  let stopped: { problem: string; at: number } | null = null
  const whenStopped: ((problem: string, at: number) => void)[] = []
  if (roll !== null) {
    // A line logged after close (a late timer, a socket closing) or after the file broke is
    // dropped, not thrown.
    streams.push({ level, stream: { write: (line: string) => void (ended || stopped !== null || roll.write(line)) } })
    // A full disk must not take the queue down: the file is given up, and it is said once — on
    // stderr, among the manager's warnings, and to whoever holds it as a standing problem.
    roll.on('error', (e) => {
      if (stopped !== null) return
      stopped = {
        problem: `The hub log stopped writing to ${roll.file} (${e.message}); it logs on without files`,
        at: clock.now(),
      }
      process.stderr.write(`branch-lobby hub log: cannot write ${roll.file}: ${e.message}\n`)
      logWarning(logger, 'error', 'log.fileStopped', { file: roll.file, error: e.message }, stopped.problem)
      for (const l of whenStopped) l(stopped.problem, stopped.at)
    })
  }
  const logger = pino(
    {
      level: lowest,
      base: null,
      timestamp: () => `,"time":${clock.now()}`,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: {
        req: (req: RequestLike) => ({ method: req.method, url: scrubUrl(req.url), remoteAddress: req.ip }),
      },
    },
    pino.multistream(streams),
  )
  const fileProblem =
    opened.problem === null ? null : `The hub log cannot be written to files in ${dir} (${opened.problem})`
  if (opened.problem !== null && fileProblem !== null)
    logWarning(logger, 'warn', 'log.noFile', { dir: String(dir), error: opened.problem }, fileProblem)
  let closed: Promise<void> | null = null
  return {
    logger,
    warnings,
    fileProblem,
    whenFileStops: (listener) => {
      if (stopped !== null) listener(stopped.problem, stopped.at)
      else whenStopped.push(listener)
    },
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        ended = true
        if (roll === null) return resolve()
        roll.once('close', () => resolve())
        // A file that broke while the hub ran may never say it closed: stopping does not wait on it.
        setTimeout(resolve, 2000).unref()
        try {
          roll.end()
        } catch {
          resolve() // already destroyed by a write error
        }
      })),
  }
}
