/** Why a job on a link did not complete. */
export type LinkErrorCode =
  /** The link is not connected (or lost its connection during the job). */
  | 'disconnected'
  /** The supervisor is shutting down. */
  | 'closed'
  /** The whole job overran its deadline: the port stopped taking data. */
  | 'jobTimeout'
  /** A read got no (or not enough) answer in time: the device is silent. */
  | 'noResponse'
  /** The operating system refused the write. */
  | 'writeFailed'

export class LinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'LinkError'
  }
}

export const isLinkError = (e: unknown, code?: LinkErrorCode): e is LinkError =>
  e instanceof LinkError && (code === undefined || e.code === code)
