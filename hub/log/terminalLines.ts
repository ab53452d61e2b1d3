import type { DestinationStream } from 'pino'

/**
 * What a person's terminal shows of the hub log: `readable` lines (`npm start`, `npm run hub` in
 * a terminal), or the log's own JSON lines for a machine reading the stream (a service manager,
 * a pipe). The log files always hold the JSON lines.
 */
export type TerminalFormat = 'readable' | 'json'

const FORMATS: readonly TerminalFormat[] = ['readable', 'json']

/**
 * The terminal's format: as asked (`--log-format`), else readable when a person watches
 * (stderr is a terminal) and JSON when a program reads it. Undefined for an unknown word, which
 * the caller refuses.
 *
 * @example
 * terminalFormat(undefined, true) //=> 'readable'
 * terminalFormat(undefined, false) //=> 'json'
 * terminalFormat('json', true) //=> 'json'
 */
export function terminalFormat(asked: string | undefined, isTTY: boolean): TerminalFormat | undefined {
  if (asked === undefined) return isTTY ? 'readable' : 'json'
  return FORMATS.find((f) => f === asked)
}

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
}

/**
 * One hub log line (pino's JSON) as a person reads it: the time on this PC's clock, the level,
 * the words, the error's message, and the event's stable name to find it in the files. A
 * request line says what was asked and answered. A line that is not JSON is passed on as it is.
 *
 * @example
 * readableLine('{"level":40,"time":0,"event":"customerAddress.unreachable","msg":"Phones cannot reach this hub"}')
 * //=> '08:00:00 WARN  Phones cannot reach this hub  [customerAddress.unreachable]' (on a PC in UTC+8)
 */
export function readableLine(json: string): string {
  let r: Record<string, unknown>
  try {
    r = JSON.parse(json) as Record<string, unknown>
  } catch {
    return json.trimEnd()
  }
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
  const time = typeof r.time === 'number' ? clockOf(r.time) : '--:--:--'
  const level = (LEVEL_NAMES[typeof r.level === 'number' ? r.level : 30] ?? 'INFO').padEnd(5)
  const req = r.req as { method?: unknown; url?: unknown } | undefined
  const res = r.res as { statusCode?: unknown } | undefined
  const request =
    req === undefined
      ? null
      : `${String(req.method ?? '')} ${String(req.url ?? '')}${
          res?.statusCode === undefined ? '' : ` → ${String(res.statusCode)}`
        }${typeof r.responseTime === 'number' ? ` (${Math.round(r.responseTime)} ms)` : ''}`
  const msg = text(r.msg) ?? ''
  const error = text((r.err as { message?: unknown } | undefined)?.message)
  const parts = [
    request === null ? msg : `${msg}: ${request}`,
    error !== null && !msg.includes(error) ? `(${error})` : null,
    text(r.event) === null ? null : ` [${String(r.event)}]`,
  ]
  return `${time} ${level} ${parts.filter((p) => p !== null && p !== '').join(' ')}`
}

/** "09:05:07" on this PC's clock (a person at it reads their own time). */
function clockOf(ms: number): string {
  const d = new Date(ms)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
}

/** The terminal side of the hub log: each JSON line written readable, or as it is. */
export function terminalStream(format: TerminalFormat, write: (text: string) => void): DestinationStream {
  return { write: (line: string) => write(format === 'json' ? line : `${readableLine(line)}\n`) }
}
