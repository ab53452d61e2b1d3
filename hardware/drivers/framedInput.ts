import type { ResolvedDevice } from '../config/resolvedDevice'
import { FrameDecoder } from '../framed/frameDecoder'
import type { Frame, Framing } from '../framed/framing'
import type { DeviceLogLine, KeypadInput, RatingInput } from '../supervisor/supervisorEvents'

export interface FramedInputHooks {
  readonly keypad: (input: KeypadInput) => void
  readonly rating: (input: RatingInput) => void
  readonly log: DeviceLogLine
  /** Acknowledge a valid frame to the device that sent it. */
  readonly ack: (device: ResolvedDevice) => void
  readonly now: () => number
}

const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`

/**
 * Key frames from the caller keypads and rating pads of one bus. Parsed defensively: garbage
 * and broken frames are skipped and logged, frames from unknown addresses and unknown keys are
 * logged and ignored, a key repeated within the debounce time counts once. Nothing here throws.
 */
export class FramedInput {
  private readonly decoder: FrameDecoder
  private readonly byAddress = new Map<number, ResolvedDevice>()
  private readonly lastKey = new Map<string, { code: number; at: number }>()

  constructor(
    private readonly framing: Framing,
    devices: readonly ResolvedDevice[],
    private readonly hooks: FramedInputHooks,
  ) {
    this.decoder = new FrameDecoder(framing, { maxFrameBytes: 256, staleAfterMs: 500 })
    for (const d of devices) if (d.protocol.dialect === 'framed') this.byAddress.set(d.protocol.address, d)
  }

  receive(bytes: Uint8Array): void {
    const { frames, skipped, reason } = this.decoder.push(bytes, this.hooks.now())
    if (skipped > 0)
      this.hooks.log(
        'warn',
        null,
        `ignored ${skipped} byte(s) that are not a valid frame (${reason ?? 'garbage'})`,
        'keypad.garbledInput',
      )
    for (const frame of frames) this.dispatch(frame)
  }

  private dispatch(frame: Frame): void {
    const device = this.byAddress.get(frame.address)
    if (device === undefined || device.counterNumber === null) {
      this.hooks.log(
        'warn',
        null,
        `frame from address ${frame.address}, which is not a keypad or pad on this bus; ignored`,
        'keypad.garbledInput',
      )
      return
    }
    const code = this.framing.keyCodeFrom === 'command' ? frame.command : frame.payload[0]
    if (code === null || code === undefined) {
      this.hooks.log('warn', device.id, 'frame without a key code; ignored', 'keypad.ignoredKey')
      return
    }
    if (this.framing.commands.ack !== null) this.hooks.ack(device)
    const now = this.hooks.now()
    const last = this.lastKey.get(device.id)
    this.lastKey.set(device.id, { code, at: now })
    if (last !== undefined && last.code === code && now - last.at < device.debounceMs) {
      this.hooks.log('debug', device.id, `key ${hex(code)} repeated within ${device.debounceMs} ms; counted once`)
      return
    }
    const counterNumber = device.counterNumber
    if (device.role === 'ratingPad') {
      const score = device.scores.get(code)
      if (score === undefined)
        this.hooks.log('warn', device.id, `unknown rating key ${hex(code)}; ignored`, 'keypad.ignoredKey')
      else this.hooks.rating({ deviceId: device.id, counterNumber, score, at: now })
      return
    }
    const action = device.actions.get(code)
    if (action === undefined) {
      this.hooks.log('warn', device.id, `unknown key ${hex(code)}; ignored`, 'keypad.ignoredKey')
      return
    }
    const text = this.framing.keyCodeFrom === 'command' ? String.fromCharCode(...frame.payload) : ''
    const digits = /^\d+$/.test(text) ? text : null
    this.hooks.keypad({ deviceId: device.id, counterNumber, action, code, digits, at: now })
  }
}
