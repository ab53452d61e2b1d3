import { statusRequest, STATUS_REQUEST, type StatusRequest } from '../escpos/commands'
import { encodeTicket } from '../escpos/encodeTicket'
import { decodePrinterStatus, isStatusByte, printerProblem, type PrinterStatus } from '../escpos/printerStatus'
import { forPrinter } from '../escpos/escposText'
import { layoutTexts, type TicketLayout, type TicketPrintOptions } from '../escpos/ticketLayout'
import type { Link, LinkIO } from '../link/link'
import { isLinkError } from '../link/linkError'
import { DeviceFault, problemOf, type DeviceProblem, type DeviceProblemCode } from './deviceProblem'
import { errorText } from '../../shared/util/errorText'

export type PrintResult =
  | {
      readonly ok: true
      readonly deviceId: string
      readonly bytes: number
      /** After printing; `paper: 'nearEnd'` is worth a warning to the manager. Null if the printer is not asked. */
      readonly status: PrinterStatus | null
      readonly elapsedMs: number
    }
  | {
      readonly ok: false
      readonly deviceId: string | null
      /** Why the ticket did not print (the kiosk then shows it on screen), in the devices' own codes. */
      readonly problem: DeviceProblem
      /** Whether the ticket's bytes reached the printer (a ticket may have printed after all). */
      readonly sent: boolean
      readonly status: PrinterStatus | null
    }

export interface PrinterSettings {
  readonly id: string
  readonly print: TicketPrintOptions
  readonly statusQuery: boolean
  readonly statusTimeoutMs: number
  readonly pollMs: number
  /** Bits a second on the wire, to give a long ticket at a slow baud rate enough time; null for TCP. */
  readonly baudRate: number | null
}

export interface PrinterHooks {
  readonly report: (problem: DeviceProblem | null) => void
  readonly printerStatus: (status: PrinterStatus) => void
  readonly now: () => number
  /** What the person looking after the devices should know (a name the printer cannot print). */
  readonly log: {
    (level: 'info', message: string): void
    (level: 'warn', message: string, event: 'printer.replacedCharacters'): void
  }
}

const QUERIES: readonly StatusRequest[] = ['printer', 'offlineCause', 'paperSensor']

/**
 * A ticket printer: asks its status (`DLE EOT`) before printing, refuses to print into an
 * empty or open printer, sends the ticket, asks again (paper may have run out, or reached the
 * near-end mark). Every wait has a timeout, so a silent printer makes `print` return a
 * `noResponse` failure, never hang. While idle it polls, so paper-out shows on the manager
 * screen before the next customer taps.
 */
export class PrinterDriver {
  private poller: ReturnType<typeof setInterval> | null = null
  private busy = false
  /** Texts already said to print with '?' in them: each is said once, not on every ticket. */
  private readonly toldReplaced = new Set<string>()

  constructor(
    private readonly settings: PrinterSettings,
    private readonly link: Link,
    private readonly hooks: PrinterHooks,
  ) {
    if (settings.statusQuery && settings.pollMs > 0) {
      this.poller = setInterval(() => {
        if (!this.busy && this.link.connected) void this.pollStatus()
      }, settings.pollMs)
      this.poller.unref()
    }
  }

  /** After every (re)connection: learn the paper state straight away. */
  onConnected(): void {
    if (this.settings.statusQuery) void this.pollStatus()
    else this.hooks.report(null)
  }

  print(layout: TicketLayout): Promise<PrintResult> {
    this.tellReplaced(layout)
    return this.printBytes(encodeTicket(layout, this.settings.print))
  }

  /**
   * Says, once per text (a branch or service name, mostly), which of its characters a GBK-only
   * printer prints as '?' (`forPrinter`): the ticket still prints, and whoever reads the log
   * can rename the service or set up a GB18030 printer.
   */
  private tellReplaced(layout: TicketLayout): void {
    const { charset } = this.settings.print
    if (charset === 'gb18030') return
    for (const text of layoutTexts(layout)) {
      if (this.toldReplaced.has(text)) continue
      const { replaced } = forPrinter(text, charset)
      if (replaced.length === 0) continue
      this.toldReplaced.add(text)
      this.hooks.log(
        'warn',
        `prints "${text}" with '?' for ${replaced.join(' ')}: the printer is set to ${charset.toUpperCase()} (protocol.charset), which has no such character`,
        'printer.replacedCharacters',
      )
    }
  }

