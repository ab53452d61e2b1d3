/**
 * The few file operations the hub's persistence needs: the journal, the JSON files (branch,
 * security, history, feedback) and the data folder go through this and nothing else. In
 * production it is the operating system's (`nodeFileSystem`); the crash tests give the hub one
 * that records every call and builds the states a power cut could leave, and fails chosen
 * calls with `ENOSPC` or `EIO`.
 *
 * Errors are Node's: an `Error` with a `code` (`ENOENT`, `EEXIST`, `ENOSPC`, `EIO`, …).
 *
 * What is durable when (the model the hub is written to, and the crash tests check):
 * - data written to a file is durable once `sync` or `datasync` on it has resolved;
 * - a new name in a folder (a created file, a made folder, a rename, a removal) is durable
 *   once `syncDir` on that folder has resolved — `sync` on the file does not make its name
 *   durable;
 * - nothing else is promised: unsynced writes may be lost, cut short, or reach the disk in
 *   another order.
 */
export interface FileSystem {
  /** The whole file. */
  readFile(path: string): Promise<Buffer>
  /** The names in a folder. */
  readdir(path: string): Promise<string[]>
  exists(path: string): Promise<boolean>
  /** Makes one folder (its parent must exist); `EEXIST` if the name is taken. */
  mkdir(path: string): Promise<void>
  open(path: string, mode: OpenMode): Promise<FileHandle>
  /** Replaces `to` (if any) with `from` in one step. */
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** Makes the names in a folder durable (see above). */
  syncDir(path: string): Promise<void>
}

/**
 * - `append`: writes go to the end; created if missing (a journal).
 * - `overwrite`: created if missing, emptied if not; writes from the start (a temp file).
 * - `createNew`: like `overwrite`, but `EEXIST` if the file exists (a side file).
 * - `createPrivate`: like `createNew`, readable and writable by its owner only (a private key;
 *   on Windows the data folder's own per-user permissions do this).
 * - `update`: an existing file, for `truncate` (a repair).
 * - `read`: an existing file, for `readAt` (the shipper reading a journal a window at a time).
 */
export type OpenMode = 'append' | 'overwrite' | 'createNew' | 'createPrivate' | 'update' | 'read'

export interface FileHandle {
  /** Writes all of `data` at the handle's position (the end, in `append` mode). */
  write(data: Uint8Array): Promise<void>
  /** Makes the file's data (and its length) durable. */
  datasync(): Promise<void>
  /** Makes the file's data and metadata durable (not its name: see `syncDir`). */
  sync(): Promise<void>
  truncate(length: number): Promise<void>
  /** The file's length now. */
  size(): Promise<number>
  /** Up to `length` bytes from `position`; fewer at the end of the file. */
  readAt(position: number, length: number): Promise<Buffer>
  close(): Promise<void>
}

/** True for a "no such file or folder" error. */
export function isNotFound(e: unknown): boolean {
  return errorCode(e) === 'ENOENT'
}

/** The `code` of a Node file-system error, if it has one. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined
  const code = (e as { code: unknown }).code
  return typeof code === 'string' ? code : undefined
}
