/**
 * A byte pipe to one device or bus: serial port, TCP socket, or a dump for dry runs. Drivers
 * know protocols and see only this; the link (`link/link.ts`) owns reconnection.
 *
 * Behaviour every implementation keeps:
 * - `open` resolves once bytes can flow, or rejects with the reason (no such port, refused).
 * - After `open`, `lost` is called at most once, when the connection ends without `close`
 *   (a USB adapter unplugged, a PTY killed, the printer's socket reset). It is not called
 *   for `close`.
 * - `write` resolves once the operating system has taken the bytes (they may still be on
 *   their way down the wire), and rejects on an I/O error; it never throws synchronously.
 *   A port that stops taking bytes leaves the promise pending: the link's job deadline
 *   catches that.
 * - `close` is idempotent and never rejects.
 */
export interface Transport {
  /** For logs and the manager screen: "/dev/ttyUSB0 @ 9600 baud". */
  readonly description: string
  open(events: TransportEvents): Promise<void>
  write(bytes: Uint8Array): Promise<void>
  close(): Promise<void>
}

export interface TransportEvents {
  readonly data: (bytes: Uint8Array) => void
  readonly lost: (reason: string) => void
}
