import iconv from 'iconv-lite'
import { EmulatedDevice } from './deviceEnd'

/**
 * An Epson DM-D compatible two-line customer display: a grid of character cells driven by the
 * ESC/POS display commands (ESC @, CLR, HOM, CR, LF, CAN, US $ x y, US MD1–3, US C, US X, US E,
 * ESC t). Text is read as code page 437, or as GB18030 (two cells a glyph) on a Chinese model.
 */
export class CustomerDisplayEmulator extends EmulatedDevice {
  private cells: string[][]
  private x = 0
  private y = 0
  blinkInterval = 0
  brightness = 4
  mode: 'overwrite' | 'vertical' | 'horizontal' = 'overwrite'
  initialised = 0
  readonly errors: string[] = []
  private buffer: number[] = []

  constructor(
    readonly columns = 20,
    readonly rows = 2,
    private readonly encoding: 'cp437' | 'gb18030' = 'cp437',
  ) {
    super()
    this.cells = this.blank()
  }

  /** The text of each row, trailing spaces kept. */
  get lines(): string[] {
    return this.cells.map((r) => r.join(''))
  }

  get blinking(): boolean {
    return this.blinkInterval > 0 && this.blinkInterval < 255
  }

  protected onBytes(bytes: Uint8Array): void {
    for (const b of bytes) this.buffer.push(b)
    for (;;) {
      const used = this.step()
      if (used === 0) return
      this.buffer.splice(0, used)
    }
  }

  private step(): number {
    const [c0, c1, c2, c3] = this.buffer
    if (c0 === undefined) return 0
    switch (c0) {
      case 0x0c:
        this.cells = this.blank()
        this.x = 0
        this.y = 0
        return 1
      case 0x0b:
        this.x = 0
        this.y = 0
        return 1
      case 0x0d:
        this.x = 0
        return 1
      case 0x0a:
        this.y = Math.min(this.rows - 1, this.y + 1)
        return 1
      case 0x18:
        this.cells[this.y] = Array<string>(this.columns).fill(' ')
        this.x = 0
        return 1
      case 0x1b:
        if (c1 === undefined) return 0
        if (c1 === 0x40) {
          this.cells = this.blank()
          this.x = 0
          this.y = 0
          this.mode = 'overwrite'
          this.blinkInterval = 0
          this.initialised += 1
          return 2
        }
        if (c1 === 0x74) return c2 === undefined ? 0 : 3
        this.errors.push(`unknown ESC 0x${c1.toString(16)}`)
        return 2
      case 0x1f:
        if (c1 === undefined) return 0
        if (c1 >= 0x01 && c1 <= 0x03) {
          this.mode = c1 === 1 ? 'overwrite' : c1 === 2 ? 'vertical' : 'horizontal'
          return 2
        }
        if (c1 === 0x24) {
          if (c3 === undefined) return 0
          this.x = Math.min(this.columns, Math.max(1, c2 ?? 1)) - 1
          this.y = Math.min(this.rows, Math.max(1, c3)) - 1
          return 4
        }
        if (c2 === undefined) return 0
        if (c1 === 0x43) return 3
        if (c1 === 0x58) {
          this.brightness = c2
          return 3
        }
        if (c1 === 0x45) {
          this.blinkInterval = c2
          return 3
        }
        this.errors.push(`unknown US 0x${c1.toString(16)}`)
        return 2
      default:
        if (c0 < 0x20) {
          this.errors.push(`unexpected control 0x${c0.toString(16)}`)
          return 1
        }
        return this.character()
    }
  }

  private character(): number {
    const c0 = this.buffer[0] ?? 0
    if (c0 < 0x80 || this.encoding === 'cp437') {
      this.put(iconv.decode(Buffer.from([c0]), 'cp437'), 1)
      return 1
    }
    if (this.buffer.length < 2) return 0
    this.put(iconv.decode(Buffer.from(this.buffer.slice(0, 2)), 'gb18030'), 2)
    return 2
  }

  private put(ch: string, width: number): void {
    if (this.x + width > this.columns) {
      if (this.mode !== 'overwrite' || this.y + 1 >= this.rows) return
      this.x = 0
      this.y += 1
    }
    const row = this.cells[this.y]
    if (row === undefined) return
    row[this.x] = ch
    if (width === 2) row[this.x + 1] = ''
    this.x += width
  }

  private blank(): string[][] {
    return Array.from({ length: this.rows }, () => Array<string>(this.columns).fill(' '))
  }
}