  async printBytes(bytes: Uint8Array): Promise<PrintResult> {
    const started = this.hooks.now()
    const { statusQuery, statusTimeoutMs, baudRate } = this.settings
    const wireMs = baudRate === null ? 0 : (bytes.length * 10 * 1000) / baudRate
    let sent = false
    let status: PrinterStatus | null = null
    this.busy = true
    try {
      await this.link.run('print', 2 * statusTimeoutMs * QUERIES.length + 3 * wireMs + 5000, async (io) => {
        if (statusQuery) {
          status = await this.query(io)
          const problem = printerProblem(status)
          if (problem !== null)
            throw new DeviceFault(problem, `the printer reports ${describe(problem)}; the ticket was not sent`)
        }
        await io.write(bytes)
        sent = true
        if (statusQuery) {
          // The request queues behind the ticket on the wire, so its answer can take that long more.
          status = await this.query(io, wireMs)
          if (status.paper === 'out') throw new DeviceFault('paperOut', 'the paper ran out while printing')
        }
      })
      this.hooks.report(null)
      return {
        ok: true,
        deviceId: this.settings.id,
        bytes: bytes.length,
        status,
        elapsedMs: this.hooks.now() - started,
      }
    } catch (e) {
      const problem = problemOf(e)
      // A lost or closed link is already the link's own status; the print still says why it failed.
      if (problem !== null) this.hooks.report(problem)
      const why: DeviceProblem = problem ?? {
        code: isLinkError(e, 'closed') ? 'disabled' : 'connectionLost',
        detail: errorText(e),
      }
      return { ok: false, deviceId: this.settings.id, problem: why, sent, status }
    } finally {
      this.busy = false
    }
  }

  /** One status round outside a print (poll, test button). */
  async pollStatus(): Promise<PrinterStatus | null> {
    try {
      const status = await this.link.run('status', 2 * this.settings.statusTimeoutMs * QUERIES.length + 1000, (io) =>
        this.query(io),
      )
      const problem = printerProblem(status)
      this.hooks.report(problem === null ? null : { code: problem, detail: `the printer reports ${describe(problem)}` })
      return status
    } catch (e) {
      const problem = problemOf(e)
      if (problem !== null) this.hooks.report(problem)
      return null
    }
  }

  close(): void {
    if (this.poller !== null) clearInterval(this.poller)
    this.poller = null
  }

  /**
   * `DLE EOT 1`, `2`, `4`, one at a time, each answer awaited; a silent printer fails the
   * first. `queuedMs` is how long the bytes already sent still need on the wire.
   */
  private async query(io: LinkIO, queuedMs = 0): Promise<PrinterStatus> {
    const bytes: Partial<Record<StatusRequest, number>> = {}
    for (const [i, which] of QUERIES.entries()) {
      try {
        const timeoutMs = this.settings.statusTimeoutMs + (i === 0 ? queuedMs : 0)
        const [answer] = await io.request(Uint8Array.from(statusRequest(which)), 1, timeoutMs, isStatusByte)
        if (answer !== undefined) bytes[which] = answer
      } catch (e) {
        if (isLinkError(e, 'noResponse')) {
          throw new DeviceFault(
            'noResponse',
            `the printer did not answer DLE EOT ${STATUS_REQUEST[which]} within ${this.settings.statusTimeoutMs} ms`,
          )
        }
        throw e
      }
    }
    const status = decodePrinterStatus(bytes)
    this.hooks.printerStatus(status)
    return status
  }
}

const describe = (problem: DeviceProblemCode): string =>
  problem === 'paperOut'
    ? 'paper out'
    : problem === 'coverOpen'
      ? 'its cover open'
      : problem === 'offline'
        ? 'it is offline'
        : 'an error'
