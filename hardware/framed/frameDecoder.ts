import type { Frame, Framing } from './framing'
import { parseFrame } from './parseFrame'

export interface DecodeOutput {
  readonly frames: readonly Frame[]
  /** Bytes thrown away as garbage in this push (noise, partial frames, broken checksums). */
  readonly skipped: number
  /** Why the first skipped run was rejected, for the log; null when nothing was skipped. */
  readonly reason: string | null
}

export interface FrameDecoderOptions {
  /** A frame is never longer than this; a start marker followed by more is garbage. */
  readonly maxFrameBytes: number
  /** A partial frame older than this when the next byte arrives is dropped (the sender gave up). */
  readonly staleAfterMs: number
}

/**
 * Reads frames from a byte stream that may split, merge, repeat or corrupt them. It never
 * throws: what is not a frame is skipped byte by byte until a valid frame starts, and
 * reported so the hub can log it. Memory is bounded by `maxFrameBytes`.
 *
 * @example
 * const d = new FrameDecoder(FF68, { maxFrameBytes: 256, staleAfterMs: 500 })
 * d.push(Uint8Array.of(0x00, 0xff, 0x68), 0).skipped //=> 1
 */
export class FrameDecoder {
  private buffer = new Uint8Array(0)
  private lastByteAt = 0

  constructor(
    private readonly framing: Framing,
    private readonly options: FrameDecoderOptions,
  ) {}

  push(chunk: Uint8Array, now: number): DecodeOutput {
    let skipped = 0
    let reason: string | null = null
    if (this.buffer.length > 0 && now - this.lastByteAt > this.options.staleAfterMs) {
      skipped += this.buffer.length
      reason = 'incomplete frame timed out'
      this.buffer = new Uint8Array(0)
    }
    this.lastByteAt = now
    const merged = new Uint8Array(this.buffer.length + chunk.length)
    merged.set(this.buffer)
    merged.set(chunk, this.buffer.length)
    let buf = merged
    const frames: Frame[] = []
    const first = this.framing.fields[0]
    const marker = first?.kind === 'bytes' ? first.bytes[0] : undefined
    while (buf.length > 0) {
      if (marker !== undefined && buf[0] !== marker) {
        const next = buf.indexOf(marker)
        const drop = next < 0 ? buf.length : next
        skipped += drop
        reason ??= 'bytes outside a frame'
        buf = buf.subarray(drop)
        continue
      }
      const r = parseFrame(this.framing, buf, this.options.maxFrameBytes)
      if (r.status === 'frame') {
        frames.push(r.frame)
        buf = buf.subarray(r.size)
      } else if (r.status === 'incomplete' && buf.length < this.options.maxFrameBytes) {
        break
      } else {
        skipped += 1
        reason ??= r.status === 'invalid' ? r.reason : 'frame too long'
        buf = buf.subarray(1)
      }
    }
    this.buffer = buf.slice()
    return { frames, skipped, reason }
  }
}
