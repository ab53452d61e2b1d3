import type { Framing } from './framing'

/**
 * `01 ADDR BLINK D1 D2 D3 07`: the 3-digit counter boards (窗口屏) of many Chinese and
 * open-source queue systems. BLINK is 0 (steady) or 1 (blinking); the digits are ASCII, so
 * "A023" shows as "023". Write-only: the boards never answer.
 */
export const COUNTER_BOARD: Framing = {
  fields: [
    { kind: 'bytes', bytes: [0x01] },
    { kind: 'address' },
    { kind: 'command' },
    { kind: 'payload' },
    { kind: 'bytes', bytes: [0x07] },
  ],
  payload: { encoding: 'ascii', width: 3, align: 'right', keep: 'end' },
  commands: { show: 0x00, blink: 0x01, clear: null, ack: null, invite: null },
  keyCodeFrom: 'command',
}

/**
 * `FF 68 LEN LEN 68 ADDR FUNC DATA… CS 16`: the long frame of caller keypads (呼叫器), rating
 * pads (评价器) and text boards. LEN counts ADDR, FUNC and DATA; CS is their sum mod 256. The
 * function codes below are our defaults; match them to the vendor's manual in the config.
 */
export const FF68: Framing = {
  fields: [
    { kind: 'bytes', bytes: [0xff, 0x68] },
    { kind: 'length', from: 'address', to: 'payload', width: 1, adjust: 0 },
    { kind: 'length', from: 'address', to: 'payload', width: 1, adjust: 0 },
    { kind: 'bytes', bytes: [0x68] },
    { kind: 'address' },
    { kind: 'command' },
    { kind: 'payload' },
    { kind: 'checksum', type: 'sum8', from: 'address', to: 'payload' },
    { kind: 'bytes', bytes: [0x16] },
  ],
  payload: { encoding: 'gb18030', width: null, align: 'left', keep: 'end' },
  commands: { show: 0x01, blink: 0x02, clear: 0x03, ack: 0x06, invite: 0x04 },
  keyCodeFrom: 'command',
}

export const FRAMING_PRESETS = { counterBoard: COUNTER_BOARD, ff68: FF68 } as const
export type FramingPresetName = keyof typeof FRAMING_PRESETS

/** Default caller-keypad key codes of the `ff68` preset (FUNC byte of the keypad's frame). */
export const DEFAULT_CALLER_KEYS = [
  { code: 0x11, action: 'callNext' },
  { code: 0x12, action: 'recall' },
  { code: 0x13, action: 'start' },
  { code: 0x14, action: 'finish' },
  { code: 0x15, action: 'noShow' },
  { code: 0x16, action: 'transfer' },
  { code: 0x17, action: 'pause' },
] as const

/** Default rating-pad key codes: 0x21 (dissatisfied, 1) … 0x25 (very satisfied, 5). */
export const DEFAULT_RATING_KEYS = [
  { code: 0x21, score: 1 },
  { code: 0x22, score: 2 },
  { code: 0x23, score: 3 },
  { code: 0x24, score: 4 },
  { code: 0x25, score: 5 },
] as const
