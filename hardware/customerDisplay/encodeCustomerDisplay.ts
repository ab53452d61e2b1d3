import { encodeText, type TextEncoding } from '../text/encoding'
import { fitText, type Align } from '../text/fitText'

/**
 * The ESC/POS customer-display command set (Epson DM-D110/DM-D210 and the many compatible
 * two-line VFD/LCD pole displays). Only what we use.
 */
const ESC = 0x1b
const US = 0x1f

/** How one customer display is set up. */
export interface CustomerDisplaySpec {
  readonly columns: number
  readonly rows: number
  readonly encoding: TextEncoding
  /** `US X n` brightness 1–4, or null to leave the display's own setting. */
  readonly brightness: number | null
}

/**
 * Sent after every (re)connection: `ESC @` (initialise), `US MD1` (overwrite mode, so
 * writing a line never scrolls the other), `US C 0` (cursor hidden), then the brightness.
 *
 * @example
 * customerDisplayInit({ columns: 20, rows: 2, encoding: 'cp437', brightness: null })
 * //=> Uint8Array [0x1b, 0x40, 0x1f, 0x01, 0x1f, 0x43, 0x00]
 */
export function customerDisplayInit(spec: CustomerDisplaySpec): Uint8Array {
  const bytes = [ESC, 0x40, US, 0x01, US, 0x43, 0x00]
  if (spec.brightness !== null) bytes.push(US, 0x58, Math.min(4, Math.max(1, spec.brightness)))
  return Uint8Array.from(bytes)
}

/**
 * Writes whole lines: for each row `US $ 1 y` (cursor to column 1 of row y) and the line padded
 * to the full width, so no stale characters remain; then `US E n` to blink (n × 50 ms on and
 * off) or to stay lit (n = 0).
 *
 * @example
 * customerDisplayLines(spec, ['A023', 'Counter 3'], 'center', false)
 */
export function customerDisplayLines(
  spec: CustomerDisplaySpec,
  lines: readonly string[],
  align: Align,
  blink: boolean,
): Uint8Array {
  const bytes: number[] = []
  for (let row = 0; row < spec.rows; row++) {
    const line = fitText(lines[row] ?? '', spec.columns, { encoding: spec.encoding, align, keep: 'start' })
    bytes.push(US, 0x24, 1, row + 1, ...encodeText(line, spec.encoding))
  }
  bytes.push(US, 0x45, blink ? 10 : 0)
  return Uint8Array.from(bytes)
}
