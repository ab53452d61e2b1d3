/**
 * The way out of a locked kiosk or display window, and the keys a locked window swallows.
 *
 * Two triggers, both seen by main (not by the page, which may be frozen or not loaded):
 * - on a keyboard: Ctrl+Alt+Shift+K, then the manager's exit PIN typed blind and Enter. Main
 *   captures the digits itself, so this works while the hub is down or the page hangs;
 * - on the touch screen: five taps in the top-left corner within four seconds. Main then asks
 *   the page to show its PIN pad (`onKioskExitRequested`), and the page sends the PIN back.
 */

/** A key event as `before-input-event` reports it. */
export interface KeyPress {
  readonly type: string
  readonly key: string
  readonly control: boolean
  readonly alt: boolean
  readonly shift: boolean
  readonly meta: boolean
}

export type ExitKeyState =
  { readonly kind: 'idle' } | { readonly kind: 'capturing'; readonly digits: string; readonly since: number }

export type ExitKeyEvent = 'started' | 'cancelled' | { readonly submit: string }

export interface ExitKeyStep {
  readonly state: ExitKeyState
  /** Keep the key from the page. */
  readonly consume: boolean
  readonly event?: ExitKeyEvent
}

export const IDLE: ExitKeyState = { kind: 'idle' }
/** A PIN must be typed within this time after the chord. */
export const CAPTURE_TIMEOUT_MS = 30_000
const MAX_PIN_LENGTH = 8

/**
 * Whether a key press is the exit chord, Ctrl+Alt+Shift+K.
 *
 * @example
 * isExitChord({ type: 'keyDown', key: 'K', control: true, alt: true, shift: true, meta: false }) //=> true
 */
export function isExitChord(press: KeyPress): boolean {
  return isDown(press) && press.key.toLowerCase() === 'k' && press.control && press.alt && press.shift
}

/**
 * One key through the exit-PIN capture. While capturing, every key is kept from the page;
 * digits build the PIN, Backspace removes one, Enter submits, Escape (or thirty seconds)
 * cancels.
 *
 * @example
 * let s = onExitKey(IDLE, chord, 0).state          // capturing
 * s = onExitKey(s, key('1'), 1).state ...           // digits '1', '2', '3', '4'
 * onExitKey(s, key('Enter'), 5).event               //=> { submit: '1234' }
 */
export function onExitKey(state: ExitKeyState, press: KeyPress, now: number): ExitKeyStep {
  const current = state.kind === 'capturing' && now - state.since > CAPTURE_TIMEOUT_MS ? IDLE : state
  const timedOut = current !== state
  if (current.kind === 'idle') {
    if (isExitChord(press))
      return { state: { kind: 'capturing', digits: '', since: now }, consume: true, event: 'started' }
    return timedOut ? { state: IDLE, consume: false, event: 'cancelled' } : { state: IDLE, consume: false }
  }
  if (!isDown(press)) return { state: current, consume: true }
  if (/^[0-9]$/.test(press.key)) {
    const digits = (current.digits + press.key).slice(0, MAX_PIN_LENGTH)
    return { state: { ...current, digits }, consume: true }
  }
  if (press.key === 'Backspace') return { state: { ...current, digits: current.digits.slice(0, -1) }, consume: true }
  if (press.key === 'Enter') return { state: IDLE, consume: true, event: { submit: current.digits } }
  if (press.key === 'Escape') return { state: IDLE, consume: true, event: 'cancelled' }
  return { state: current, consume: true }
}

/**
 * Keys a locked window keeps from the page: any shortcut with Ctrl, Alt or Meta (zoom, reload,
 * print, close, developer tools) and the function keys. Plain typing reaches the page (a kiosk
 * form may take a phone number).
 *
 * @example
 * isBlockedInLockedWindow({ type: 'keyDown', key: '+', control: true, alt: false, shift: false, meta: false }) //=> true
 * isBlockedInLockedWindow({ type: 'keyDown', key: '5', control: false, alt: false, shift: false, meta: false }) //=> false
 */
export function isBlockedInLockedWindow(press: KeyPress): boolean {
  return press.control || press.alt || press.meta || /^F[0-9]{1,2}$/.test(press.key)
}

/** How close to the top-left corner (CSS pixels) a tap counts, how many, and how fast. */
export const CORNER_SIZE_PX = 80
export const CORNER_TAPS = 5
export const CORNER_WINDOW_MS = 4_000

/**
 * One tap (or click) on a locked window through the corner gesture: taps in the top-left
 * corner accumulate, a tap anywhere else starts over, taps older than four seconds are dropped.
 * The fifth corner tap in time triggers and starts over.
 *
 * @example
 * let taps: readonly number[] = []
 * for (const t of [0, 300, 600, 900]) taps = onCornerTap(taps, { x: 10, y: 10 }, t).taps
 * onCornerTap(taps, { x: 10, y: 10 }, 1200).triggered //=> true
 */
export function onCornerTap(
  taps: readonly number[],
  point: { readonly x: number; readonly y: number },
  now: number,
): { readonly taps: readonly number[]; readonly triggered: boolean } {
  if (point.x > CORNER_SIZE_PX || point.y > CORNER_SIZE_PX || point.x < 0 || point.y < 0) {
    return { taps: [], triggered: false }
  }
  const recent = [...taps.filter((t) => now - t <= CORNER_WINDOW_MS), now]
  if (recent.length >= CORNER_TAPS) return { taps: [], triggered: true }
  return { taps: recent, triggered: false }
}

function isDown(press: KeyPress): boolean {
  return press.type === 'keyDown' || press.type === 'rawKeyDown'
}
