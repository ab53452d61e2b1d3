import type { HubWarningView, WarningParam } from '../../shared/api/health'

/** How many warnings and errors the manager's screen can look back on. */
export const RECENT_WARNINGS = 100

const LEVELS: Readonly<Record<number, HubWarningView['level']>> = { 40: 'warn', 50: 'error', 60: 'fatal' }

/** Fields of every line, or of the request, not facts of what happened. */
const NOT_PARAMS = new Set([
  'level',
  'time',
  'msg',
  'event',
  'reqId',
  'err',
  'req',
  'res',
  'responseTime',
  'pid',
  'hostname',
])

/**
 * The facts logged with a warning, for the manager's screen to word it in its own language: the
 * line's own fields that are texts, numbers, yes/no or lists of texts (already redacted: no PIN or
 * token gets here), and an error's message as `error`.
 *
 * @example
 * warningParams({ level: 40, event: 'speech.noVoice', terminal: 'Lobby', missing: ['en'], msg: '…' })
 * //=> { terminal: 'Lobby', missing: ['en'] }
 */
export function warningParams(record: Readonly<Record<string, unknown>>): Record<string, WarningParam> {
  const params: Record<string, WarningParam> = {}
  for (const [key, v] of Object.entries(record)) {
    if (NOT_PARAMS.has(key)) continue
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))
      params[key] = v
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) params[key] = v as string[]
  }
  const error = (record.err as { message?: unknown } | undefined)?.message
  if (typeof error === 'string' && params.error === undefined) params.error = error
  return params
}

/**
 * The hub's recent warnings and errors, in memory, for the manager's screen: a pino stream
 * (it receives each log line at `warn` and above as JSON) that keeps the last
 * `RECENT_WARNINGS`. Any hub module that logs a warning through the hub's logger shows up
 * here; nothing else has to know about it.
 */
export class WarningRing {
  private readonly items: HubWarningView[] = []
  private nextId = 1

  constructor(private readonly size = RECENT_WARNINGS) {}

  /** The stream side: one serialised pino line. A line that is not JSON is kept as it is. */
  write(line: string): void {
    let record: Record<string, unknown>
    try {
      record = JSON.parse(line) as Record<string, unknown>
    } catch {
      record = { level: 40, msg: line.trim() }
    }
    const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
    this.items.push({
      id: this.nextId++,
      at: typeof record.time === 'number' ? record.time : 0,
      level: LEVELS[typeof record.level === 'number' ? record.level : 40] ?? 'warn',
      event: text(record.event),
      params: warningParams(record),
      message: text(record.msg) ?? text((record.err as { message?: unknown } | undefined)?.message) ?? '',
      reqId: text(record.reqId),
    })
    if (this.items.length > this.size) this.items.splice(0, this.items.length - this.size)
  }

  /** Newest first. */
  recent(): readonly HubWarningView[] {
    return [...this.items].reverse()
  }
}
