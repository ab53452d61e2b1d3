import { describe, expect, it } from 'vitest'
import {
  CAPTURE_TIMEOUT_MS,
  IDLE,
  isBlockedInLockedWindow,
  isExitChord,
  onCornerTap,
  onExitKey,
  type ExitKeyState,
  type KeyPress,
} from '../../electron/main/exitGesture'

const key = (k: string, mods: Partial<KeyPress> = {}, type = 'keyDown'): KeyPress => ({
  type,
  key: k,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
})
const chord = key('K', { control: true, alt: true, shift: true })

/** Feeds keys through the capture, returning the events and what the page was kept from. */
function type(keys: readonly KeyPress[], start: ExitKeyState = IDLE, at = 0) {
  let state = start
  const events: unknown[] = []
  const consumed: boolean[] = []
  keys.forEach((k, i) => {
    const step = onExitKey(state, k, at + i)
    state = step.state
    if (step.event !== undefined) events.push(step.event)
    consumed.push(step.consume)
  })
  return { state, events, consumed }
}

describe('onExitKey', () => {
  it('captures the PIN typed after Ctrl+Alt+Shift+K and submits it on Enter', () => {
    const r = type([chord, key('2'), key('4'), key('6'), key('8'), key('Enter')])
    expect(r.events).toEqual(['started', { submit: '2468' }])
    expect(r.consumed.every(Boolean)).toBe(true)
    expect(r.state).toEqual(IDLE)
  })

  it('keeps the typed digits and other keys from the page while capturing', () => {
    const r = type([chord, key('1'), key('1', {}, 'keyUp'), key('a'), key('Tab'), key('2')])
    expect(r.consumed).toEqual([true, true, true, true, true, true])
    expect(r.state).toMatchObject({ kind: 'capturing', digits: '12' })
  })

  it('corrects with Backspace and cancels with Escape', () => {
    expect(type([chord, key('1'), key('9'), key('Backspace'), key('2'), key('Enter')]).events).toEqual([
      'started',
      { submit: '12' },
    ])
    expect(type([chord, key('1'), key('Escape'), key('2')]).events).toEqual(['started', 'cancelled'])
  })

  it('gives up thirty seconds after the chord and lets keys through again', () => {
    const started = onExitKey(IDLE, chord, 0).state
    const late = onExitKey(started, key('1'), CAPTURE_TIMEOUT_MS + 1)
    expect(late).toEqual({ state: IDLE, consume: false, event: 'cancelled' })
  })

  it('ignores ordinary typing when idle', () => {
    expect(type([key('1'), key('Enter'), key('k', { control: true })]).events).toEqual([])
  })

  it('recognises the chord in either letter case and only with all three modifiers', () => {
    expect(isExitChord(key('k', { control: true, alt: true, shift: true }))).toBe(true)
    expect(isExitChord(key('K', { control: true, alt: true }))).toBe(false)
    expect(isExitChord(key('K', { control: true, alt: true, shift: true }, 'keyUp'))).toBe(false)
  })
})

describe('isBlockedInLockedWindow', () => {
  it('blocks shortcuts and function keys, and lets plain typing through', () => {
    for (const k of [
      key('+', { control: true }),
      key('0', { control: true }),
      key('r', { control: true }),
      key('p', { control: true }),
      key('w', { control: true }),
      key('F4', { alt: true }),
      key('I', { control: true, shift: true }),
      key('F5'),
      key('F11'),
      key('F12'),
      key('Tab', { alt: true }),
      key('Meta', { meta: true }),
    ]) {
      expect(isBlockedInLockedWindow(k), JSON.stringify(k)).toBe(true)
    }
    for (const k of [key('5'), key('a'), key('A', { shift: true }), key('Backspace'), key('Enter'), key('F')]) {
      expect(isBlockedInLockedWindow(k), JSON.stringify(k)).toBe(false)
    }
  })
})

describe('onCornerTap', () => {
  const corner = { x: 20, y: 30 }

  it('triggers on the fifth tap in the top-left corner within four seconds', () => {
    let taps: readonly number[] = []
    const triggered: boolean[] = []
    for (const t of [0, 500, 1_000, 1_500, 2_000]) {
      const step = onCornerTap(taps, corner, t)
      taps = step.taps
      triggered.push(step.triggered)
    }
    expect(triggered).toEqual([false, false, false, false, true])
    expect(taps).toEqual([])
  })

  it('starts over after a tap elsewhere', () => {
    let taps: readonly number[] = []
    for (const t of [0, 100, 200, 300]) taps = onCornerTap(taps, corner, t).taps
    taps = onCornerTap(taps, { x: 500, y: 500 }, 400).taps
    expect(taps).toEqual([])
    expect(onCornerTap(taps, corner, 500).triggered).toBe(false)
  })

  it('does not count taps older than four seconds', () => {
    let taps: readonly number[] = []
    for (const t of [0, 1_000, 2_000, 3_000]) taps = onCornerTap(taps, corner, t).taps
    expect(onCornerTap(taps, corner, 4_500)).toEqual({ taps: [1_000, 2_000, 3_000, 4_500], triggered: false })
  })
})
