/** A refusal with its HTTP status and a stable code; HQ's error handler answers it as `ApiError` JSON. */
export class HqHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'HqHttpError'
  }
}
