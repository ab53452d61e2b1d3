import ModbusRTU from 'modbus-serial'
import { DeviceFault } from '../drivers/deviceProblem'
import type { LinkIO } from '../link/link'
import { ModbusBusPort } from './modbusBusPort'

interface ModbusError {
  readonly name?: string
  readonly message?: string
  readonly modbusCode?: number
}

/**
 * The Modbus RTU master of one bus: a modbus-serial client over our link. Calls are made
 * inside link jobs, so there is one transaction on the bus at a time, as RTU requires.
 */
export class ModbusBus {
  private io: LinkIO | null = null
  private readonly port: ModbusBusPort
  private readonly client: ModbusRTU

  constructor() {
    this.port = new ModbusBusPort((bytes) => {
      // A failed write shows up as the transaction's timeout; the link reports the port itself.
      this.io?.write(bytes).catch(() => undefined)
    })
    this.client = new ModbusRTU(this.port)
    this.client.open()
  }

  /** Bytes from the bus (the link's data listener). */
  receive(bytes: Uint8Array): void {
    this.port.receive(bytes)
  }

  /** Function 16, write multiple registers. */
  writeRegisters(
    io: LinkIO,
    address: number,
    register: number,
    values: readonly number[],
    timeoutMs: number,
  ): Promise<void> {
    return this.call(io, address, timeoutMs, (next) => this.client.writeFC16(address, register, [...values], next))
  }

  /** Function 6, write single register. */
  writeRegister(io: LinkIO, address: number, register: number, value: number, timeoutMs: number): Promise<void> {
    return this.call(io, address, timeoutMs, (next) => this.client.writeFC6(address, register, value, next))
  }

  private call(
    io: LinkIO,
    address: number,
    timeoutMs: number,
    send: (next: (e: unknown) => void) => void,
  ): Promise<void> {
    this.io = io
    this.client.setTimeout(timeoutMs)
    return new Promise((resolve, reject) => {
      send((e) => {
        this.io = null
        if (e === null || e === undefined) resolve()
        else reject(toFault(e as ModbusError, address, timeoutMs))
      })
    })
  }
}

function toFault(e: ModbusError, address: number, timeoutMs: number): DeviceFault {
  if (e.name === 'TransactionTimedOutError') {
    return new DeviceFault('noResponse', `no answer from Modbus address ${address} within ${timeoutMs} ms`)
  }
  return new DeviceFault('rejected', `Modbus address ${address}: ${e.message ?? 'bad answer'}`)
}
