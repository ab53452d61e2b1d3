import { describe, expect, it } from 'vitest'
import { PIN_HASH_COST, hashPin, verifyPin } from '../../hub/auth/pinHash'
import { demoBranchFile } from '../../hub/config/demoBranchFile'

describe('hashPin', () => {
  it('hashes with the hub’s scrypt cost unless told otherwise', async () => {
    expect(PIN_HASH_COST).toBe(16384)
    const stored = await hashPin('1234')
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/)
    expect(await verifyPin('1234', stored)).toBe(true)
    expect(await verifyPin('1235', stored)).toBe(false)
  })

  it('verifies a hash by the cost it carries', async () => {
    const light = await hashPin('9999', 1024)
    expect(light.split('$')[1]).toBe('1024')
    expect(await verifyPin('9999', light)).toBe(true)
    expect(await verifyPin('0000', light)).toBe(false)
  })

  it('gives the demo branch the hub’s cost, and a test’s lighter one only when asked', async () => {
    const costs = (file: Awaited<ReturnType<typeof demoBranchFile>>) => [
      ...new Set(file.staff.map((s) => s.pinHash.split('$')[1])),
    ]
    expect(costs(await demoBranchFile())).toEqual(['16384'])
    expect(costs(await demoBranchFile('127.0.0.1', 0, 1024))).toEqual(['1024'])
  })
})
