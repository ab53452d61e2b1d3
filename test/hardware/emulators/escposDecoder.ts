import iconv from 'iconv-lite'

/**
 * Reads an ESC/POS byte stream the way a printer does, into what would come out on paper. It
 * is written from the command reference, independently of the encoder in hardware/, and it
 * is strict: a command it does not know is recorded in `errors`, so a malformed ticket fails
 * the tests that decode it.
 */

export interface PrintedLine {
  readonly text: string
  readonly align: 'left' | 'center' | 'right'
  readonly width: number
  readonly height: number
  readonly bold: boolean
}

export interface PrintedQr {
  readonly data: string
  readonly model: number
  readonly moduleSize: number
  readonly errorCorrection: 'L' | 'M' | 'Q' | 'H'
}

export interface PrintedTicket {
  readonly lines: readonly PrintedLine[]
  readonly qrCodes: readonly PrintedQr[]
  readonly cut: 'partial' | 'full'
  /** Bytes received for this ticket, from the previous cut up to and including this one. */
  readonly bytes: number
}

const ALIGNS = ['left', 'center', 'right'] as const
const EC = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as const

export interface DecoderEvents {
  readonly ticket: (ticket: PrintedTicket) => void
  /** `DLE EOT n`: the printer must answer now. */
  readonly status: (n: number) => void
}

export class EscPosDecoder {
  readonly errors: string[] = []
  private buffer: number[] = []
  private lines: PrintedLine[] = []
  private qrCodes: PrintedQr[] = []
  private text = ''
  private lineStyle: Omit<PrintedLine, 'text'> | null = null
  private align: PrintedLine['align'] = 'left'
  private width = 1
  private height = 1
  private bold = false
  private kanji = false
  private codePage = 0
  private qr = {
    data: null as string | null,
    model: 2,
    moduleSize: 3,
    errorCorrection: 'L' as PrintedQr['errorCorrection'],
  }
  /** Bytes of the ticket being received: since the last initialise or cut. */
  private ticketBytes = 0
  private receivedCodePageSelect = false

  /**
   * `startsInChineseMode`: GB18030 firmware of some Chinese printers, which powers up in Kanji
   * mode and does not leave it on `ESC @`; only `FS .` does.
   */
  constructor(
    private readonly events: DecoderEvents,
    private readonly firmware: 'plain' | 'startsInChineseMode' = 'plain',
  ) {
    this.kanji = firmware === 'startsInChineseMode'
  }

  /** Whether `ESC t` selected a code page since the last initialise. */
  get codePageSelected(): boolean {
    return this.receivedCodePageSelect
  }

  push(bytes: Uint8Array): void {
    for (const b of bytes) this.buffer.push(b)
    for (;;) {
      const used = this.step()
      if (used === 0) break
      this.buffer.splice(0, used)
      this.ticketBytes += used
    }
  }

  /** Decodes one token at the start of the buffer; returns the bytes used, 0 if more are needed. */
  private step(): number {
    const b = this.buffer
    const [c0, c1, c2] = b
    if (c0 === undefined) return 0
    const need = (n: number): boolean => b.length >= n
    switch (c0) {
      case 0x0a:
        this.endLine()
        return 1
      case 0x0d:
        return 1
      case 0x1b: {
        if (!need(2)) return 0
        if (c1 === 0x40) {
          this.reset()
          return 2
        }
        if (!need(3)) return 0
        if (c1 === 0x74) {
          this.codePage = c2 ?? 0
          this.receivedCodePageSelect = true
          return 3
        }
        if (c1 === 0x61) this.align = ALIGNS[(c2 ?? 0) % 48] ?? 'left'
        else if (c1 === 0x45) this.bold = ((c2 ?? 0) & 1) === 1
        else if (c1 === 0x64) {
          if (this.text !== '') this.endLine()
          for (let i = 0; i < (c2 ?? 0); i++)
            this.lines.push({ text: '', align: this.align, width: 1, height: 1, bold: false })
        } else {
          this.errors.push(`unknown command ESC 0x${hex(c1)}`)
          return 2
        }
        return 3
      }
      case 0x1d: {
        if (!need(3)) return 0
        if (c1 === 0x21) {
          this.width = ((c2 ?? 0) >> 4) + 1
          this.height = ((c2 ?? 0) & 0x0f) + 1
          return 3
        }
        if (c1 === 0x56) {
          const m = c2 ?? 0
          const withFeed = m === 65 || m === 66
          if (withFeed && !need(4)) return 0
          this.cut(m === 1 || m === 49 || m === 66 ? 'partial' : 'full', withFeed ? 4 : 3)
          return withFeed ? 4 : 3
        }
        if (c1 === 0x28 && c2 === 0x6b) {
          if (!need(5)) return 0
          const size = (b[3] ?? 0) + ((b[4] ?? 0) << 8)
          if (!need(5 + size)) return 0
          this.qrFunction(b.slice(5, 5 + size))
          return 5 + size
        }
        this.errors.push(`unknown command GS 0x${hex(c1)}`)
        return 2
      }
      case 0x1c:
        if (!need(2)) return 0
        if (c1 === 0x26) this.kanji = true
        else if (c1 === 0x2e) this.kanji = false
        else this.errors.push(`unknown command FS 0x${hex(c1)}`)
        return 2
      case 0x10:
        if (!need(3)) return 0
        if (c1 === 0x04) this.events.status(c2 ?? 0)
        else this.errors.push(`unknown command DLE 0x${hex(c1)}`)
        return 3
      default:
        if (c0 < 0x20 || c0 === 0x7f) {
          this.errors.push(`unexpected control byte 0x${hex(c0)}`)
          return 1
        }
        return this.character()
    }
  }

