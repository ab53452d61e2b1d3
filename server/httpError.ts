import type { ApiError } from '../shared/api/views'

/** What a refusal may say beside its words: where to resync from, the versions that disagree, when check-in opens. */
export type RefusalFacts = Pick<ApiError, 'resyncFrom' | 'protocol' | 'checkInFrom'>

/** A refusal with its HTTP status and a stable code: the error handler answers it as `ApiError` JSON. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly facts: RefusalFacts = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}
