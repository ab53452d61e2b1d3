import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checksumBytes } from '../../hardware/framed/checksum'
import { encodeFrame, payloadBytes } from '../../hardware/framed/encodeFrame'
import { FrameDecoder } from '../../hardware/framed/frameDecoder'
import type { Framing } from '../../hardware/framed/framing'
import { COUNTER_BOARD, FF68 } from '../../hardware/framed/presets'
import { Ff68Emulator } from './emulators/framedEmulators'
import { modbusCrc } from './emulators/modbusSlaveEmulator'

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b)
const hex = (b: ArrayLike<number>): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ')

/** `02 ADDR CMD LEN(2, big-endian) DATA… XOR 03`: a framing unlike both presets. */
const STX_XOR: Framing = {
  fields: [
    { kind: 'bytes', bytes: [0x02] },
    { kind: 'address' },
    { kind: 'command' },
    { kind: 'length', from: 'payload', to: 'payload', width: 2, adjust: 0 },
    { kind: 'payload' },
    { kind: 'checksum', type: 'xor8', from: 'address', to: 'payload' },
    { kind: 'bytes', bytes: [0x03] },
  ],
  payload: { encoding: 'ascii', width: null, align: 'left', keep: 'start' },
  commands: { show: 0x31, blink: null, clear: null, ack: null, invite: null },
  keyCodeFrom: 'command',
}

/** `AA ADDR DATA… CRC16 55`: variable payload found only by the end marker and the CRC. */
const END_MARKED: Framing = {
  fields: [
    { kind: 'bytes', bytes: [0xaa] },
    { kind: 'address' },
    { kind: 'payload' },
    { kind: 'checksum', type: 'crc16modbus', from: 'start', to: 'payload' },
    { kind: 'bytes', bytes: [0x55] },
  ],
  payload: { encoding: 'ascii', width: null, align: 'left', keep: 'start' },
  commands: { show: 0, blink: null, clear: null, ack: null, invite: null },
  keyCodeFrom: 'payload',
}

describe('checksumBytes', () => {
  it('sums mod 256, xors, and computes CRC-16/MODBUS low byte first', () => {
    expect(checksumBytes('sum8', [0xff, 0x02, 0x01])).toEqual([0x02])
    expect(checksumBytes('xor8', [0x0f, 0xf0, 0x01])).toEqual([0xfe])
    // The Modbus specification's worked example: 01 06 00 01 00 03 → CRC 98 0B.
    expect(checksumBytes('crc16modbus', [0x01, 0x06, 0x00, 0x01, 0x00, 0x03])).toEqual([0x98, 0x0b])
    const crc = modbusCrc([0x11, 0x22, 0x33])
    expect(checksumBytes('crc16modbus', [0x11, 0x22, 0x33])).toEqual([crc & 0xff, crc >> 8])
  })
})

describe('encodeFrame (golden bytes)', () => {
  it('writes a counter board frame: 01 ADDR BLINK three ASCII digits 07', () => {
    const payload = payloadBytes('A023', COUNTER_BOARD.payload)
    expect(hex(encodeFrame(COUNTER_BOARD, { address: 3, command: 1, payload }))).toBe('01 03 01 30 32 33 07')
  })

  it('writes an FF68 frame with both lengths and the sum from the address', () => {
    expect(hex(encodeFrame(FF68, { address: 3, command: 0x01, payload: bytes(0x41) }))).toBe(
      'ff 68 03 03 68 03 01 41 45 16',
    )
  })

  it('matches the FF68 frames of an independent implementation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 40 }),
        (a, f, data) => {
          expect([...encodeFrame(FF68, { address: a, command: f, payload: data })]).toEqual(
            Ff68Emulator.frame(a, f, [...data]),
          )
        },
      ),
    )
  })

  it('writes a two-byte big-endian length and an XOR checksum', () => {
    // XOR over 10 31 00 02 41 42 (address to payload, the length included) = 0x20.
    expect(hex(encodeFrame(STX_XOR, { address: 0x10, command: 0x31, payload: bytes(0x41, 0x42) }))).toBe(
      '02 10 31 00 02 41 42 20 03',
    )
  })

  it('packs digits as BCD for number-only boards', () => {
    expect([...payloadBytes('A023', { encoding: 'bcd', width: 2, align: 'right', keep: 'end' })]).toEqual([0x00, 0x23])
    expect([...payloadBytes('B1234', { encoding: 'bcd', width: null, align: 'right', keep: 'end' })]).toEqual([
      0x12, 0x34,
    ])
  })

  it('encodes Chinese payloads in GB18030', () => {
    expect([...payloadBytes('暂停', FF68.payload)]).toEqual([0xd4, 0xdd, 0xcd, 0xa3])
  })
})

