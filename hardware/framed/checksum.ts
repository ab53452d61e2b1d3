import crc16 from 'modbus-serial/utils/crc16.js'
// (The .js suffix: Node's ESM resolver, used by Playwright, does not add extensions to deep imports.)
import type { ChecksumType } from './framing'

/**
 * The checksum bytes of a span, as they appear on the wire.
 *
 * @example
 * checksumBytes('sum8', [0x03, 0x01, 0x41]) //=> [0x45]
 * checksumBytes('crc16modbus', [0x01, 0x06, 0x00, 0x01, 0x00, 0x03]) //=> [0x98, 0x0b]
 */
export function checksumBytes(type: ChecksumType, span: ArrayLike<number>): number[] {
  const bytes = Array.from(span)
  switch (type) {
    case 'sum8':
      return [bytes.reduce((a, b) => (a + b) & 0xff, 0)]
    case 'xor8':
      return [bytes.reduce((a, b) => a ^ b, 0)]
    case 'crc16modbus': {
      // modbus-serial's CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF), sent low byte first.
      const crc = crc16(Buffer.from(bytes))
      return [crc & 0xff, crc >> 8]
    }
  }
}

/**
 * Bytes a checksum takes on the wire.
 *
 * @example
 * checksumSize('crc16modbus') //=> 2
 */
export function checksumSize(type: ChecksumType): number {
  return type === 'crc16modbus' ? 2 : 1
}
