import { describe, expect, it } from 'vitest'
import { textPages } from '../../../renderer/src/logic/display/textPages'

describe('textPages', () => {
  it('reads a text that fits at once', () => {
    expect(textPages(90, 100, 45)).toEqual({ windowPx: 90, count: 1 })
  })
  it('reads a longer text through a window of whole lines, a window at a time', () => {
    expect(textPages(225, 100, 45)).toEqual({ windowPx: 90, count: 3 })
    expect(textPages(180, 100, 45)).toEqual({ windowPx: 90, count: 2 })
  })
  describe('edge cases', () => {
    it('forgives half a pixel of rounding', () => {
      expect(textPages(100.4, 100, 50.2)).toEqual({ windowPx: 100.4, count: 1 })
      expect(textPages(150.6, 100, 50.2)).toEqual({ windowPx: 100.4, count: 2 })
    })
    it('shows one line at a time when not even one fits', () => {
      expect(textPages(135, 30, 45)).toEqual({ windowPx: 45, count: 3 })
    })
  })
})
