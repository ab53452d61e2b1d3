import { CardLineFramer, maskCardToken, parseCardLine, type LineRejection } from '../cardReader/cardLines'
import type { ResolvedDevice } from '../config/resolvedDevice'
import type { DeviceProblem } from './deviceProblem'
import type { CardRead, DeviceLogLine } from '../supervisor/supervisorEvents'

export interface CardReaderHooks {
  readonly card: (read: CardRead) => void
  /** The reader's own problem: a read thrown away (`badRead`), or null again after a good read. */
  readonly problem: (problem: DeviceProblem | null) => void
  readonly log: DeviceLogLine
  readonly now: () => number
}

const WHY: Readonly<Record<LineRejection['reason'], string>> = {
  tooLong: 'without a line end: longer than the reader’s maxLength, thrown away',
  cutOff: 'and then nothing: the read was cut off (a half swipe?), thrown away',
}

const NOT_A_CARD = {
  notPrintable: 'contains bytes that are not printable text (noise on the line, or a wrong baud rate)',
  badSwipe: 'is the reader’s own read error: the card could not be read, swipe again',
  notCardData: 'is neither magnetic-stripe track data nor an ID number',
} as const

/**
 * One serial card or ID reader: lines in, card reads out. What is not a card read (noise, an
 * over-long or cut-off line, the reader's own error) is thrown away and shown as the reader's
 * problem until the next good read; a card number never reaches a log unmasked. The same card
 * read twice within the reader's debounce time (track 1 and track 2 sent as two lines) counts
 * once. Nothing here throws.
 */
export class CardReaderInput {
  private readonly framer: CardLineFramer
  private timer: ReturnType<typeof setTimeout> | null = null
  private last: { token: string; at: number } | null = null

  constructor(
    private readonly device: ResolvedDevice,
    private readonly hooks: CardReaderHooks,
  ) {
    if (device.protocol.dialect !== 'cardLine') throw new Error(`${device.id} is not a line card reader`)
    this.framer = new CardLineFramer(device.protocol.lines)
  }

  receive(bytes: Uint8Array): void {
    const { lines, rejected } = this.framer.push(bytes, this.hooks.now())
    for (const r of rejected) this.reject(`${r.bytes} byte(s) ${WHY[r.reason]}`)
    for (const line of lines) this.line(line)
    this.arm()
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  /** A partial line is thrown away once its bytes stop arriving, not only when the next read comes. */
  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (!this.framer.pending || this.device.protocol.dialect !== 'cardLine') return
    this.timer = setTimeout(() => {
      this.timer = null
      for (const r of this.framer.expire(this.hooks.now()).rejected) this.reject(`${r.bytes} byte(s) ${WHY[r.reason]}`)
    }, this.device.protocol.lines.timeoutMs + 10)
  }

  private line(line: string): void {
    const parsed = parseCardLine(line)
    if (!parsed.ok) return this.reject(`a line of ${line.length} character(s) ${NOT_A_CARD[parsed.reason]}`)
    const at = this.hooks.now()
    const masked = maskCardToken(parsed.token)
    const repeat = this.last !== null && this.last.token === parsed.token && at - this.last.at < this.device.debounceMs
    this.last = { token: parsed.token, at }
    this.hooks.problem(null)
    if (repeat) return
    this.hooks.log('info', this.device.id, `card read: ${masked} (${parsed.kind})`)
    this.hooks.card({
      deviceId: this.device.id,
      kiosk: this.device.kiosk,
      token: parsed.token,
      masked,
      kind: parsed.kind,
      at,
    })
  }

  private reject(detail: string): void {
    this.hooks.log('warn', this.device.id, `unreadable card data: ${detail}`, 'cardReader.unreadable')
    this.hooks.problem({ code: 'badRead', detail: `unreadable card data: ${detail}` })
  }
}
