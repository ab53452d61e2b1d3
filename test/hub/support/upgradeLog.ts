import type { UpgradeLog } from '../../../hub/persistence/storeFile'

/** An upgrade log that keeps what it was told, for a test to read (or to ignore, where no file is old). */
export class UpgradeLines implements UpgradeLog {
  readonly lines: { readonly fields: Record<string, unknown>; readonly message: string }[] = []

  info(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ fields, message })
  }
}
