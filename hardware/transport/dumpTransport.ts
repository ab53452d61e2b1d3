import type { Transport } from './transport'

/**
 * No hardware: every write is handed to `sink` (the supervisor logs it as hex), nothing is ever
 * received. For a dry run or a demo without devices; a printer on it skips status queries.
 */
export class DumpTransport implements Transport {
  readonly description = 'dump (no hardware)'

  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  open(): Promise<void> {
    return Promise.resolve()
  }

  write(bytes: Uint8Array): Promise<void> {
    this.sink(bytes)
    return Promise.resolve()
  }

  close(): Promise<void> {
    return Promise.resolve()
  }
}
