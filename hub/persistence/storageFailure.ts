import { errorCode } from './fileSystem'
import { JournalBrokenError } from './journal'

/** How the hub answers a request whose change the disk refused to keep. */
export interface StorageFailure {
  readonly statusCode: 503 | 507
  readonly code: 'diskFull' | 'diskFailed' | 'journalBroken'
  readonly message: string
}

/**
 * The answer to a failed write or sync, or null when `e` is not one. The journal cuts a failed
 * append back out and the JSON files change only after a successful write, so a refused
 * request changed nothing; the message says so, and what to do.
 *
 * @example
 * storageFailure(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
 * //=> { statusCode: 507, code: 'diskFull', message: "The hub's disk is full: …" }
 */
export function storageFailure(e: unknown): StorageFailure | null {
  if (e instanceof JournalBrokenError) {
    return { statusCode: 503, code: 'journalBroken', message: `The hub cannot keep its journal: ${e.message}` }
  }
  const code = errorCode(e)
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return {
      statusCode: 507,
      code: 'diskFull',
      message: `The hub's disk is full (${code}): this was not saved, and nothing was changed. Free space on the hub PC's disk, then try again.`,
    }
  }
  if (code === 'EIO' || code === 'EROFS') {
    return {
      statusCode: 503,
      code: 'diskFailed',
      message: `The hub could not write to its disk (${code}): this was not saved, and nothing was changed. Try again; if it keeps failing, check the hub PC's disk.`,
    }
  }
  return null
}
