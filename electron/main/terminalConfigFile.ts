import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { newerTerminalFormat } from '../../shared/desktop/parseTerminalConfig'
import type { TerminalConfig } from '../../shared/desktop/terminalConfig'
import type { ConfigFileRead } from './startupPlan'
import { withoutBom } from '../../shared/util/withoutBom'

/**
 * Reads `terminal.json`: missing, unreadable (with the reason in words), or found as JSON still
 * to be validated.
 */
export function readTerminalConfigFile(path: string): ConfigFileRead {
  if (!existsSync(path)) return { kind: 'missing' }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return { kind: 'unreadable', error: `cannot read ${path}: ${(error as Error).message}` }
  }
  try {
    return { kind: 'found', json: JSON.parse(withoutBom(text)) as unknown }
  } catch (error) {
    return { kind: 'unreadable', error: `${path} is not valid JSON: ${(error as Error).message}` }
  }
}

/**
 * The format of `terminal.json` as it is on disk now, when a newer release wrote it; null when
 * there is no file, it is this release's, or it is broken (setup may replace a broken one).
 */
export function newerFormatOnDisk(path: string): number | null {
  const read = readTerminalConfigFile(path)
  return read.kind === 'found' ? newerTerminalFormat(read.json) : null
}

/**
 * Writes `terminal.json` so a power cut never leaves half a file: the new content goes to a
 * temporary file that is flushed and renamed over the old one. The previous file is kept as
 * `terminal.json.bak`, the manager's undo. (A BOM written by Notepad is accepted on reading.)
 * A file a newer release wrote is never replaced: it is looked for here, with nothing awaited
 * between the look and the replace, and its format answered instead (nothing written).
 */
export function writeTerminalConfigFile(
  path: string,
  config: TerminalConfig,
): { readonly written: true } | { readonly written: false; readonly newerFormat: number } {
  const newer = newerFormatOnDisk(path)
  if (newer !== null) return { written: false, newerFormat: newer }
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.tmp`
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { encoding: 'utf8', flush: true })
  if (existsSync(path)) copyFileSync(path, `${path}.bak`)
  renameSync(temporary, path)
  return { written: true }
}
