import { describe, expect, it } from 'vitest'
import { BookingQuota } from '../../hub/api/routes/bookingQuota'

const HOUR = 3_600_000

describe('BookingQuota', () => {
  it('counts the bookings of the last hour, and says when the oldest leaves it', () => {
    let now = 0
    const quota = new BookingQuota(HOUR, () => now)
    expect('hold' in quota.take('a', 2)).toBe(true)
    now = HOUR / 2
    expect('hold' in quota.take('a', 2)).toBe(true)
    expect(quota.take('a', 2)).toEqual({ waitMs: HOUR / 2 })
    // Another key has its own count.
    expect('hold' in quota.take('b', 2)).toBe(true)
    now = HOUR
    expect('hold' in quota.take('a', 2)).toBe(true)
  })

  it('gives a place back when the request booked nothing', () => {
    const quota = new BookingQuota(HOUR, () => 0)
    const first = quota.take('a', 1)
    if (!('hold' in first)) throw new Error('the first place is free')
    expect('waitMs' in quota.take('a', 1)).toBe(true)
    first.hold.release()
    expect('hold' in quota.take('a', 1)).toBe(true)
  })
})
