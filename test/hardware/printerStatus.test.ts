import { describe, expect, it } from 'vitest'
import { decodePrinterStatus, isStatusByte, printerProblem } from '../../hardware/escpos/printerStatus'

describe('decodePrinterStatus', () => {
  it('reads a healthy printer from the fixed-bit pattern alone', () => {
    expect(decodePrinterStatus({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 })).toEqual({
      online: true,
      coverOpen: false,
      paper: 'ok',
      error: false,
    })
  })

  it('reads paper near-end from DLE EOT 4 bits 2 and 3', () => {
    expect(decodePrinterStatus({ paperSensor: 0x1e }).paper).toBe('nearEnd')
  })

  it('reads paper out from DLE EOT 4 bits 5 and 6, or from the paper-end stop of DLE EOT 2', () => {
    expect(decodePrinterStatus({ paperSensor: 0x72 }).paper).toBe('out')
    expect(decodePrinterStatus({ offlineCause: 0x32 }).paper).toBe('out')
  })

  it('reads offline, cover open and error', () => {
    const s = decodePrinterStatus({ printer: 0x1a, offlineCause: 0x56 })
    expect(s).toMatchObject({ online: false, coverOpen: true, error: true })
  })

  it('names the problem that stops printing, paper first', () => {
    expect(printerProblem(decodePrinterStatus({ printer: 0x1a, offlineCause: 0x36, paperSensor: 0x7e }))).toBe(
      'paperOut',
    )
    expect(printerProblem(decodePrinterStatus({ printer: 0x1a, offlineCause: 0x16 }))).toBe('coverOpen')
    expect(printerProblem(decodePrinterStatus({ printer: 0x1a }))).toBe('offline')
    expect(printerProblem(decodePrinterStatus({ paperSensor: 0x1e }))).toBeNull()
  })
})

describe('isStatusByte', () => {
  it('accepts only bytes with bits 1 and 4 set and 0 and 7 clear', () => {
    const accepted = Array.from({ length: 256 }, (_, b) => b).filter(isStatusByte)
    expect(accepted).toHaveLength(16)
    expect(accepted).toContain(0x12)
    expect(accepted).toContain(0x7e)
    expect(accepted).not.toContain(0x41)
    expect(accepted).not.toContain(0x92)
  })
})
