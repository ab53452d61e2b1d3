import iconv from 'iconv-lite'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CustomerDisplayEmulator,
  Ff68Emulator,
  ModbusSlaveEmulator,
  modbusCrc,
  sleep,
  waitFor,
} from '../hardware/emulators/index'
import type { HubFixture } from './support/hubFixture'
import { DeviceHubs, devicesIn, hasRun, serial } from './support/deviceHub'

/**
 * What a counter's own displays tell the customer, from the hub through real pseudo-terminals:
 * the call and its caption on a two-line pole display, and a closed counter told apart from a
 * paused one on LED boards and keypads. The bytes are written out here from the devices'
 * manuals (not from hardware/), so a wrong word or a wrong frame shows up as a mismatch.
 */
const hubs = new DeviceHubs()
afterEach(() => hubs.dispose())

const US_CURSOR = (row: number) => [0x1f, 0x24, 0x01, row]
const US_BLINK = 0x45
/** A DM-D row as written: cursor to its start, then the text centred in 20 columns. */
const poleRow = (row: number, text: string, columns: number, encoding: 'cp437' | 'gb18030') => {
  const width = encoding === 'gb18030' ? iconv.encode(text, 'gb18030').length : text.length
  const left = Math.floor((columns - width) / 2)
  const padded = ' '.repeat(left) + text + ' '.repeat(columns - width - left)
  return [...US_CURSOR(row), ...iconv.encode(padded, encoding)]
}
/** Modbus function 16: `text` into registers 0… of `unit`, two bytes a register, with its CRC. */
const modbusText = (unit: number, bytes: readonly number[]) => {
  const frame = [unit, 0x10, 0x00, 0x00, 0x00, bytes.length / 2, bytes.length, ...bytes]
  const crc = modbusCrc(frame)
  return [...frame, crc & 0xff, crc >> 8]
}
const ascii = (text: string) => [...Buffer.from(text, 'ascii')]
const gb = (text: string) => [...iconv.encode(text, 'gb18030')]

async function allConnected(f: HubFixture, count: number): Promise<string> {
  const manager = await f.manager()
  const live = await f.live(manager, null)
  await live.until(
    (ms) => devicesIn(ms).length === count && devicesIn(ms).every((d) => d.state === 'connected'),
    'all devices connected',
  )
  live.close()
  return manager
}

