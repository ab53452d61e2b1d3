import { EventEmitter } from 'node:events'

/**
 * The port object modbus-serial's `ModbusRTU` client drives (`open`, `close`, `write`,
 * `isOpen`, and `data`/`close`/`error` events), backed by our own link instead of a
 * `SerialPort` it would open itself. That keeps one connection (with our reconnect, write
 * queue and status) per RS-485 bus, shared by every module on it, while modbus-serial does the
 * Modbus part: request framing, CRC-16, response checks and the transaction timeout.
 *
 * modbus-serial expects each `data` event to be one whole response; a serial line delivers
 * arbitrary pieces, so this reassembles them, knowing from the request how long the answer is
 * (the same job its RTUBufferedPort does for a SerialPort).
 */
export class ModbusBusPort extends EventEmitter {
  private buffer = new Uint8Array(0)
  private expected: { unit: number; fc: number; length: number } | null = null
  private open_ = false

  /** `send` puts a request on the wire; errors surface as the transaction's timeout. */
  constructor(private readonly send: (bytes: Uint8Array) => void) {
    super()
  }

  get isOpen(): boolean {
    return this.open_
  }

  open(callback?: (error: Error | null) => void): void {
    this.open_ = true
    callback?.(null)
  }

  close(callback?: (error?: Error | null) => void): void {
    this.open_ = false
    this.emit('close')
    callback?.(null)
  }

  write(request: Buffer): void {
    const unit = request[0] ?? 0
    const fc = request[1] ?? 0
    this.expected = { unit, fc, length: responseLength(request) }
    this.buffer = new Uint8Array(0)
    this.send(new Uint8Array(request))
  }

  /** Bytes from the bus. */
  receive(chunk: Uint8Array): void {
    if (this.expected === null) return
    const merged = new Uint8Array(this.buffer.length + chunk.length)
    merged.set(this.buffer)
    merged.set(chunk, this.buffer.length)
    this.buffer = merged.length > 512 ? merged.slice(-512) : merged
    const { unit, fc, length } = this.expected
    for (let i = 0; i + 2 <= this.buffer.length; i++) {
      if (this.buffer[i] !== unit) continue
      const code = this.buffer[i + 1]
      const size = code === fc ? length : code === (fc | 0x80) ? 5 : 0
      if (size === 0) continue
      if (i + size > this.buffer.length) return
      const frame = Buffer.from(this.buffer.subarray(i, i + size))
      this.buffer = this.buffer.slice(i + size)
      this.expected = null
      this.emit('data', frame)
      return
    }
  }
}

/** The length of the normal response to a request (Modbus application protocol, §6). */
function responseLength(request: Uint8Array): number {
  const fc = request[1] ?? 0
  const quantity = ((request[4] ?? 0) << 8) | (request[5] ?? 0)
  switch (fc) {
    case 1:
    case 2:
      return 5 + Math.ceil(quantity / 8)
    case 3:
    case 4:
      return 5 + 2 * quantity
    default:
      // 5, 6, 15, 16: the echo of address and value/quantity.
      return 8
  }
}
