import iconv from 'iconv-lite'
import { EmulatedDevice } from './deviceEnd'

/**
 * CRC-16/MODBUS written out here from the specification (polynomial 0x8005 reflected as
 * 0xA001, initial 0xFFFF), independently of the library the driver uses, so the emulator
 * checks the driver's frames rather than trusting them.
 */
export function modbusCrc(bytes: ArrayLike<number>): number {
  let crc = 0xffff
  for (let i = 0; i < bytes.length; i++) {
    crc ^= bytes[i] ?? 0
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1
  }
  return crc
}

const withCrc = (frame: number[]): number[] => {
  const crc = modbusCrc(frame)
  return [...frame, crc & 0xff, crc >> 8]
}

export interface ModbusRequest {
  readonly unit: number
  readonly fc: number
  readonly register: number
  readonly values: readonly number[]
}

/**
 * The LED-485 modules of one RS-485 bus as Modbus RTU slaves: each answering unit has 64
 * holding registers. Requests are framed by function code, checked for CRC (a bad frame is
 * counted and gets no answer, as on a real bus), written, and echoed per the standard.
 */
export class ModbusSlaveEmulator extends EmulatedDevice {
  readonly registers = new Map<number, Uint16Array>()
  /** Units that are on the bus but never answer (a module with a dead transceiver). */
  readonly silentUnits = new Set<number>()
  readonly requests: ModbusRequest[] = []
  crcErrors = 0
  private buffer: number[] = []

  constructor(units: readonly number[], registerCount = 64) {
    super()
    for (const u of units) this.registers.set(u, new Uint16Array(registerCount))
  }

  /** The text a unit shows: `length` bytes from register `start`, two a register, high byte first. */
  text(unit: number, start: number, length: number, encoding: 'ascii' | 'gb18030' = 'ascii'): string {
    const regs = this.registers.get(unit)
    if (regs === undefined) return ''
    const bytes: number[] = []
    for (let i = 0; i < Math.ceil(length / 2); i++) {
      const v = regs[start + i] ?? 0
      bytes.push(v >> 8, v & 0xff)
    }
    return iconv.decode(Buffer.from(bytes.slice(0, length)), encoding)
  }

  register(unit: number, index: number): number {
    return this.registers.get(unit)?.[index] ?? 0
  }

  protected onBytes(bytes: Uint8Array): void {
    for (const b of bytes) this.buffer.push(b)
    for (;;) {
      const size = this.frameSize()
      if (size === 0) return
      const frame = this.buffer.slice(0, size)
      const crc = modbusCrc(frame.slice(0, -2))
      if ((frame[size - 2] ?? 0) !== (crc & 0xff) || (frame[size - 1] ?? 0) !== crc >> 8) {
        this.crcErrors += 1
        this.buffer.shift()
        continue
      }
      this.buffer.splice(0, size)
      this.handle(frame)
    }
  }

  /** The size of the request at the buffer's start, 0 if incomplete. */
  private frameSize(): number {
    const b = this.buffer
    if (b.length < 8) return 0
    if (b[1] === 16) {
      const size = 9 + (b[6] ?? 0)
      return b.length >= size ? size : 0
    }
    return 8
  }

  private handle(frame: number[]): void {
    const [unit = 0, fc = 0] = frame
    const register = ((frame[2] ?? 0) << 8) | (frame[3] ?? 0)
    const regs = this.registers.get(unit)
    if (regs === undefined) return
    const values: number[] = []
    if (fc === 6) values.push(((frame[4] ?? 0) << 8) | (frame[5] ?? 0))
    if (fc === 16) {
      const count = ((frame[4] ?? 0) << 8) | (frame[5] ?? 0)
      for (let i = 0; i < count; i++) values.push(((frame[7 + 2 * i] ?? 0) << 8) | (frame[8 + 2 * i] ?? 0))
    }
    this.requests.push({ unit, fc, register, values })
    if (this.silentUnits.has(unit)) return
    if (fc !== 6 && fc !== 16 && fc !== 3) {
      this.send(withCrc([unit, fc | 0x80, 0x01]))
      return
    }
    const count = fc === 3 ? ((frame[4] ?? 0) << 8) | (frame[5] ?? 0) : values.length
    if (register + count > regs.length) {
      this.send(withCrc([unit, fc | 0x80, 0x02]))
      return
    }
    if (fc === 3) {
      const data = Array.from(regs.subarray(register, register + count)).flatMap((v) => [v >> 8, v & 0xff])
      this.send(withCrc([unit, 3, data.length, ...data]))
      return
    }
    values.forEach((v, i) => (regs[register + i] = v))
    this.send(fc === 6 ? frame : withCrc(frame.slice(0, 6)))
  }
}
