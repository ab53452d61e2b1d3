import type { CounterAction } from './counterActions'

/** A keyboard shortcut of the counter screen. `pauseResume` is one key for both directions. */
export type ShortcutAction = Exclude<CounterAction, 'pause' | 'resume'> | 'pauseResume'

export interface Shortcut {
  readonly action: ShortcutAction
  /** `KeyboardEvent.code`: the physical key, whatever the keyboard layout or input method. */
  readonly code: string
  readonly alt: boolean
  /** As written on the keycap and in `aria-keyshortcuts`. */
  readonly label: string
}

const fn = (action: ShortcutAction, n: number): Shortcut => ({ action, code: `F${n}`, alt: false, label: `F${n}` })
const alt = (action: ShortcutAction, letter: string): Shortcut => ({
  action,
  code: `Key${letter}`,
  alt: true,
  label: `Alt+${letter}`,
})

/**
 * The teller's keys. Function keys for the customer flow, in the order a transaction runs
 * (call, recall, arrived, complete, then the exceptions), so a hand on the keyboard learns them
 * left to right; Alt + a letter for the counter itself, which is rarer and must not be hit by
 * accident. Counter PCs run the screen in the Electron shell, where no browser owns F1–F10.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  fn('callNext', 1),
  fn('recall', 2),
  fn('start', 3),
  fn('complete', 4),
  fn('noShow', 5),
  fn('transfer', 6),
  fn('park', 7),
  fn('callTicket', 8),
  fn('resumeParked', 9),
  fn('explain', 10),
  // One more transaction for the customer at the counter: one key, no chord (it happens often).
  { action: 'addTransaction', code: 'Insert', alt: false, label: 'Ins' },
  alt('open', 'O'),
  alt('pauseResume', 'P'),
  alt('close', 'C'),
  alt('signOut', 'Q'),
]

/** The parts of a key event a shortcut depends on. */
export interface KeyPress {
  readonly code: string
  readonly altKey: boolean
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
}

/**
 * The shortcut a key press means, if any. Exact modifiers only: Ctrl+F4 or Shift+F10 belong to
 * the system, not to us.
 *
 * @example
 * shortcutOf({ code: 'F3', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false })?.action //=> 'start'
 */
export function shortcutOf(e: KeyPress): Shortcut | undefined {
  if (e.ctrlKey || e.metaKey || e.shiftKey) return undefined
  return SHORTCUTS.find((s) => s.code === e.code && s.alt === e.altKey)
}

/** The label of an action's key, for buttons and the legend. */
export function keyOf(action: ShortcutAction): string {
  return SHORTCUTS.find((s) => s.action === action)?.label ?? ''
}

/**
 * The score 1–5 a digit key gives while the rating step is shown (top row or keypad).
 *
 * @example
 * ratingKey('Numpad4') //=> 4
 */
export function ratingKey(code: string): number | null {
  const m = /^(?:Digit|Numpad)([1-5])$/.exec(code)
  return m === null ? null : Number(m[1])
}
