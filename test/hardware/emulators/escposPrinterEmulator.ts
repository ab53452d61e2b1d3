import { EmulatedDevice } from './deviceEnd'
import { EscPosDecoder, type PrintedTicket } from './escposDecoder'

export interface ReceivedTicket extends PrintedTicket {
  /** `performance.now()` when the cut arrived: the last byte of the ticket. */
  readonly cutAt: number
}

/**
 * An 80 mm ESC/POS ticket printer on the far end of a PTY or TCP port. It decodes what it
 * receives (GB18030 text in Kanji mode, code page 437 outside it, QR codes from `GS ( k`, the
 * cut) and answers `DLE EOT` status requests from its paper and cover state. While the paper
 * is out or the cover open it prints nothing, as a real printer stops.
 */
export class EscPosPrinterEmulator extends EmulatedDevice {
  paper: 'ok' | 'nearEnd' | 'out' = 'ok'
  coverOpen = false
  /** A printer that has gone silent: it never answers a status request. */
  silent = false
  readonly tickets: ReceivedTicket[] = []
  /** Tickets received while it could not print (paper out, cover open). */
  readonly lostTickets: PrintedTicket[] = []
  /** The `n` of every `DLE EOT n` received, in order. */
  readonly statusRequests: number[] = []
  private readonly decoder: EscPosDecoder

  constructor() {
    super()
    this.decoder = new EscPosDecoder({
      ticket: (t) => {
        if (this.paper === 'out' || this.coverOpen) this.lostTickets.push(t)
        else this.tickets.push({ ...t, cutAt: performance.now() })
      },
      status: (n) => this.answer(n),
    })
  }

  /** Commands the decoder did not understand: a correct encoder leaves this empty. */
  get errors(): readonly string[] {
    return this.decoder.errors
  }

  protected onBytes(bytes: Uint8Array): void {
    this.decoder.push(bytes)
  }

  private answer(n: number): void {
    this.statusRequests.push(n)
    if (this.silent) return
    const out = this.paper === 'out'
    const offline = out || this.coverOpen
    switch (n) {
      case 1:
        this.send([0x12 | (offline ? 0x08 : 0)])
        break
      case 2:
        this.send([0x12 | (this.coverOpen ? 0x04 : 0) | (out ? 0x20 : 0)])
        break
      case 4:
        this.send([0x12 | (out || this.paper === 'nearEnd' ? 0x0c : 0) | (out ? 0x60 : 0)])
        break
      default:
        // Other requests (drawer, error cause) answer "all clear".
        this.send([0x12])
    }
  }
}
