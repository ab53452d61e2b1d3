import { describe, expect, it } from 'vitest'
import { canStillBeCalled } from '../../renderer/src/logic/status/canStillBeCalled'

describe('canStillBeCalled', () => {
  it('holds while the ticket waits, is being called, or is parked for its counter', () => {
    expect(canStillBeCalled('waiting')).toBe(true)
    expect(canStillBeCalled('called')).toBe(true)
    expect(canStillBeCalled('parked')).toBe(true)
  })

  it('does not hold once the ticket is served or done', () => {
    expect(canStillBeCalled('serving')).toBe(false)
    expect(canStillBeCalled('done')).toBe(false)
  })

  describe('edge cases', () => {
    it('does not hold after a missed call: the ticket must re-join at the kiosk first', () => {
      expect(canStillBeCalled('noShow')).toBe(false)
    })
  })
})
