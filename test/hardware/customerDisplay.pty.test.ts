import { afterEach, describe, expect, it } from 'vitest'
import { CustomerDisplayEmulator } from './emulators/customerDisplayEmulator'
import { waitFor } from './emulators/waitFor'
import { Harness, serial, untilState } from './support/harness'

const h = new Harness()
afterEach(() => h.dispose())

describe('ESC/POS customer display over a PTY', () => {
  it('shows a call and its caption on the two lines of a Chinese pole display, blinking', async () => {
    const { pair, emulator } = await h.pty(new CustomerDisplayEmulator(20, 2, 'gb18030'))
    const { sup } = h.supervisor([
      {
        id: 'pole-3',
        role: 'customerDisplay',
        counterNumber: 3,
        connection: serial(pair.hostPath),
        protocol: { dialect: 'escposDisplay', encoding: 'gb18030', brightness: 2 },
        display: { blinkMs: 0 },
      },
    ])
    await untilState(sup, 'pole-3', 'connected')
    sup.showCounter(3, { kind: 'call', number: 'A023', caption: '请到 3 号窗口' })
    await waitFor(() => emulator.lines[0]?.trim() === 'A023 → 3', 'the first line')
    expect(emulator.lines[1]?.trim()).toBe('请到 3 号窗口')
    expect(emulator.blinking).toBe(true)
    expect(emulator.brightness).toBe(2)
    expect(emulator.mode).toBe('overwrite')
    expect(emulator.errors).toEqual([])

    sup.showPaused(3)
    await waitFor(() => emulator.lines[0]?.trim() === '暂停服务', 'paused')
    expect(emulator.lines[1]?.trim()).toBe('')
    expect(emulator.blinking).toBe(false)
  })

  it('works as a lobby display, two calls a line', async () => {
    const { pair, emulator } = await h.pty(new CustomerDisplayEmulator(20, 2, 'cp437'))
    const { sup } = h.supervisor([
      {
        id: 'pole-lobby',
        role: 'lobbyDisplay',
        connection: serial(pair.hostPath),
        protocol: { dialect: 'escposDisplay' },
      },
    ])
    await untilState(sup, 'pole-lobby', 'connected')
    sup.showLobby([
      { number: 'A023', counter: 3 },
      { number: 'B005', counter: 1 },
      { number: 'A022', counter: 2 },
      { number: 'C001', counter: 4 },
      { number: 'A021', counter: 1 },
    ])
    // Centred by default: 18 columns of calls in 20.
    await waitFor(() => emulator.lines[0] === ' A023 > 3  B005 > 1 ', 'the first line')
    expect(emulator.lines[1]).toBe(' A022 > 2  C001 > 4 ')
  })
})