describe('a counter’s own displays', () => {
  it('put “Counter N” / “请到 N 号窗口” under the call on a two-line pole display, in the customer’s language where the font has it', async () => {
    const latin = await hubs.pty(new CustomerDisplayEmulator(20, 2, 'cp437'))
    const chinese = await hubs.pty(new CustomerDisplayEmulator(20, 2, 'gb18030'))
    const pole = (n: number, path: string, encoding: string) => ({
      id: `pole-${n}`,
      role: 'customerDisplay',
      counterNumber: n,
      connection: serial(path),
      protocol: { dialect: 'escposDisplay', encoding },
    })
    const f = await hubs.hub([pole(1, latin.pair.hostPath, 'cp437'), pole(2, chinese.pair.hostPath, 'gb18030')])
    const manager = await allConnected(f, 2)
    const kiosk = await f.pair('kiosk', manager)
    const t1 = await f.teller(1)
    const t2 = await f.teller(2)
    await f.request('POST', '/api/v1/counters/c1/open', {}, t1)
    await f.request('POST', '/api/v1/counters/c2/open', {}, t2)
    expect((await f.issue(kiosk, 'pole-tap-1', { language: 'zh-CN' })).body.number).toBe('A001')
    expect((await f.issue(kiosk, 'pole-tap-2', { language: 'en' })).body.number).toBe('A002')
    expect((await f.issue(kiosk, 'pole-tap-3', { language: 'zh-CN' })).body.number).toBe('A003')

    // A Chinese customer called to counter 2: the Chinese pole display says where to go in Chinese.
    await f.request('POST', '/api/v1/counters/c2/call-next', {}, t2)
    const zhCall = [
      ...poleRow(1, 'A001 → 2', 20, 'gb18030'),
      ...poleRow(2, '请到 2 号窗口', 20, 'gb18030'),
      0x1f,
      US_BLINK,
    ]
    await waitFor(() => hasRun(chinese.emulator.received, zhCall), 'the call and its Chinese caption')
    expect(chinese.emulator.lines[1]?.trim()).toBe('请到 2 号窗口')

    // An English customer at counter 1: "Counter 1" on row 2, as docs/hardware.md shows it.
    await f.request('POST', '/api/v1/counters/c1/call-next', {}, t1)
    const enCall = [...poleRow(1, 'A002 > 1', 20, 'cp437'), ...poleRow(2, 'Counter 1', 20, 'cp437'), 0x1f, US_BLINK]
    await waitFor(() => hasRun(latin.emulator.received, enCall), 'the call and "Counter 1"')

    // A Chinese customer on the Latin-only display: the English caption, not question marks.
    await f.request('POST', '/api/v1/counters/c1/start', {}, t1)
    await f.request('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, t1)
    await f.request('POST', '/api/v1/counters/c1/call-next', {}, t1)
    const fallback = [...poleRow(1, 'A003 > 1', 20, 'cp437'), ...poleRow(2, 'Counter 1', 20, 'cp437')]
    await waitFor(() => hasRun(latin.emulator.received, fallback), 'the English caption for a Chinese ticket')
    expect(latin.emulator.received).not.toContain(0x3f)
    expect(latin.emulator.errors).toEqual([])
    expect(chinese.emulator.errors).toEqual([])
  }, 90_000)

  it('keep showing the counter’s own call after six later calls elsewhere fill the lobby strip', async () => {
    const boards = await hubs.pty(new ModbusSlaveEmulator([1]))
    const f = await hubs.hub([
      {
        id: 'board-1',
        role: 'counterDisplay',
        counterNumber: 1,
        connection: serial(boards.pair.hostPath),
        protocol: { dialect: 'modbusRtu', address: 1 },
        display: { blinkOnCall: false },
      },
    ])
    const manager = await allConnected(f, 1)
    const kiosk = await f.pair('kiosk', manager)
    const t1 = await f.teller(1)
    const t2 = await f.teller(2)
    await f.request('POST', '/api/v1/counters/c1/open', {}, t1)
    await f.request('POST', '/api/v1/counters/c2/open', {}, t2)
    for (let i = 1; i <= 7; i++) await f.issue(kiosk, `strip-tap-${i}`)
    await f.request('POST', '/api/v1/counters/c1/call-next', {}, t1)
    await waitFor(() => boards.emulator.text(1, 0, 8) === 'A001 > 1', 'board 1 shows A001')
    for (let i = 0; i < 6; i++) {
      f.clock.advance(60)
      expect((await f.request('POST', '/api/v1/counters/c2/call-next', {}, t2)).status).toBe(200)
      await f.request('POST', '/api/v1/counters/c2/start', {}, t2)
      await f.request('POST', '/api/v1/counters/c2/complete', { completedServiceId: null }, t2)
    }
    // Counter 1 starts serving A001: its board is redrawn (an unchanged view is not rewritten)
    // and still shows the customer it called, not a blank.
    const before = boards.emulator.received.length
    expect((await f.request('POST', '/api/v1/counters/c1/start', {}, t1)).status).toBe(200)
    await sleep(1000)
    expect(hasRun(boards.emulator.received.slice(before), modbusText(1, ascii(' '.repeat(8))))).toBe(false)
    expect(boards.emulator.text(1, 0, 8)).toBe('A001 > 1')
  }, 90_000)

  it('say “CLOSED” / “未开放” for a closed counter and “PAUSED” / “暂停服务” only for a paused one', async () => {
    const boards = await hubs.pty(new ModbusSlaveEmulator([1, 3]))
    const pads = await hubs.pty(new Ff68Emulator())
    const board = (n: number, encoding: string) => ({
      id: `board-${n}`,
      role: 'counterDisplay',
      counterNumber: n,
      connection: serial(boards.pair.hostPath),
      protocol: { dialect: 'modbusRtu', address: n, encoding },
    })
    const f = await hubs.hub([
      board(1, 'ascii'),
      board(3, 'gb18030'),
      {
        id: 'keypad-2',
        role: 'callerKeypad',
        counterNumber: 2,
        connection: serial(pads.pair.hostPath),
        protocol: { dialect: 'framed', address: 0x22, framing: { preset: 'ff68' } },
      },
    ])
    await allConnected(f, 3)
    const sent = {
      board1: (text: string) => hasRun(boards.emulator.received, modbusText(1, ascii(text))),
      keypad: (text: string) => hasRun(pads.emulator.received, Ff68Emulator.frame(0x22, 0x01, gb(text))),
    }

    // No teller has opened a counter yet: every display says closed, none says paused.
    await waitFor(() => sent.board1(' CLOSED '), 'board 1 closed')
    await waitFor(() => hasRun(boards.emulator.received, modbusText(3, gb(' 未开放 '))), 'board 3 closed')
    await waitFor(() => sent.keypad('未开放'), 'keypad 2 closed')
    expect(hasRun(boards.emulator.received, ascii('PAUSED'))).toBe(false)
    expect(hasRun(pads.emulator.received, gb('暂停'))).toBe(false)

    // Counter 1 opens and pauses: now it is paused; closed again when the teller closes it.
    const t1 = await f.teller(1)
    await f.request('POST', '/api/v1/counters/c1/open', {}, t1)
    await f.request('POST', '/api/v1/counters/c1/pause', { reason: { code: 'break', note: '' } }, t1)
    await waitFor(() => boards.emulator.text(1, 0, 8) === ' PAUSED ', 'board 1 paused')
    expect(sent.board1(' PAUSED ')).toBe(true)
    await f.request('POST', '/api/v1/counters/c1/resume', {}, t1)
    expect((await f.request('POST', '/api/v1/counters/c1/close', {}, t1)).status).toBe(200)
    await waitFor(() => boards.emulator.text(1, 0, 8) === ' CLOSED ', 'board 1 closed again')

    // Counter 2's teller pauses on the keypad: its digits say paused, not closed.
    const t2 = await f.teller(2)
    await f.request('POST', '/api/v1/counters/c2/open', {}, t2)
    pads.emulator.press(0x22, 0x17)
    await waitFor(() => pads.emulator.unit(0x22).text === '暂停服务', 'keypad 2 paused')
    expect(sent.keypad('暂停服务')).toBe(true)
    expect(boards.emulator.crcErrors).toBe(0)
    expect(pads.emulator.garbage).toBe(0)
  }, 90_000)
})
