import { describe, expect, it } from 'vitest'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { priorityClassId } from '../../shared/domain/ids'
import { kioskHasReader, kioskPriority } from '../../renderer/src/logic/kiosk/priorityStanding'

const VIP = priorityClassId('vip')
const CARE = priorityClassId('care')
const MILITARY = priorityClassId('military')
const receipt = (priorityClassId: typeof VIP | null, priorityClaim: typeof VIP | null) => ({
  priorityClassId,
  priorityClaim,
})

describe('kioskPriority', () => {
  it('asks for the card at the reader, or at the counter when this kiosk has none', () => {
    expect(kioskPriority(DEMO_BRANCH, receipt(null, VIP), undefined, true)?.kind).toBe('awaitingReader')
    expect(kioskPriority(DEMO_BRANCH, receipt(null, VIP), undefined, false)?.kind).toBe('awaitingNoReader')
    expect(kioskPriority(DEMO_BRANCH, receipt(null, MILITARY), undefined, true)?.kind).toBe('awaitingStaff')
  })

  it('turns to confirmed when the live ticket says the reader or staff set the class, and keeps declared as declared', () => {
    const live = { priorityClassId: VIP, priorityClaim: null, priorityBy: 'idReader' as const, appointmentAt: null }
    expect(kioskPriority(DEMO_BRANCH, receipt(null, VIP), live, true)?.kind).toBe('confirmed')
    expect(kioskPriority(DEMO_BRANCH, receipt(CARE, null), undefined, false)?.kind).toBe('declared')
    expect(kioskPriority(DEMO_BRANCH, receipt(null, null), undefined, false)).toBeNull()
  })
})

describe('kioskHasReader', () => {
  it('finds a reader named for this kiosk or for any kiosk', () => {
    expect(kioskHasReader(['Lobby kiosk'], 'Lobby kiosk')).toBe(true)
    expect(kioskHasReader(['Lobby kiosk'], 'Upstairs kiosk')).toBe(false)
    expect(kioskHasReader([null], 'Upstairs kiosk')).toBe(true)
    expect(kioskHasReader([], null)).toBe(false)
  })
})
