import { describe, expect, it } from 'vitest'
import { branchFileV1toV2, BRANCH_FILE_FORMAT } from '../../../shared/config/branchFileFormat'
import { storedFormat, upgradeStored, type StoredObject } from '../../../shared/util/storedFormat'

const steps: string[] = []
const format3 = storedFormat(3, [
  (v1) => {
    steps.push('1→2')
    return { ...v1, b: 'added in 2' }
  },
  (v2) => {
    steps.push('2→3')
    const { a, ...rest } = v2
    return { ...rest, renamed: a }
  },
])

describe('upgradeStored', () => {
  it('runs every upgrade after the recorded version, in order, and sets the version', () => {
    steps.length = 0
    expect(upgradeStored(format3, { version: 1, a: 7 })).toEqual({
      kind: 'upgraded',
      from: 1,
      value: { version: 3, b: 'added in 2', renamed: 7 },
    })
    expect(steps).toEqual(['1→2', '2→3'])
  })

  it('starts from the recorded version', () => {
    steps.length = 0
    expect(upgradeStored(format3, { version: 2, a: 7, b: 'x' })).toEqual({
      kind: 'upgraded',
      from: 2,
      value: { version: 3, b: 'x', renamed: 7 },
    })
    expect(steps).toEqual(['2→3'])
  })

  it('takes a file without a version as format 1', () => {
    expect(upgradeStored(format3, { a: 1 })).toMatchObject({ kind: 'upgraded', from: 1 })
    expect(upgradeStored(storedFormat(1, []), { a: 1 })).toEqual({
      kind: 'upgraded',
      from: 1,
      value: { version: 1, a: 1 },
    })
  })

  it('leaves a file of the current format as it is', () => {
    const value = { version: 3, renamed: 1 }
    expect(upgradeStored(format3, value)).toEqual({ kind: 'current', value })
  })

  it('names a newer format, without reading further', () => {
    expect(upgradeStored(format3, { version: 4, anything: true })).toEqual({ kind: 'newer', version: 4 })
  })

  describe('edge cases', () => {
    it.each([0, -1, 1.5, '2', null, true])('leaves version %j for the schema check to refuse', (version) => {
      const value = { version }
      expect(upgradeStored(format3, value)).toEqual({ kind: 'current', value })
    })

    it.each([[[]], ['text'], [null], [42]])('leaves %j (not an object) for the schema check', (value) => {
      expect(upgradeStored(format3, value)).toEqual({ kind: 'current', value })
    })

    it('does not change the value it was given', () => {
      const value: StoredObject = Object.freeze({ version: 1, a: 1 })
      upgradeStored(format3, value)
      expect(value).toEqual({ version: 1, a: 1 })
    })
  })
})

describe('storedFormat', () => {
  it('needs exactly one upgrade per earlier format', () => {
    expect(() => storedFormat(2, [])).toThrow('format 2 needs 1 upgrade(s), not 0')
    expect(() => storedFormat(1, [(v) => v])).toThrow()
    expect(() => storedFormat(0, [])).toThrow()
  })
})

describe('branch.json format 2', () => {
  it('gives a first-release file no devices and an empty calendar', () => {
    expect(branchFileV1toV2({ version: 1, staff: [] })).toEqual({
      version: 1,
      staff: [],
      devices: [],
      calendar: { holidays: [], workingWeekends: [] },
    })
  })

  it('keeps devices and a calendar a later format-1 file already had', () => {
    const devices = [{ id: 'p1' }]
    const calendar = { holidays: ['2026-10-01'], workingWeekends: [] }
    expect(upgradeStored(BRANCH_FILE_FORMAT, { version: 1, devices, calendar })).toEqual({
      kind: 'upgraded',
      from: 1,
      value: { version: 2, devices, calendar },
    })
  })
})
