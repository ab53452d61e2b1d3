// pino-roll ships no types; this is the part of its API the hub uses (its README, "build(options)").
declare module 'pino-roll' {
  interface PinoRollOptions {
    readonly file: string
    readonly size?: string | number
    readonly frequency?: 'daily' | 'hourly' | number
    readonly extension?: string
    readonly dateFormat?: string
    readonly limit?: { readonly count?: number; readonly removeOtherLogFiles?: boolean }
    readonly mkdir?: boolean
    readonly sync?: boolean
  }

  /** The SonicBoom stream it answers, as far as the hub uses it. */
  export interface RollingFile {
    /** The file being written now. */
    readonly file: string
    /** -1 until the file is open. */
    readonly fd: number
    write(chunk: string): boolean
    end(): void
    on(event: 'error', listener: (error: Error) => void): this
    once(event: 'close' | 'ready', listener: () => void): this
    once(event: 'error', listener: (error: Error) => void): this
    /** Its 'close' is what stops pino-roll's roll timer (a file that never opened never emits it). */
    emit(event: 'close'): boolean
  }

  /** A stream writing to `file.<date>.<n><extension>`, rolled by date and size. */
  export default function pinoRoll(options: PinoRollOptions): Promise<RollingFile>
}
