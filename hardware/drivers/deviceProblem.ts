import { isLinkError } from '../link/linkError'
import { errorText } from '../../shared/util/errorText'

/** Why a device is not working, as a code the manager screen translates and a detail for the log. */
export type DeviceProblemCode =
  /** The port is being opened (first start, or after a failure). */
  | 'connecting'
  /** The port cannot be opened: no such device, in use, permission denied. */
  | 'cannotOpen'
  /** The connection went away: unplugged, powered off, socket reset. */
  | 'connectionLost'
  /** The device does not answer (a printer's status request, a Modbus module's write). */
  | 'noResponse'
  /** The device answered with an error (a Modbus exception, a malformed reply). */
  | 'rejected'
  /** The operating system refused a write. */
  | 'writeFailed'
  /** The port stopped taking data; it was closed and is being reopened. */
  | 'portStuck'
  | 'paperOut'
  | 'coverOpen'
  | 'offline'
  | 'printerError'
  /** A card reader sent something that is not a card read (noise, over-long, cut off, a failed swipe). */
  | 'badRead'
  /** Switched off in the configuration (`enabled: false`). */
  | 'disabled'

export interface DeviceProblem {
  readonly code: DeviceProblemCode
  readonly detail: string
}

/** A failure a driver raises with its problem code. */
export class DeviceFault extends Error {
  constructor(
    readonly code: DeviceProblemCode,
    message: string,
  ) {
    super(message)
    this.name = 'DeviceFault'
  }
}

/**
 * The device problem a failed job means; null for a lost connection, which the link's own
 * status already reports.
 *
 * @example
 * problemOf(new DeviceFault('noResponse', 'no answer from address 3')) //=> { code: 'noResponse', detail: 'no answer from address 3' }
 */
export function problemOf(e: unknown): DeviceProblem | null {
  if (e instanceof DeviceFault) return { code: e.code, detail: e.message }
  if (isLinkError(e)) {
    switch (e.code) {
      case 'disconnected':
      case 'closed':
        return null
      case 'noResponse':
        return { code: 'noResponse', detail: e.message }
      case 'writeFailed':
        return { code: 'writeFailed', detail: e.message }
      case 'jobTimeout':
        return { code: 'portStuck', detail: e.message }
    }
  }
  return { code: 'rejected', detail: errorText(e) }
}
