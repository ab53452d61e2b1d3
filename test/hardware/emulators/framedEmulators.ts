import iconv from 'iconv-lite'
import { EmulatedDevice } from './deviceEnd'

/**
 * Devices on the addressed frame protocols, written from the vendors' frame descriptions and
 * not from hardware/framed, so a framing bug shows up as a mismatch here.
 */

/** `01 ADDR BLINK D1 D2 D3 07` counter boards (窗口屏): what each address shows. */
export class CounterBoardEmulator extends EmulatedDevice {
  readonly boards = new Map<number, { text: string; blink: boolean; frames: number }>()
  garbage = 0
  private buffer: number[] = []

  protected onBytes(bytes: Uint8Array): void {
    for (const b of bytes) this.buffer.push(b)
    while (this.buffer.length >= 7) {
      if (this.buffer[0] !== 0x01 || this.buffer[6] !== 0x07) {
        this.buffer.shift()
        this.garbage += 1
        continue
      }
      const [, address = 0, blink = 0, ...rest] = this.buffer.splice(0, 7)
      const text = String.fromCharCode(...rest.slice(0, 3))
      const frames = (this.boards.get(address)?.frames ?? 0) + 1
      this.boards.set(address, { text, blink: blink === 1, frames })
    }
  }
}

/** The function codes of our FF68 vendor (the defaults of the `ff68` preset). */
export const FF68_CODES = { show: 0x01, blink: 0x02, clear: 0x03, invite: 0x04, ack: 0x06 } as const

export interface Ff68Unit {
  text: string
  blink: boolean
  invites: number
  acks: number
}

/**
 * `FF 68 LEN LEN 68 ADDR FUNC DATA… CS 16` caller keypads, rating pads and text boards: keeps
 * what each address was told (text on its display, blink, invites, acknowledgements) and can
 * press keys, which it sends as frames.
 */
export class Ff68Emulator extends EmulatedDevice {
  readonly units = new Map<number, Ff68Unit>()
  garbage = 0
  private buffer: number[] = []

  static frame(address: number, func: number, data: readonly number[] = []): number[] {
    const body = [address, func, ...data]
    const cs = body.reduce((a, b) => (a + b) & 0xff, 0)
    return [0xff, 0x68, body.length, body.length, 0x68, ...body, cs, 0x16]
  }

  unit(address: number): Ff68Unit {
    let u = this.units.get(address)
    if (u === undefined) {
      u = { text: '', blink: false, invites: 0, acks: 0 }
      this.units.set(address, u)
    }
    return u
  }

  /** A key press on the device at `address`, with optional data (digits typed before the key). */
  press(address: number, key: number, data: string = ''): void {
    this.send(Ff68Emulator.frame(address, key, [...Buffer.from(data, 'ascii')]))
  }

  protected onBytes(bytes: Uint8Array): void {
    for (const b of bytes) this.buffer.push(b)
    for (;;) {
      const b = this.buffer
      const start = b.indexOf(0xff)
      if (start < 0) {
        this.garbage += b.length
        b.length = 0
        return
      }
      if (start > 0) {
        this.garbage += start
        b.splice(0, start)
      }
      if (b.length < 5) return
      const len = b[2] ?? 0
      if (b[1] !== 0x68 || b[3] !== len || b[4] !== 0x68 || len < 2) {
        this.garbage += 1
        b.shift()
        continue
      }
      const size = 5 + len + 2
      if (b.length < size) return
      const body = b.slice(5, 5 + len)
      const cs = body.reduce((x, y) => (x + y) & 0xff, 0)
      if (b[5 + len] !== cs || b[6 + len] !== 0x16) {
        this.garbage += 1
        b.shift()
        continue
      }
      b.splice(0, size)
      this.handle(body)
    }
  }

  private handle([address = 0, func = 0, ...data]: number[]): void {
    const u = this.unit(address)
    switch (func) {
      case FF68_CODES.show:
      case FF68_CODES.blink:
        u.text = iconv.decode(Buffer.from(data), 'gb18030')
        u.blink = func === FF68_CODES.blink
        break
      case FF68_CODES.clear:
        u.text = ''
        u.blink = false
        break
      case FF68_CODES.invite:
        u.invites += 1
        break
      case FF68_CODES.ack:
        u.acks += 1
        break
      default:
        // The bus carries other devices' codes too: a display ignores what it does not know.
        break
    }
  }
}
