import { describe, expect, it } from 'vitest'
import { dayClosed } from '../../../shared/domain/lobbyHours'

describe('dayClosed', () => {
  it('holds for the closed day and every day before it', () => {
    expect(dayClosed('2026-12-08', '2026-12-08')).toBe(true)
    expect(dayClosed('2026-12-08', '2026-12-01')).toBe(true)
  })

  it('does not hold for a later day, nor before any day was closed', () => {
    expect(dayClosed('2026-12-08', '2026-12-09')).toBe(false)
    expect(dayClosed(null, '2026-12-08')).toBe(false)
  })
})
