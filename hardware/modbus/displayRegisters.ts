import { encodeText, type TextEncoding } from '../text/encoding'
import { fitText, type Align } from '../text/fitText'

/**
 * Where an LED-485 module keeps what it shows. There is no standard map: these come from the
 * module's manual (docs/hardware.md lists the defaults and how to read a vendor's table).
 */
export interface ModbusRegisterMap {
  /** First holding register of the text, two characters (bytes) a register, high byte first. */
  readonly text: number
  /** Characters (bytes) the module shows; a GB2312 glyph takes two. */
  readonly textLength: number
  /** 1 to blink, 0 to stay lit; null if the module cannot blink. */
  readonly blink: number | null
  /** Brightness level, written after each (re)connection; null if the module has none. */
  readonly brightness: number | null
}

/**
 * The register values that show a text: fitted to the module's width, padded with spaces,
 * packed two bytes a register.
 *
 * @example
 * textRegisterValues('A023>3', { text: 0, textLength: 8, blink: null, brightness: null }, 'ascii', 'left')
 * //=> [0x4130, 0x3233, 0x3e33, 0x2020]
 */
export function textRegisterValues(
  text: string,
  map: ModbusRegisterMap,
  encoding: TextEncoding,
  align: Align,
): number[] {
  const fitted = fitText(text, map.textLength, { encoding, align, keep: 'start' })
  const bytes = encodeText(fitted, encoding)
  const values: number[] = []
  for (let i = 0; i < bytes.length; i += 2) values.push(((bytes[i] ?? 0x20) << 8) | (bytes[i + 1] ?? 0x20))
  return values
}
