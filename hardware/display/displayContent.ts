/**
 * What the hub asks a counter's devices to show. The hub sends the current state, not a
 * sequence of changes: a display that was away shows the latest content when it is back.
 */
export type CounterContent =
  /** A ticket called to a counter: "A023 → 3". `caption` is a second line where there is one. */
  | { readonly kind: 'call'; readonly number: string; readonly counter?: number; readonly caption?: Caption }
  /** The counter is paused (the teller steps away): "暂停服务", or the display's configured text. */
  | { readonly kind: 'paused'; readonly text?: string }
  /** The counter is not open (no teller signed in, the day closed): "未开放", or the display's configured text. */
  | { readonly kind: 'closed'; readonly text?: string }
  /** Free text (a message from the manager, a self-test). */
  | { readonly kind: 'text'; readonly text: string; readonly caption?: Caption }
  | { readonly kind: 'blank' }

/**
 * The second line of a two-line display: one text, or the same words in several languages,
 * preferred first. A display shows the first its character set can show whole, so a Latin-only
 * pole display shows "Counter 3" where a Chinese one shows "请到 3 号窗口".
 */
export type Caption = string | readonly string[]

/** One entry of the lobby strip: the latest calls, newest first. */
export interface LobbyCall {
  readonly number: string
  readonly counter: number
}

/** Lines ready for a display, and whether they blink. */
export interface DisplayView {
  readonly lines: readonly string[]
  readonly blink: boolean
}

export const BLANK_VIEW: DisplayView = { lines: [''], blink: false }

export const sameView = (a: DisplayView | null, b: DisplayView | null): boolean =>
  a !== null &&
  b !== null &&
  a.blink === b.blink &&
  a.lines.length === b.lines.length &&
  a.lines.every((l, i) => l === b.lines[i])
