import { checksumBytes } from './checksum'
import { fieldOffsets, fieldSize, refIndex, spanOf } from './encodeFrame'
import type { Frame, Framing } from './framing'

export type ParseResult =
  | { readonly status: 'frame'; readonly frame: Frame; readonly size: number }
  | { readonly status: 'incomplete' }
  | { readonly status: 'invalid'; readonly reason: string }

/**
 * Tries to read one frame at the start of `buf`. The payload size comes from a length field
 * that precedes it, or the fixed payload width, or, failing both, from where the fixed-size
 * tail (checksum, end marker) matches: each candidate size is checked in turn.
 *
 * @example
 * parseFrame(FF68, Uint8Array.of(0xff, 0x68, 0x02, 0x02, 0x68, 0x05, 0x11, 0x16, 0x16))
 * //=> { status: 'frame', frame: { address: 5, command: 0x11, payload: Uint8Array [] }, size: 9 }
 */
export function parseFrame(framing: Framing, buf: Uint8Array, maxFrameBytes: number): ParseResult {
  const sizes = candidatePayloadSizes(framing, buf)
  if (sizes.status !== 'sizes') return sizes
  let incomplete = false
  for (const size of sizes.sizes) {
    const r = parseWithPayloadSize(framing, buf, size)
    if (r.status === 'frame') return r
    if (r.status === 'incomplete') incomplete = true
    if (sizes.sizes.length === 1) return r
  }
  if (incomplete && buf.length < maxFrameBytes) return { status: 'incomplete' }
  return { status: 'invalid', reason: 'no frame boundary found' }
}

type Sizes = { readonly status: 'sizes'; readonly sizes: readonly number[] } | Exclude<ParseResult, { status: 'frame' }>

function candidatePayloadSizes(framing: Framing, buf: Uint8Array): Sizes {
  const { fields } = framing
  const payloadIndex = fields.findIndex((f) => f.kind === 'payload')
  if (payloadIndex < 0) return { status: 'sizes', sizes: [0] }
  if (framing.payload.width !== null) return { status: 'sizes', sizes: [framing.payload.width] }
  // A length field before the payload that spans it gives the size directly.
  let at = 0
  for (let i = 0; i < payloadIndex; i++) {
    const f = fields[i]
    if (f === undefined) break
    const spansPayload =
      f.kind === 'length' &&
      refIndex(fields, f.from, 'first') <= payloadIndex &&
      payloadIndex <= refIndex(fields, f.to, 'last')
    if (f.kind === 'length' && spansPayload) {
      if (buf.length < at + f.width) return { status: 'incomplete' }
      const value = f.width === 2 ? ((buf[at] ?? 0) << 8) | (buf[at + 1] ?? 0) : (buf[at] ?? 0)
      const withoutPayload = fieldOffsets(fields, 0)
      const [a, b] = spanOf(fields, withoutPayload, f.from, f.to)
      const size = value - f.adjust - (b - a)
      if (size < 0) return { status: 'invalid', reason: `length ${value} is too small` }
      return { status: 'sizes', sizes: [size] }
    }
    at += fieldSize(f, 0)
  }
  // Otherwise every size up to what has arrived is a candidate; the tail decides.
  const fixed = fieldOffsets(fields, 0)[fields.length] ?? 0
  const most = Math.max(0, buf.length - fixed)
  return { status: 'sizes', sizes: Array.from({ length: most + 2 }, (_, i) => i) }
}

function parseWithPayloadSize(framing: Framing, buf: Uint8Array, payloadSize: number): ParseResult {
  const { fields } = framing
  const offsets = fieldOffsets(fields, payloadSize)
  const total = offsets[fields.length] ?? 0
  let address = -1
  let command: number | null = null
  let payload = new Uint8Array(0)
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]
    const at = offsets[i] ?? 0
    if (f === undefined) continue
    const size = fieldSize(f, payloadSize)
    if (buf.length < at + size) return { status: 'incomplete' }
    switch (f.kind) {
      case 'bytes':
        for (let k = 0; k < f.bytes.length; k++) {
          if (buf[at + k] !== f.bytes[k])
            return { status: 'invalid', reason: `expected 0x${hex(f.bytes[k])} at byte ${at + k}` }
        }
        break
      case 'address':
        address = buf[at] ?? 0
        break
      case 'command':
        command = buf[at] ?? 0
        break
      case 'payload':
        payload = buf.slice(at, at + size)
        break
      case 'length': {
        const value = f.width === 2 ? ((buf[at] ?? 0) << 8) | (buf[at + 1] ?? 0) : (buf[at] ?? 0)
        const [a, b] = spanOf(fields, offsets, f.from, f.to)
        if (value !== b - a + f.adjust)
          return { status: 'invalid', reason: `length field says ${value}, frame has ${b - a + f.adjust}` }
        break
      }
      case 'checksum': {
        const [a, b] = spanOf(fields, offsets, f.from, f.to)
        const want = checksumBytes(f.type, buf.subarray(a, b))
        if (want.some((byte, k) => buf[at + k] !== byte)) return { status: 'invalid', reason: 'checksum mismatch' }
        break
      }
    }
  }
  return { status: 'frame', frame: { address, command, payload }, size: total }
}

const hex = (n: number | undefined): string => (n ?? 0).toString(16).padStart(2, '0')
