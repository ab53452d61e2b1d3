/**
 * Something the hub found wrong in its files and repaired, that a person should know about.
 * The journal reports these through a `ProblemReporter`; the hub logs them (and shows them to
 * the manager). `message` is the whole story in one sentence or three: what happened, in which
 * file, where the removed bytes are kept, and what to do.
 */
export interface PersistenceProblem {
  /**
   * - `tornJournalLine`: the last line has no newline — its write was cut short (a power cut or
   *   a crash), so its command was never acknowledged.
   * - `damagedJournalLine`: the last line ends in a newline but cannot be read — written whole,
   *   so its command may have been acknowledged.
   */
  readonly kind: 'tornJournalLine' | 'damagedJournalLine'
  readonly file: string
  /** Where the removed bytes began in the file. */
  readonly offset: number
  readonly bytes: number
  /** The side file, next to the journal, that keeps the removed bytes. */
  readonly keptIn: string
  readonly message: string
}

export type ProblemReporter = (problem: PersistenceProblem) => void

/** The problem report for a last journal line moved out of the way. */
export function damagedTailProblem(
  kind: PersistenceProblem['kind'],
  file: string,
  offset: number,
  bytes: number,
  keptIn: string,
): PersistenceProblem {
  const where = `${file}: the last line (${bytes} bytes from byte ${offset})`
  const message =
    kind === 'tornJournalLine'
      ? `${where} was cut short: the hub stopped (a power cut or a crash) while writing it, before its command was acknowledged, so nothing acknowledged is lost. It was removed from the journal and kept in ${keptIn}. Nothing needs doing; if this happens often, check the hub PC's power supply and how it is shut down.`
      : `${where} was written whole but cannot be read, so its command may have been acknowledged and is now missing from the day. It was removed from the journal so the hub could start, and kept in ${keptIn}. Compare the queue with the last tickets issued and calls made, keep that file for support, and check the hub PC's disk.`
  return { kind, file, offset, bytes, keptIn, message }
}