  private character(): number {
    const b = this.buffer
    const c0 = b[0] ?? 0
    if (c0 < 0x80) {
      this.put(String.fromCharCode(c0))
      return 1
    }
    if (!this.kanji) {
      this.put(iconv.decode(Buffer.from([c0]), this.codePage === 0 ? 'cp437' : 'latin1'))
      return 1
    }
    // GB18030: a lead byte 0x81–0xFE, then a byte 0x40–0xFE (two-byte) or 0x30–0x39 (four-byte).
    if (b.length < 2) return 0
    const four = (b[1] ?? 0) >= 0x30 && (b[1] ?? 0) <= 0x39
    const n = four ? 4 : 2
    if (b.length < n) return 0
    const ch = iconv.decode(Buffer.from(b.slice(0, n)), 'gb18030')
    if (ch.includes('\ufffd')) this.errors.push(`invalid GB18030 sequence ${b.slice(0, n).map(hex).join(' ')}`)
    this.put(ch)
    return n
  }

  private put(s: string): void {
    if (this.lineStyle === null)
      this.lineStyle = { align: this.align, width: this.width, height: this.height, bold: this.bold }
    this.text += s
  }

  private endLine(): void {
    const style = this.lineStyle ?? { align: this.align, width: this.width, height: this.height, bold: this.bold }
    this.lines.push({ text: this.text, ...style })
    this.text = ''
    this.lineStyle = null
  }

  private qrFunction(params: number[]): void {
    const [cn, fn, ...rest] = params
    if (cn !== 0x31) {
      this.errors.push(`GS ( k for symbol type 0x${hex(cn)}, not QR`)
      return
    }
    switch (fn as number) {
      case 0x41:
        this.qr.model = (rest[0] ?? 0) - 0x30
        break
      case 0x43:
        this.qr.moduleSize = rest[0] ?? 0
        break
      case 0x45:
        this.qr.errorCorrection = EC[(rest[0] ?? 48) as keyof typeof EC] ?? 'L'
        break
      case 0x50:
        if (rest[0] !== 0x30) this.errors.push('QR store with m ≠ 0x30')
        this.qr.data = Buffer.from(rest.slice(1)).toString('utf8')
        break
      case 0x51:
        if (this.qr.data === null) this.errors.push('QR print without stored data')
        else
          this.qrCodes.push({
            data: this.qr.data,
            model: this.qr.model,
            moduleSize: this.qr.moduleSize,
            errorCorrection: this.qr.errorCorrection,
          })
        break
      default:
        this.errors.push(`unknown QR function 0x${hex(fn)}`)
    }
  }

  private cut(kind: 'partial' | 'full', length: number): void {
    if (this.text !== '') this.endLine()
    this.events.ticket({ lines: this.lines, qrCodes: this.qrCodes, cut: kind, bytes: this.ticketBytes + length })
    // The cut's own bytes are added after this step; start the next ticket at zero.
    this.ticketBytes = -length
    this.lines = []
    this.qrCodes = []
  }

  private reset(): void {
    if (this.text !== '') this.endLine()
    // A ticket starts at its ESC @ (status requests before it are not part of it); +2 comes after this step.
    this.ticketBytes = 0
    this.align = 'left'
    this.width = 1
    this.height = 1
    this.bold = false
    if (this.firmware === 'plain') this.kanji = false
    this.codePage = 0
    this.receivedCodePageSelect = false
  }
}

const hex = (n: number | undefined): string => (n ?? 0).toString(16).padStart(2, '0')
