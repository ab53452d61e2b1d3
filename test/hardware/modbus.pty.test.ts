import { afterEach, describe, expect, it } from 'vitest'
import { ModbusSlaveEmulator } from './emulators/modbusSlaveEmulator'
import { waitFor } from './emulators/waitFor'
import { Harness, serial, statusOf, untilState } from './support/harness'

const h = new Harness()
afterEach(() => h.dispose())

const display = (
  id: string,
  path: string,
  address: number,
  extra: Record<string, unknown> = {},
  protocol: Record<string, unknown> = {},
) => ({
  id,
  role: 'counterDisplay',
  counterNumber: address,
  connection: serial(path),
  protocol: { dialect: 'modbusRtu', address, timeoutMs: 300, brightness: 5, ...protocol },
  display: { blinkMs: 400 },
  ...extra,
})

/** Three LED modules on one RS-485 bus: counters 1 and 2, and a lobby strip at address 10. */
async function bus() {
  const { pair, emulator } = await h.pty(new ModbusSlaveEmulator([1, 2, 10]))
  const { sup, events } = h.supervisor([
    display('counter-1', pair.hostPath, 1),
    display('counter-2', pair.hostPath, 2, {}, { encoding: 'gb18030' }),
    {
      id: 'lobby',
      role: 'lobbyDisplay',
      connection: serial(pair.hostPath),
      protocol: { dialect: 'modbusRtu', address: 10, timeoutMs: 300, registers: { textLength: 20 } },
    },
  ])
  for (const id of ['counter-1', 'counter-2', 'lobby']) await untilState(sup, id, 'connected')
  return { pair, emulator, sup, events }
}

describe('Modbus RTU displays over a PTY', () => {
  it('writes a call into the text registers with a valid CRC, blinks it, then holds it steady', async () => {
    const { emulator, sup } = await bus()
    sup.showCounter(1, { kind: 'call', number: 'A023' })
    await waitFor(() => emulator.text(1, 0, 8) === 'A023 > 1', 'counter 1 to show the call')
    await waitFor(() => emulator.register(1, 16) === 1, 'counter 1 to blink')
    await waitFor(() => emulator.register(1, 16) === 0, 'counter 1 to stop blinking')
    expect(emulator.text(1, 0, 8)).toBe('A023 > 1')
    expect(emulator.crcErrors).toBe(0)
    expect(emulator.requests.some((r) => r.unit === 1 && r.fc === 16 && r.register === 0)).toBe(true)
  })

  it('sets the brightness register after connecting', async () => {
    const { emulator } = await bus()
    await waitFor(() => emulator.register(1, 17) === 5 && emulator.register(2, 17) === 5, 'brightness 5')
  })

  it('shows "暂停服务" in GB2312 on a Chinese module and "PAUSED" on a Latin one', async () => {
    const { emulator, sup } = await bus()
    sup.showPaused(1)
    sup.showPaused(2)
    await waitFor(() => emulator.text(1, 0, 8) === ' PAUSED ', 'counter 1 paused')
    await waitFor(() => emulator.text(2, 0, 8, 'gb18030') === '暂停服务', 'counter 2 paused')
  })

  it('shows "未开放" on a Chinese module and "CLOSED" on a Latin one for a closed counter', async () => {
    const { emulator, sup } = await bus()
    sup.showClosed(1)
    sup.showClosed(2)
    await waitFor(() => emulator.text(1, 0, 8) === ' CLOSED ', 'counter 1 closed')
    await waitFor(() => emulator.text(2, 0, 8, 'gb18030') === ' 未开放 ', 'counter 2 closed')
  })

  it('puts the latest calls on the lobby strip', async () => {
    const { emulator, sup } = await bus()
    sup.showLobby([
      { number: 'A023', counter: 1 },
      { number: 'B005', counter: 2 },
      { number: 'A022', counter: 2 },
    ])
    await waitFor(() => emulator.text(10, 0, 20) === ' A023 > 1  B005 > 2 ', 'the lobby strip')
  })

  it('sends only the newest view when calls come faster than the bus', async () => {
    const { emulator, sup } = await bus()
    const before = emulator.requests.filter((r) => r.unit === 1 && r.fc === 16).length
    for (let i = 0; i < 30; i++) sup.showCounter(1, { kind: 'call', number: `A${String(i).padStart(3, '0')}` })
    await waitFor(() => emulator.text(1, 0, 8) === 'A029 > 1', 'the last call')
    const writes = emulator.requests.filter((r) => r.unit === 1 && r.fc === 16).length - before
    expect(writes).toBeLessThan(30)
  })

  it('reports a module that does not answer, keeps serving the others, and catches up when it answers', async () => {
    const { emulator, sup } = await bus()
    emulator.silentUnits.add(2)
    sup.showCounter(2, { kind: 'call', number: 'B001' })
    await untilState(sup, 'counter-2', 'error', 'noResponse')
    expect(statusOf(sup, 'counter-2').problem?.detail).toContain('Modbus address 2')

    sup.showCounter(1, { kind: 'call', number: 'A030' })
    await waitFor(() => emulator.text(1, 0, 8) === 'A030 > 1', 'counter 1 despite the dead module')
    expect(statusOf(sup, 'counter-1').state).toBe('connected')

    sup.showCounter(2, { kind: 'call', number: 'B002' })
    emulator.silentUnits.delete(2)
    await untilState(sup, 'counter-2', 'connected')
    // Eight GB columns: the full-width arrow leaves no room for spaces around it.
    await waitFor(() => emulator.text(2, 0, 8, 'gb18030') === 'B002→2 ', 'counter 2 with the latest call')
  })

  it('reports a Modbus exception as the device rejecting the write', async () => {
    const { pair, emulator } = await h.pty(new ModbusSlaveEmulator([7], 8))
    const { sup } = h.supervisor([display('counter-7', pair.hostPath, 7, {}, { registers: { text: 4 } })])
    await untilState(sup, 'counter-7', 'error', 'rejected')
    expect(statusOf(sup, 'counter-7').problem?.detail).toContain('Modbus exception 2')
    expect(emulator.crcErrors).toBe(0)
  })

  it('flashes a test pattern for the manager and returns to the current view', async () => {
    const { emulator, sup } = await bus()
    sup.showCounter(1, { kind: 'call', number: 'A040' })
    await waitFor(() => emulator.text(1, 0, 8) === 'A040 > 1', 'the call')
    expect(await sup.test('counter-1')).toMatchObject({ ok: true })
    expect(emulator.text(1, 0, 8)).toBe('A888 > 1')
    await waitFor(() => emulator.text(1, 0, 8) === 'A040 > 1', 'the call again after the test')
  })
})