describe('FrameDecoder', () => {
  const decoder = (f: Framing = FF68): FrameDecoder => new FrameDecoder(f, { maxFrameBytes: 64, staleAfterMs: 500 })
  const key = (addr: number, code: number): number[] => Ff68Emulator.frame(addr, code)

  it('reads a frame split over several chunks', () => {
    const d = decoder()
    const frame = key(5, 0x11)
    expect(d.push(bytes(...frame.slice(0, 3)), 0).frames).toEqual([])
    expect(d.push(bytes(...frame.slice(3, 6)), 1).frames).toEqual([])
    expect(d.push(bytes(...frame.slice(6)), 2).frames).toEqual([
      { address: 5, command: 0x11, payload: new Uint8Array(0) },
    ])
  })

  it('reads a burst of frames from one chunk', () => {
    const burst = Array.from({ length: 50 }, (_, i) => key(i % 4, 0x11 + (i % 7))).flat()
    const out = decoder().push(bytes(...burst), 0)
    expect(out.frames).toHaveLength(50)
    expect(out.skipped).toBe(0)
  })

  it('skips garbage and a frame with a broken checksum, and resynchronises', () => {
    const broken = key(2, 0x12)
    const at = broken.length - 2
    broken[at] = (broken[at] ?? 0) ^ 0xff
    const out = decoder().push(bytes(0x00, 0x13, 0xff, 0x37, ...broken, 0xff, 0x68, ...key(7, 0x13)), 0)
    expect(out.frames).toEqual([{ address: 7, command: 0x13, payload: new Uint8Array(0) }])
    expect(out.skipped).toBeGreaterThan(0)
    expect(out.reason).not.toBeNull()
  })

  it('drops a partial frame the sender abandoned', () => {
    const d = decoder()
    d.push(bytes(...key(1, 0x11).slice(0, 5)), 0)
    const out = d.push(bytes(...key(1, 0x12)), 10_000)
    expect(out.frames).toEqual([{ address: 1, command: 0x12, payload: new Uint8Array(0) }])
    expect(out.reason).toBe('incomplete frame timed out')
  })

  it('keeps its buffer bounded under endless garbage', () => {
    const d = decoder()
    for (let i = 0; i < 100; i++) d.push(bytes(0xff, 0x68, 0x40, 0x40, 0x68, ...new Array<number>(50).fill(0x20)), i)
    expect(d.push(bytes(...key(3, 0x11)), 100).frames).toEqual([
      { address: 3, command: 0x11, payload: new Uint8Array(0) },
    ])
  })

  it('reads a two-byte length with an XOR checksum', () => {
    const frame = encodeFrame(STX_XOR, { address: 9, command: 0x31, payload: bytes(0x35) })
    expect(decoder(STX_XOR).push(frame, 0).frames).toEqual([{ address: 9, command: 0x31, payload: bytes(0x35) }])
  })

  it('finds a variable payload by its end marker and CRC, even when the payload contains the marker', () => {
    const frame = encodeFrame(END_MARKED, { address: 4, command: null, payload: bytes(0x55, 0x31) })
    expect(decoder(END_MARKED).push(frame, 0).frames).toEqual([
      { address: 4, command: null, payload: bytes(0x55, 0x31) },
    ])
  })

  it('reads fixed-width counter board frames', () => {
    const out = decoder(COUNTER_BOARD).push(bytes(0x01, 0x02, 0x00, 0x30, 0x31, 0x32, 0x07), 0)
    expect(out.frames).toEqual([{ address: 2, command: 0, payload: bytes(0x30, 0x31, 0x32) }])
  })

  it('recovers every frame from any chunking with noise between frames', () => {
    const frameArb = fc.record({
      address: fc.integer({ min: 0, max: 255 }),
      command: fc.integer({ min: 0, max: 255 }),
      data: fc.uint8Array({ maxLength: 12 }),
    })
    // Noise never contains the start byte, so it cannot be mistaken for a frame start.
    const noiseArb = fc.uint8Array({ maxLength: 6 }).map((n) => n.map((b) => (b === 0xff ? 0 : b)))
    fc.assert(
      fc.property(
        fc.array(fc.tuple(frameArb, noiseArb), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }),
        (items, cuts) => {
          const stream = items.flatMap(([f, noise]) => [
            ...noise,
            ...encodeFrame(FF68, { address: f.address, command: f.command, payload: f.data }),
          ])
          const d = new FrameDecoder(FF68, { maxFrameBytes: 64, staleAfterMs: 1000 })
          const got: unknown[] = []
          let at = 0
          for (let i = 0; at < stream.length; i++) {
            const size = cuts[i % cuts.length] ?? 1
            got.push(...d.push(Uint8Array.from(stream.slice(at, at + size)), 0).frames)
            at += size
          }
          expect(got).toEqual(items.map(([f]) => ({ address: f.address, command: f.command, payload: f.data })))
        },
      ),
    )
  })
})
