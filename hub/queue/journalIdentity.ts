import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { Type } from 'typebox'
import { Compile } from 'typebox/compile'
import { ensureDurableDir } from '../persistence/durableDir'
import { DurableJsonFile } from '../persistence/durableJsonFile'
import type { FileSystem } from '../persistence/fileSystem'
import { errorText } from '../../shared/util/errorText'

/** The identity file, in the journal folder beside the journals it names. */
export const IDENTITY_FILE = 'identity.json'

const IdentityFileSchema = Type.Union([
  /** The hub is running under `running`: a start that finds this, the last run did not stop cleanly. */
  Type.Object({ version: Type.Literal(1), running: Type.String() }, { additionalProperties: false }),
  /** The run `id` stopped cleanly with its journal ending at `lastSeq`. */
  Type.Object(
    { version: Type.Literal(1), stopped: Type.Object({ id: Type.String(), lastSeq: Type.Integer() }) },
    { additionalProperties: false },
  ),
])
const check = Compile(IdentityFileSchema)

/**
 * Which history a seq belongs to. Seqs alone do not say it: after a power cut the journal can
 * lose its last few events (a disk that acknowledged a sync it had not done, a damaged last line
 * moved aside), and the restarted hub numbers its new events with those same seqs. So each run
 * of the hub has a fresh id, given to terminals with every snapshot and resync, and a position
 * is an (id, seq) pair.
 *
 * A run that stopped cleanly hands its history on whole: the next run also takes positions of
 * that id up to the seq it stopped at (so a clean restart resyncs terminals with the events
 * they missed, calls announced, not a snapshot) — but only when the journal it replays ends at
 * exactly that seq. A crash, a power cut, or a data folder restored from a backup gives
 * terminals a snapshot instead.
 */
export class JournalIdentity {
  private constructor(
    private readonly file: DurableJsonFile<unknown>,
    /** This run's id. */
    readonly id: string,
    /** The run before, when it stopped cleanly where this one's replay ends. */
    readonly previous: { readonly id: string; readonly lastSeq: number } | null,
  ) {}

  /**
   * Reads what the last run left (a damaged or unknown file counts as an unclean stop: the
   * cost is one snapshot per terminal) and marks this run as running before any event is
   * committed under it.
   */
  static async open(
    fs: FileSystem,
    dir: string,
    replayedLastSeq: number,
    onError: (message: string) => void,
  ): Promise<JournalIdentity> {
    const file = new DurableJsonFile<unknown>(fs, join(dir, IDENTITY_FILE))
    let found: unknown
    try {
      found = (await file.readJson())?.value ?? null
    } catch {
      found = null
    }
    const stopped = check.Check(found) && 'stopped' in found ? found.stopped : null
    const previous = stopped !== null && stopped.lastSeq === replayedLastSeq ? stopped : null
    const identity = new JournalIdentity(file, randomUUID(), previous)
    try {
      await ensureDurableDir(fs, dir)
      await file.write({ version: 1, running: identity.id })
    } catch (e) {
      // Not a reason to refuse the branch its queue (a full disk): a clean stop the file may
      // still name is only taken up to the seq it stopped at, and only while the journal ends
      // there — that history is whole, whatever this run adds after it.
      onError(`${file.path} could not be written (${errorText(e)}); terminals may take a snapshot after the next start`)
    }
    return identity
  }

  /**
   * The one decision on a terminal's (or a reader's) position: whether the events this hub
   * holds up to `seq` are the very ones the position's holder has. False means take a snapshot.
   */
  holds(journal: string | null, seq: number): boolean {
    if (journal === this.id) return true
    return this.previous !== null && journal === this.previous.id && seq <= this.previous.lastSeq
  }

  /**
   * After the journal is closed: this run's history is whole up to `lastSeq`. A failed write
   * leaves the run marked as running, and only costs each terminal a snapshot after the next
   * start: it is reported, never thrown into the hub's stop.
   */
  async stopped(lastSeq: number, onError: (message: string) => void): Promise<void> {
    try {
      await this.file.write({ version: 1, stopped: { id: this.id, lastSeq } })
    } catch (e) {
      onError(
        `${this.file.path} could not be written at stop (${errorText(e)}); terminals take a snapshot after the next start`,
      )
    }
  }
}
