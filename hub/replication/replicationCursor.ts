import { Type, type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { DurableJsonFile } from '../persistence/durableJsonFile'
import type { FileSystem } from '../persistence/fileSystem'
import { errorText } from '../../shared/util/errorText'

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

export function freshCursor(hqUrl: string): Cursor {
  return { version: 1, hqUrl, day: null, offset: 0, nextSeq: null, configHash: null, summaries: {}, feedback: {} }
}

export class CursorFile {
  private readonly file: DurableJsonFile<Cursor>

  constructor(fs: FileSystem, path: string) {
    this.file = new DurableJsonFile<Cursor>(fs, path)
  }

  /**
   * The saved cursor, or a fresh one when there is none, it is for another HQ, or it is not
   * valid (said through `onInvalid`: starting over only re-sends what HQ takes as repeats).
   */
  async load(hqUrl: string, onInvalid: (why: string) => void): Promise<Cursor> {
    let found: Cursor | null
    try {
      found = await this.file.read()
    } catch (e) {
      onInvalid(errorText(e))
      return freshCursor(hqUrl)
    }
    if (found === null) return freshCursor(hqUrl)
    if (!check.Check(found)) {
      onInvalid(`${this.file.path} is not a replication cursor; starting over`)
      return freshCursor(hqUrl)
    }
    return found.hqUrl === hqUrl ? found : freshCursor(hqUrl)
  }

  save(cursor: Cursor): Promise<void> {
    return this.file.write(cursor)
  }
}
