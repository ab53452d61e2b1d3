import { describe, expect, it } from 'vitest'
import type { DisplayFormat } from '../../hardware/config/resolvedDevice'
import { customerDisplayInit, customerDisplayLines } from '../../hardware/customerDisplay/encodeCustomerDisplay'
import { renderCounter, renderLobby } from '../../hardware/display/renderView'
import { textRegisterValues } from '../../hardware/modbus/displayRegisters'
import { ModbusBusPort } from '../../hardware/modbus/modbusBusPort'

const hex = (b: ArrayLike<number>): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ')
const MAP = { text: 0, textLength: 8, blink: 16, brightness: 17 }

describe('textRegisterValues', () => {
  it('packs ASCII two characters a register, high byte first, padded with spaces', () => {
    expect(textRegisterValues('A023 → 3', MAP, 'ascii', 'left')).toEqual([0x4130, 0x3233, 0x203e, 0x2033])
    expect(textRegisterValues('B5', { ...MAP, textLength: 6 }, 'ascii', 'center')).toEqual([0x2020, 0x4235, 0x2020])
  })

  it('packs a GB2312 glyph into one register', () => {
    expect(textRegisterValues('暂停服务', MAP, 'gb18030', 'left')).toEqual([0xd4dd, 0xcda3, 0xb7fe, 0xcef1])
  })

  it('pads an odd text length in the last register', () => {
    expect(textRegisterValues('ABC', { ...MAP, textLength: 3 }, 'ascii', 'left')).toEqual([0x4142, 0x4320])
  })
})

describe('ModbusBusPort', () => {
  it('hands modbus-serial one whole response however the bus splits it, skipping noise before it', () => {
    const sent: Uint8Array[] = []
    const port = new ModbusBusPort((b) => sent.push(b))
    const frames: Buffer[] = []
    port.on('data', (f: Buffer) => frames.push(f))
    port.write(Buffer.from([0x03, 0x10, 0x00, 0x00, 0x00, 0x04, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0xaa, 0xbb]))
    expect(sent).toHaveLength(1)
    port.receive(Uint8Array.of(0x00, 0x03))
    port.receive(Uint8Array.of(0x10, 0x00, 0x00))
    expect(frames).toHaveLength(0)
    port.receive(Uint8Array.of(0x00, 0x04, 0x11, 0x22, 0x99))
    expect(frames.map((f) => hex(f))).toEqual(['03 10 00 00 00 04 11 22'])
  })

  it('recognises a five-byte exception response', () => {
    const port = new ModbusBusPort(() => undefined)
    const frames: Buffer[] = []
    port.on('data', (f: Buffer) => frames.push(f))
    port.write(Buffer.from([0x02, 0x06, 0x00, 0x10, 0x00, 0x01, 0x00, 0x00]))
    port.receive(Uint8Array.of(0x02, 0x86, 0x02, 0x12, 0x34))
    expect(frames.map((f) => hex(f))).toEqual(['02 86 02 12 34'])
  })
})

describe('customer display commands (golden bytes)', () => {
  const spec = { columns: 20, rows: 2, encoding: 'cp437' as const, brightness: 3 }

  it('initialises: ESC @, overwrite mode, cursor off, brightness', () => {
    expect(hex(customerDisplayInit(spec))).toBe('1b 40 1f 01 1f 43 00 1f 58 03')
  })

  it('writes both full lines at their cursor positions, then the blink setting', () => {
    const bytes = customerDisplayLines({ ...spec, columns: 8 }, ['A023', 'Win 3'], 'left', true)
    expect(hex(bytes)).toBe(
      ['1f 24 01 01', '41 30 32 33 20 20 20 20', '1f 24 01 02', '57 69 6e 20 33 20 20 20', '1f 45 0a'].join(' '),
    )
  })

  it('stays lit (US E 0) when not blinking, and writes GB text on a Chinese display', () => {
    const bytes = customerDisplayLines({ ...spec, columns: 4, rows: 1, encoding: 'gb18030' }, ['暂停'], 'left', false)
    expect(hex(bytes)).toBe('1f 24 01 01 d4 dd cd a3 1f 45 00')
  })
})

const format = (over: Partial<DisplayFormat> = {}): DisplayFormat => ({
  callTemplate: '{number} → {counter}',
  pausedText: '暂停服务',
  closedText: '未开放',
  align: 'center',
  blinkOnCall: true,
  blinkMs: 5000,
  columns: 16,
  rows: 1,
  encoding: 'gb18030',
  ...over,
})

describe('renderCounter', () => {
  it('shows a call by the template, blinking', () => {
    expect(renderCounter({ kind: 'call', number: 'A023' }, 3, format())).toEqual({ lines: ['A023 → 3'], blink: true })
  })

  it('puts the caption on the second line of a two-line display', () => {
    expect(
      renderCounter({ kind: 'call', number: 'A023', caption: '请到3号窗口' }, 3, format({ rows: 2 })).lines,
    ).toEqual(['A023 → 3', '请到3号窗口'])
  })

  it('shows the configured paused text unless one is given', () => {
    expect(renderCounter({ kind: 'paused' }, 3, format()).lines).toEqual(['暂停服务'])
    expect(renderCounter({ kind: 'paused', text: '午休' }, 3, format()).lines).toEqual(['午休'])
  })

  it('shows the configured closed text, not the paused one, for a closed counter', () => {
    expect(renderCounter({ kind: 'closed' }, 3, format())).toEqual({ lines: ['未开放'], blink: false })
    expect(renderCounter({ kind: 'closed', text: '下班' }, 3, format()).lines).toEqual(['下班'])
  })

  it('shows the first caption the display can show whole', () => {
    const caption = ['请到 3 号窗口', 'Counter 3']
    const call = { kind: 'call', number: 'A023', caption } as const
    expect(renderCounter(call, 3, format({ rows: 2 })).lines).toEqual(['A023 → 3', '请到 3 号窗口'])
    expect(renderCounter(call, 3, format({ rows: 2, encoding: 'cp437' })).lines).toEqual(['A023 → 3', 'Counter 3'])
    // None shows whole: the first, with stand-ins.
    expect(renderCounter({ ...call, caption: ['请到'] }, 3, format({ rows: 2, encoding: 'ascii' })).lines[1]).toBe(
      '请到',
    )
  })
})

describe('renderLobby', () => {
  const calls = [
    { number: 'A023', counter: 3 },
    { number: 'B005', counter: 1 },
    { number: 'A022', counter: 2 },
  ]

  it('fits as many of the latest calls as the width allows, newest first', () => {
    expect(renderLobby(calls, format({ columns: 20 })).lines).toEqual(['A023 → 3  B005 → 1'])
  })

  it('spreads calls over the rows of a two-line display', () => {
    expect(renderLobby(calls, format({ columns: 20, rows: 2 })).lines).toEqual(['A023 → 3  B005 → 1', 'A022 → 2'])
  })

  it('shows a blank line when there are no calls', () => {
    expect(renderLobby([], format()).lines).toEqual([''])
  })
})
