/**
 * One configurable framing for the addressed serial protocols of counter boards, caller keypads
 * and rating pads. A frame is a list of fields in wire order; presets (`presets.ts`) cover the
 * common vendors, and a branch can describe its own from the vendor's manual (docs/hardware.md).
 */

/** The named parts of a frame that a length or checksum field can span. */
export const FIELD_REFS = ['start', 'address', 'command', 'length', 'payload'] as const
export type FieldRef = (typeof FIELD_REFS)[number]

export const CHECKSUM_TYPES = ['sum8', 'xor8', 'crc16modbus'] as const
export type ChecksumType = (typeof CHECKSUM_TYPES)[number]

export type FrameField =
  /** Fixed bytes: a start marker, a separator, an end marker. */
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] }
  /** The bus address of the device (one byte). */
  | { readonly kind: 'address' }
  /** Command or function code (one byte): show, blink, a key code ... */
  | { readonly kind: 'command' }
  /** The data: text to show, or what a keypad sends with a key. */
  | { readonly kind: 'payload' }
  /**
   * The byte count of the fields `from` … `to` (inclusive) plus `adjust`, big-endian when two
   * bytes wide. A frame may repeat it (`68 L L 68`): every copy must agree.
   */
  | {
      readonly kind: 'length'
      readonly from: FieldRef
      readonly to: FieldRef
      readonly width: 1 | 2
      readonly adjust: number
    }
  /** A checksum over the fields `from` … `to` (inclusive); crc16modbus is two bytes, low byte first. */
  | { readonly kind: 'checksum'; readonly type: ChecksumType; readonly from: FieldRef; readonly to: FieldRef }

export const PAYLOAD_ENCODINGS = ['ascii', 'cp437', 'gb18030', 'bcd'] as const
export type PayloadEncoding = (typeof PAYLOAD_ENCODINGS)[number]

export interface PayloadFormat {
  /** Text in a character set, or `bcd`: two decimal digits a byte (number-only boards). */
  readonly encoding: PayloadEncoding
  /** A fixed payload size in bytes (text is fitted and padded to it), or null for variable. */
  readonly width: number | null
  readonly align: 'left' | 'center' | 'right'
  /** Which end of a too-long text to keep: a 3-digit board shows "023" of "A023". */
  readonly keep: 'start' | 'end'
}

/** Command codes for what we send; null where the device has no such command. */
export interface FrameCommands {
  readonly show: number
  readonly blink: number | null
  readonly clear: number | null
  /** Reply to every valid key frame, for keypads that repeat a key until it is acknowledged. */
  readonly ack: number | null
  /** Lights a rating pad's "please rate us" prompt. */
  readonly invite: number | null
}

export interface Framing {
  readonly fields: readonly FrameField[]
  readonly payload: PayloadFormat
  readonly commands: FrameCommands
  /** Where a keypad's key code is: the command byte, or the first payload byte. */
  readonly keyCodeFrom: 'command' | 'payload'
}

/** A decoded frame. */
export interface Frame {
  readonly address: number
  readonly command: number | null
  readonly payload: Uint8Array
}
