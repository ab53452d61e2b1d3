import type { DisplayFormat } from '../config/resolvedDevice'
import {
  customerDisplayInit,
  customerDisplayLines,
  type CustomerDisplaySpec,
} from '../customerDisplay/encodeCustomerDisplay'
import type { DisplayView } from '../display/displayContent'
import { encodeFrame, payloadBytes } from '../framed/encodeFrame'
import type { Framing } from '../framed/framing'
import type { LinkIO } from '../link/link'
import type { ModbusRegisterMap } from '../modbus/displayRegisters'
import { textRegisterValues } from '../modbus/displayRegisters'
import type { ModbusBus } from '../modbus/modbusBus'

/** The dialect-specific part of a display: how a view becomes bytes (and answers) on the wire. */
export interface DisplayWriter {
  /** After every (re)connection, before the first view: reset, modes, brightness. */
  init(io: LinkIO): Promise<void>
  show(io: LinkIO, view: DisplayView): Promise<void>
}

/** An LED-485 module: the text into holding registers (function 16), then blink (function 6). */
export class ModbusDisplayWriter implements DisplayWriter {
  constructor(
    private readonly bus: ModbusBus,
    private readonly settings: {
      readonly address: number
      readonly registers: ModbusRegisterMap
      readonly encoding: 'ascii' | 'gb18030'
      readonly brightness: number | null
      readonly timeoutMs: number
    },
    private readonly format: DisplayFormat,
  ) {}

  async init(io: LinkIO): Promise<void> {
    const { address, registers, brightness, timeoutMs } = this.settings
    if (registers.brightness !== null && brightness !== null) {
      await this.bus.writeRegister(io, address, registers.brightness, brightness, timeoutMs)
    }
  }

  async show(io: LinkIO, view: DisplayView): Promise<void> {
    const { address, registers, encoding, timeoutMs } = this.settings
    const values = textRegisterValues(view.lines[0] ?? '', registers, encoding, this.format.align)
    await this.bus.writeRegisters(io, address, registers.text, values, timeoutMs)
    if (registers.blink !== null)
      await this.bus.writeRegister(io, address, registers.blink, view.blink ? 1 : 0, timeoutMs)
  }
}

/** A board or keypad display on the configurable framed protocol: one frame a view, no answer. */
export class FramedDisplayWriter implements DisplayWriter {
  constructor(
    private readonly framing: Framing,
    private readonly address: number,
  ) {}

  init(): Promise<void> {
    return Promise.resolve()
  }

  show(io: LinkIO, view: DisplayView): Promise<void> {
    const { commands } = this.framing
    const text = view.lines.filter((l) => l !== '').join(' ')
    const command =
      text === '' && commands.clear !== null
        ? commands.clear
        : view.blink && commands.blink !== null
          ? commands.blink
          : commands.show
    const payload =
      command === commands.clear && this.framing.payload.width === null
        ? new Uint8Array(0)
        : payloadBytes(text, this.framing.payload)
    return io.write(encodeFrame(this.framing, { address: this.address, command, payload }))
  }
}

/** An ESC/POS (Epson DM-D compatible) customer display. */
export class CustomerDisplayWriter implements DisplayWriter {
  constructor(
    private readonly spec: CustomerDisplaySpec,
    private readonly format: DisplayFormat,
  ) {}

  init(io: LinkIO): Promise<void> {
    return io.write(customerDisplayInit(this.spec))
  }

  show(io: LinkIO, view: DisplayView): Promise<void> {
    return io.write(customerDisplayLines(this.spec, view.lines, this.format.align, view.blink))
  }
}
