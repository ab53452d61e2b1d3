import { encodeText } from '../text/encoding'
import { fitText } from '../text/fitText'
import { checksumBytes, checksumSize } from './checksum'
import type { FieldRef, Frame, FrameField, Framing, PayloadFormat } from './framing'

/**
 * The payload bytes for a text: fitted to a fixed width if the format has one, in its
 * character set, or as packed BCD digits for number-only boards.
 *
 * @example
 * payloadBytes('A023', { encoding: 'ascii', width: 3, align: 'right', keep: 'end' }) //=> Uint8Array [0x30, 0x32, 0x33]
 * payloadBytes('A023', { encoding: 'bcd', width: 2, align: 'right', keep: 'end' }) //=> Uint8Array [0x00, 0x23]
 */
export function payloadBytes(text: string, format: PayloadFormat): Uint8Array {
  if (format.encoding === 'bcd') {
    let digits = text.replace(/\D/g, '')
    if (format.width !== null) digits = digits.slice(-format.width * 2).padStart(format.width * 2, '0')
    if (digits.length % 2 === 1) digits = `0${digits}`
    const out = new Uint8Array(digits.length / 2)
    for (let i = 0; i < out.length; i++) out[i] = (Number(digits[2 * i]) << 4) | Number(digits[2 * i + 1])
    return out
  }
  const fitted =
    format.width === null
      ? text
      : fitText(text, format.width, { encoding: format.encoding, align: format.align, keep: format.keep })
  return encodeText(fitted, format.encoding)
}

/**
 * Byte size of a field once the payload size is known.
 *
 * @example
 * fieldSize({ kind: 'payload' }, 4) //=> 4
 */
export function fieldSize(field: FrameField, payloadSize: number): number {
  switch (field.kind) {
    case 'bytes':
      return field.bytes.length
    case 'address':
    case 'command':
      return 1
    case 'payload':
      return payloadSize
    case 'length':
      return field.width
    case 'checksum':
      return checksumSize(field.type)
  }
}

/**
 * Index of the first or last field a reference names (-1 if none); 'start' is the frame's first field.
 *
 * @example
 * refIndex(FF68.fields, 'length', 'last') //=> 2
 */
export function refIndex(fields: readonly FrameField[], ref: FieldRef, edge: 'first' | 'last'): number {
  if (ref === 'start') return 0
  const indices = fields.flatMap((f, i) => (f.kind === ref ? [i] : []))
  return (edge === 'first' ? indices[0] : indices[indices.length - 1]) ?? -1
}

/**
 * Byte offsets of every field, and the end offset, for a given payload size.
 *
 * @example
 * fieldOffsets(COUNTER_BOARD.fields, 3) //=> [0, 1, 2, 3, 6, 7]
 */
export function fieldOffsets(fields: readonly FrameField[], payloadSize: number): number[] {
  const offsets: number[] = []
  let at = 0
  for (const f of fields) {
    offsets.push(at)
    at += fieldSize(f, payloadSize)
  }
  offsets.push(at)
  return offsets
}

/**
 * The [begin, end) byte span a length or checksum field covers.
 *
 * @example
 * spanOf(FF68.fields, fieldOffsets(FF68.fields, 1), 'address', 'payload') //=> [5, 8]
 */
export function spanOf(
  fields: readonly FrameField[],
  offsets: readonly number[],
  from: FieldRef,
  to: FieldRef,
): [number, number] {
  const a = refIndex(fields, from, 'first')
  const b = refIndex(fields, to, 'last')
  return [offsets[a] ?? 0, offsets[b + 1] ?? 0]
}

/**
 * Builds a frame: fields in order, then the lengths and checksums filled in over their spans.
 *
 * @example
 * encodeFrame(FF68, { address: 3, command: 0x01, payload: Uint8Array.of(0x41) })
 * //=> Uint8Array [0xff, 0x68, 0x03, 0x03, 0x68, 0x03, 0x01, 0x41, 0x45, 0x16]
 */
export function encodeFrame(framing: Framing, frame: Frame): Uint8Array {
  const { fields } = framing
  const offsets = fieldOffsets(fields, frame.payload.length)
  const out = new Uint8Array(offsets[fields.length] ?? 0)
  fields.forEach((f, i) => {
    const at = offsets[i] ?? 0
    if (f.kind === 'bytes') out.set(f.bytes, at)
    else if (f.kind === 'address') out[at] = frame.address & 0xff
    else if (f.kind === 'command') out[at] = (frame.command ?? 0) & 0xff
    else if (f.kind === 'payload') out.set(frame.payload, at)
    else if (f.kind === 'length') {
      const [a, b] = spanOf(fields, offsets, f.from, f.to)
      const n = b - a + f.adjust
      if (f.width === 2) out.set([(n >> 8) & 0xff, n & 0xff], at)
      else out[at] = n & 0xff
    }
  })
  // Checksums last: their spans may include the lengths written above.
  fields.forEach((f, i) => {
    if (f.kind !== 'checksum') return
    const [a, b] = spanOf(fields, offsets, f.from, f.to)
    out.set(checksumBytes(f.type, out.subarray(a, b)), offsets[i] ?? 0)
  })
  return out
}
