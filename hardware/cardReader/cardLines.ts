/**
 * The line protocol of serial card and ID readers: each swipe or scan arrives as one line of
 * printable ASCII ended by CR, LF or CR LF — magnetic-stripe track data (`%B…^…?` track 1,
 * `;…=…?` track 2) or a bare number (an ID card's 18 characters, a contactless card's UID).
 * Pure: bytes and a clock in, lines and rejections out; the driver owns the timer.
 */

/** What ends a line: CR, LF, the pair CR LF, or either (`any`, the default; CR LF counts once). */
export const CARD_LINE_TERMINATORS = ['any', 'cr', 'lf', 'crlf'] as const
export type CardLineTerminator = (typeof CARD_LINE_TERMINATORS)[number]

export interface CardLineOptions {
  readonly terminator: CardLineTerminator
  /** Longest line taken; a longer run of bytes without a line end is thrown away. */
  readonly maxLength: number
  /** A line whose bytes stop arriving for this long before its end was cut off (a half swipe). */
  readonly timeoutMs: number
}

export const DEFAULT_CARD_LINE_OPTIONS: CardLineOptions = { terminator: 'any', maxLength: 256, timeoutMs: 500 }

/** A line thrown away, and why (never with its content: it may be a card number). */
export interface LineRejection {
  readonly bytes: number
  readonly reason: 'tooLong' | 'cutOff'
}

export interface LinesOut {
  readonly lines: readonly string[]
  readonly rejected: readonly LineRejection[]
}

const CR = 0x0d
const LF = 0x0a

/**
 * Splits a byte stream into lines. Bytes split or merged across reads are put together; a line
 * longer than `maxLength` is thrown away up to its end; a partial line older than `timeoutMs`
 * is thrown away when the next byte arrives (or when `expire` is called). Memory is bounded by
 * `maxLength`. Lines are returned as Latin-1 text and checked by `parseCardLine`.
 *
 * @example
 * const f = new CardLineFramer(DEFAULT_CARD_LINE_OPTIONS)
 * f.push(Uint8Array.of(0x31, 0x32), 0).lines //=> []
 * f.push(Uint8Array.of(0x33, 0x0d, 0x0a), 10).lines //=> ['123']
 */
export class CardLineFramer {
  private line: number[] = []
  /** Bytes of an over-long line thrown away so far; -1 while the line is being kept. */
  private dropping = -1
  private lastByteAt = 0
  private lastWasCr = false

  constructor(private readonly options: CardLineOptions) {}

  /** Whether part of a line is waiting for its end. */
  get pending(): boolean {
    return this.line.length > 0 || this.dropping > 0
  }

  push(bytes: Uint8Array, now: number): LinesOut {
    const lines: string[] = []
    const rejected: LineRejection[] = [...this.expire(now).rejected]
    this.lastByteAt = now
    for (const b of bytes) {
      const wasCr = this.lastWasCr
      this.lastWasCr = b === CR
      if (this.ends(b, wasCr)) {
        this.finish(lines, rejected)
        continue
      }
      if (this.options.terminator === 'crlf' && wasCr) this.keep(CR)
      if (this.options.terminator === 'crlf' && b === CR) continue
      // With `any`, the LF of a CR LF (or a blank line) ends nothing new.
      if (this.options.terminator === 'any' && (b === CR || b === LF)) continue
      this.keep(b)
      if (this.dropping === -1 && this.line.length > this.options.maxLength) {
        this.dropping = this.line.length
        this.line = []
      }
    }
    return { lines, rejected }
  }

  /** Throws away a partial line whose bytes stopped arriving more than `timeoutMs` ago. */
  expire(now: number): LinesOut {
    if (!this.pending || now - this.lastByteAt < this.options.timeoutMs) return { lines: [], rejected: [] }
    const rejection: LineRejection =
      this.dropping > 0 ? { bytes: this.dropping, reason: 'tooLong' } : { bytes: this.line.length, reason: 'cutOff' }
    this.reset()
    return { lines: [], rejected: [rejection] }
  }

  private ends(b: number, wasCr: boolean): boolean {
    switch (this.options.terminator) {
      case 'any':
        return (b === CR || b === LF) && !(b === LF && wasCr)
      case 'cr':
        return b === CR
      case 'lf':
        return b === LF
      case 'crlf':
        return b === LF && wasCr
    }
  }

  private keep(b: number): void {
    if (this.dropping >= 0) this.dropping++
    else this.line.push(b)
  }

  private finish(lines: string[], rejected: LineRejection[]): void {
    if (this.dropping > 0) rejected.push({ bytes: this.dropping, reason: 'tooLong' })
    else if (this.line.length > 0) lines.push(String.fromCharCode(...this.line))
    this.reset()
  }

  private reset(): void {
    this.line = []
    this.dropping = -1
  }
}

/** A line read as a card: its number (the token), or why it is not one. */
export type CardLine =
  | { readonly ok: true; readonly token: string; readonly kind: 'track1' | 'track2' | 'id' }
  | { readonly ok: false; readonly reason: 'notPrintable' | 'badSwipe' | 'notCardData' }

const TRACK1 = /^%B(\d{6,19})\^[^^]{0,26}\^/
const TRACK2 = /;(\d{6,19})=\d*\?/
/** A read error as readers report it: `%E?`, `;E?`, `+E?`. */
const SWIPE_ERROR = /^([%;+]E\?)+$/
/** An ID card number (17 digits and a check character), a card UID in hex, a membership number. */
const BARE_ID = /^[0-9A-Za-z][0-9A-Za-z-]{3,63}$/

/**
 * The card number a line carries: the primary account number of track 1 or track 2 (track 1
 * first when a reader sends both on one line), or the line itself when it is a bare ID.
 *
 * @example
 * parseCardLine('%B4000001234567899^ZHANG/SAN^2512101?;4000001234567899=2512101?') //=> { ok: true, token: '4000001234567899', kind: 'track1' }
 * parseCardLine(';4000001234567899=2512101?') //=> { ok: true, token: '4000001234567899', kind: 'track2' }
 * parseCardLine('11010519491231002X') //=> { ok: true, token: '11010519491231002X', kind: 'id' }
 * parseCardLine(';E?') //=> { ok: false, reason: 'badSwipe' }
 */
export function parseCardLine(line: string): CardLine {
  if (!/^[\x20-\x7e]+$/.test(line)) return { ok: false, reason: 'notPrintable' }
  const text = line.trim()
  if (SWIPE_ERROR.test(text)) return { ok: false, reason: 'badSwipe' }
  const t1 = TRACK1.exec(text)
  if (t1?.[1] !== undefined) return { ok: true, token: t1[1], kind: 'track1' }
  const t2 = TRACK2.exec(text)
  if (t2?.[1] !== undefined) return { ok: true, token: t2[1], kind: 'track2' }
  if (BARE_ID.test(text)) return { ok: true, token: text, kind: 'id' }
  return { ok: false, reason: 'notCardData' }
}

/**
 * A card number as it may be logged or journaled: all but the last four characters masked,
 * and all of it when it is shorter than eight.
 *
 * @example
 * maskCardToken('4000001234567899') //=> '************7899'
 * maskCardToken('12AB') //=> '****'
 */
export function maskCardToken(token: string): string {
  const shown = token.length >= 8 ? 4 : 0
  return '*'.repeat(token.length - shown) + token.slice(token.length - shown)
}
