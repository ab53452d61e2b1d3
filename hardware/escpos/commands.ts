/**
 * Exactly the ESC/POS commands branch-lobby sends, as byte builders (Epson "ESC/POS Command
 * Reference", TM-T88 / TM-T20 family; the Chinese 80 mm printers we target implement the same
 * codes). Each returns a fresh array so callers can concatenate without aliasing.
 */

const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c
const DLE = 0x10
const EOT = 0x04
export const LF = 0x0a

/** `ESC @`: clears the print buffer and resets modes, so a half-sent ticket cannot leak into the next. */
export const initialize = (): number[] => [ESC, 0x40]

/** `ESC t n`: character code table for single-byte text (0 = PC437). */
export const selectCodePage = (n: number): number[] => [ESC, 0x74, n]

export const ALIGN = { left: 0, center: 1, right: 2 } as const
/** `ESC a n`: justification of the lines that follow. */
export const justify = (align: keyof typeof ALIGN): number[] => [ESC, 0x61, ALIGN[align]]

/** `ESC E n`: emphasised (bold) on or off. */
export const emphasize = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0]

/**
 * `GS ! n`: character size, 1–8 times wide and high. It applies to Kanji as well as to
 * alphanumerics, so one command sizes the whole number line.
 */
export const characterSize = (width: number, height: number): number[] => [
  GS,
  0x21,
  ((clampScale(width) - 1) << 4) | (clampScale(height) - 1),
]

const clampScale = (n: number): number => Math.min(8, Math.max(1, Math.round(n)))

/** `FS &`: Kanji mode on; double-byte text is then read in the printer's Chinese code (GB18030/GBK). */
export const kanjiOn = (): number[] => [FS, 0x26]
/** `FS .`: Kanji mode off; single bytes are read in the code page again. */
export const kanjiOff = (): number[] => [FS, 0x2e]

/** `ESC d n`: print and feed n lines. */
export const feedLines = (n: number): number[] => [ESC, 0x64, n]

export const QR_ERROR_CORRECTION = { L: 48, M: 49, Q: 50, H: 51 } as const
export type QrErrorCorrection = keyof typeof QR_ERROR_CORRECTION

/** `GS ( k`: a 2D-code function; pL pH count the bytes after themselves (cn, fn and the parameters). */
const qrFunction = (fn: number, params: readonly number[]): number[] => {
  const n = params.length + 2
  return [GS, 0x28, 0x6b, n & 0xff, n >> 8, 0x31, fn, ...params]
}

/**
 * A native QR code, printed by the printer's own QR generator (a few dozen bytes where a
 * raster image would be several kilobytes): `GS ( k` functions 165 (model 2), 167 (module
 * size), 169 (error correction), 180 (store the data), 181 (print).
 *
 * @example
 * qrCode([0x41], 6, 'M').length //=> 42
 */
export const qrCode = (data: Uint8Array | readonly number[], moduleSize: number, ec: QrErrorCorrection): number[] => [
  ...qrFunction(0x41, [0x32, 0x00]),
  ...qrFunction(0x43, [Math.min(16, Math.max(1, moduleSize))]),
  ...qrFunction(0x45, [QR_ERROR_CORRECTION[ec]]),
  ...qrFunction(0x50, [0x30, ...data]),
  ...qrFunction(0x51, [0x30]),
]

/** `GS V 66 n`: feed to the cutter (plus n motion units) and cut, leaving a hinge (partial cut). */
export const partialCut = (feed = 0): number[] => [GS, 0x56, 0x42, feed]
/** `GS V 65 n`: feed and cut through. */
export const fullCut = (feed = 0): number[] => [GS, 0x56, 0x41, feed]

/** The three real-time status requests we use (`DLE EOT n`). */
export const STATUS_REQUEST = { printer: 1, offlineCause: 2, paperSensor: 4 } as const
export type StatusRequest = keyof typeof STATUS_REQUEST

/** `DLE EOT n`: answered at once with one status byte, even while the printer is busy or offline. */
export const statusRequest = (which: StatusRequest): number[] => [DLE, EOT, STATUS_REQUEST[which]]
