import { appendFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

export type LogLevel = 'info' | 'warn' | 'error'

export interface TerminalLog {
  info(event: string, fields?: Readonly<Record<string, unknown>>): void
  warn(event: string, fields?: Readonly<Record<string, unknown>>): void
  error(event: string, fields?: Readonly<Record<string, unknown>>): void
}

/** Days of logs kept on the PC: enough to look back over a fortnight's incidents. */
export const KEEP_LOG_DAYS = 14

/**
 * One log record as a JSON line: time, level, event name and its fields. Errors become their
 * message and stack, which JSON would otherwise drop.
 *
 * @example
 * logLine(0, 'warn', 'window.crashed', { window: 'kiosk' })
 * //=> '{"at":"1970-01-01T00:00:00.000Z","level":"warn","event":"window.crashed","window":"kiosk"}'
 */
export function logLine(
  now: number,
  level: LogLevel,
  event: string,
  fields: Readonly<Record<string, unknown>>,
): string {
  const plain = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
  )
  return JSON.stringify({ at: new Date(now).toISOString(), level, event, ...plain })
}

/**
 * One log record as a developer's terminal shows it (the desktop app of `npm start`): this PC's
 * time, the level, the event and its fields as `name=value` (an error by its message). The file
 * keeps the JSON line (`logLine`); raw JSON among the start lines only confused people.
 *
 * @example
 * echoText(Date.UTC(2025, 0, 31, 8), 'warn', 'window.crashed', { window: 'kiosk', reason: 'oom kill' })
 * //=> '08:00:00 WARN  window.crashed window=kiosk reason="oom kill"' (on a PC in UTC)
 */
export function echoText(
  now: number,
  level: LogLevel,
  event: string,
  fields: Readonly<Record<string, unknown>>,
): string {
  const d = new Date(now)
  const two = (n: number): string => String(n).padStart(2, '0')
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  const value = (v: unknown): string => {
    const plain = v instanceof Error ? v.message : v
    if (typeof plain === 'string') return /^[^\s"=]+$/.test(plain) ? plain : JSON.stringify(plain)
    return JSON.stringify(plain) ?? String(plain)
  }
  const pairs = Object.entries(fields).map(([k, v]) => `${k}=${value(v)}`)
  return [`${time} ${level.toUpperCase().padEnd(5)}`, event, ...pairs].join(' ')
}

/**
 * The day's log file: one per UTC day, so old days can be deleted by name.
 *
 * @example
 * logFileName(Date.UTC(2025, 0, 31, 12)) //=> 'terminal-2025-01-31.log'
 */
export function logFileName(now: number): string {
  return `terminal-${new Date(now).toISOString().slice(0, 10)}.log`
}

/**
 * The log files older than `keepDays` days, to delete.
 *
 * @example
 * logFilesToPrune(['terminal-2025-01-01.log', 'terminal-2025-01-31.log', 'notes.txt'], Date.UTC(2025, 0, 31), 14)
 * //=> ['terminal-2025-01-01.log']
 */
export function logFilesToPrune(names: readonly string[], now: number, keepDays: number): readonly string[] {
  const oldest = logFileName(now - keepDays * 86_400_000)
  return names.filter((n) => /^terminal-\d{4}-\d{2}-\d{2}\.log$/.test(n) && n < oldest)
}

/**
 * A log that appends JSON lines to the day's file in `dir` (and echoes readable lines to the console in
 * development). Writing is synchronous: the lines that matter most are written just before a
 * crash or a quit. A failing disk never takes the terminal down; the line goes to stderr.
 */
export function openTerminalLog(dir: string, clock: () => number, echo: boolean): TerminalLog {
  try {
    mkdirSync(dir, { recursive: true })
    for (const name of logFilesToPrune(readdirSync(dir), clock(), KEEP_LOG_DAYS)) rmSync(join(dir, name))
  } catch (error) {
    console.error('terminal log: cannot prepare', dir, error)
  }
  const write = (level: LogLevel, event: string, fields: Readonly<Record<string, unknown>> = {}): void => {
    const now = clock()
    const line = logLine(now, level, event, fields)
    if (echo) console.log(echoText(now, level, event, fields))
    try {
      appendFileSync(join(dir, logFileName(now)), `${line}\n`)
    } catch {
      console.error(line)
    }
  }
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  }
}
