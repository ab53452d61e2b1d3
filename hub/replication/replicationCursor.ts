import { Type, type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { DurableJsonFile, JsonFileError } from '../persistence/durableJsonFile'
import type { FileSystem } from '../persistence/fileSystem'
import { NewerFormatError, readStoreFile, type UpgradeLog } from '../persistence/storeFile'
import { errorText } from '../../shared/util/errorText'
import { err, ok, type Result } from '../../shared/util/result'
import { storedFormat } from '../../shared/util/storedFormat'

/**
 * Where the shipper stands (`replication.json` in the data folder): the next journal line to
 * send (its day file and byte offset, and its seq), and the versions of the configuration,
 * daily summaries and feedback records HQ has acknowledged. Written, like every file of the
 * hub, by write + fsync + rename + fsync of the folder, after HQ acknowledged: a crash at any
 * moment makes the shipper send again what HQ may already have, never skip anything.
 */
const CursorSchema = Type.Object(
  {
    version: Type.Literal(1),
    /** The HQ this cursor is for: pointing the branch at another HQ starts over. */
    hqUrl: Type.String(),
    day: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]),
    offset: Type.Integer({ minimum: 0 }),
    nextSeq: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    configHash: Type.Union([Type.String(), Type.Null()]),
    summaries: Type.Record(Type.String(), Type.String()),
    feedback: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
)
export type Cursor = Static<typeof CursorSchema>
const check = Compile(CursorSchema)
/** The cursor's format (its `version`), read as every stored file of the hub is (`readStoreFile`). */
const CURSOR_FORMAT = storedFormat(1, [])

export function freshCursor(hqUrl: string): Cursor {
  return { version: 1, hqUrl, day: null, offset: 0, nextSeq: null, configHash: null, summaries: {}, feedback: {} }
}

export class CursorFile {
  private readonly file: DurableJsonFile<Cursor>

  constructor(fs: FileSystem, path: string) {
    this.file = new DurableJsonFile<Cursor>(fs, path)
  }

  /**
   * The saved cursor, read as every stored file of the hub is (`readStoreFile`), or a fresh one
   * when there is none, it is for another HQ, or it is damaged (said through `onInvalid`:
   * starting over only re-sends what HQ takes as repeats). A cursor of a newer format (a newer
   * release wrote it, then this one was installed back) is refused with why, and left as it is:
   * the shipper does not start on it, so nothing overwrites it.
   */
  async load(hqUrl: string, onInvalid: (why: string) => void, log: UpgradeLog): Promise<Result<Cursor, string>> {
    let found: Cursor | null
    try {
      found = await readStoreFile(
        this.file,
        CURSOR_FORMAT,
        (value) => {
          if (!check.Check(value)) throw new JsonFileError(this.file.path, 'is not a replication cursor')
        },
        log,
      )
    } catch (e) {
      if (e instanceof NewerFormatError) return err(e.message)
      onInvalid(`${errorText(e)}; starting over`)
      return ok(freshCursor(hqUrl))
    }
    if (found === null) return ok(freshCursor(hqUrl))
    return ok(found.hqUrl === hqUrl ? found : freshCursor(hqUrl))
  }

  save(cursor: Cursor): Promise<void> {
    return this.file.write(cursor)
  }
}
