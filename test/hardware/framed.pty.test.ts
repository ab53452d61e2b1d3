import { afterEach, describe, expect, it } from 'vitest'
import { CounterBoardEmulator, Ff68Emulator } from './emulators/framedEmulators'
import { sleep, waitFor } from './emulators/waitFor'
import { Harness, serial, statusOf, untilState } from './support/harness'

const h = new Harness()
afterEach(() => h.dispose())

describe('counter boards (01 ADDR BLINK D D D 07) over a PTY', () => {
  async function boards() {
    const { pair, emulator } = await h.pty(new CounterBoardEmulator())
    const board = (n: number) => ({
      id: `board-${n}`,
      role: 'counterDisplay',
      counterNumber: n,
      connection: serial(pair.hostPath),
      protocol: { dialect: 'framed', address: n, framing: { preset: 'counterBoard' } },
      display: { blinkMs: 300 },
    })
    const { sup } = h.supervisor([board(1), board(3)])
    await untilState(sup, 'board-3', 'connected')
    return { emulator, sup }
  }

  it('shows the digits of a call blinking, then steady', async () => {
    const { emulator, sup } = await boards()
    sup.showCounter(3, { kind: 'call', number: 'A023' })
    await waitFor(() => emulator.boards.get(3)?.text === '023' && emulator.boards.get(3)?.blink, 'board 3 blinking 023')
    await waitFor(() => emulator.boards.get(3)?.blink === false, 'board 3 steady')
    expect(emulator.boards.get(3)?.text).toBe('023')
    expect(emulator.garbage).toBe(0)
  })

  it('shows dashes on a paused counter and leaves the other boards alone', async () => {
    const { emulator, sup } = await boards()
    sup.showCounter(1, { kind: 'call', number: 'B101' })
    await waitFor(() => emulator.boards.get(1)?.text === '101', 'board 1')
    sup.showPaused(3)
    await waitFor(() => emulator.boards.get(3)?.text === '---', 'board 3 paused')
    expect(emulator.boards.get(1)?.text).toBe('101')
  })

  it('flashes 888 for the manager test and goes back', async () => {
    const { emulator, sup } = await boards()
    sup.showCounter(1, { kind: 'call', number: 'A007' })
    await waitFor(() => emulator.boards.get(1)?.text === '007', 'board 1')
    expect(await sup.test('board-1')).toMatchObject({ ok: true })
    await waitFor(() => emulator.boards.get(1)?.text === '888', 'the test pattern')
    await waitFor(() => emulator.boards.get(1)?.text === '007', 'the call again')
  })
})

describe('caller keypads and rating pads (FF 68 … 16) over a PTY', () => {
  async function pads() {
    const { pair, emulator } = await h.pty(new Ff68Emulator())
    const { sup, events } = h.supervisor([
      {
        id: 'keypad-1',
        role: 'callerKeypad',
        counterNumber: 1,
        connection: serial(pair.hostPath),
        protocol: { dialect: 'framed', address: 0x21, framing: { preset: 'ff68' } },
        debounceMs: 300,
      },
      {
        id: 'rating-1',
        role: 'ratingPad',
        counterNumber: 1,
        connection: serial(pair.hostPath),
        protocol: { dialect: 'framed', address: 0x31, framing: { preset: 'ff68' } },
      },
      {
        id: 'board-1',
        role: 'counterDisplay',
        counterNumber: 1,
        connection: serial(pair.hostPath),
        protocol: { dialect: 'framed', address: 0x01, framing: { preset: 'ff68' } },
      },
    ])
    for (const id of ['keypad-1', 'rating-1', 'board-1']) await untilState(sup, id, 'connected')
    return { emulator, sup, events }
  }

  it('turns key presses into keypad actions for the counter, and acknowledges each frame', async () => {
    const { emulator, events } = await pads()
    emulator.press(0x21, 0x11)
    await waitFor(() => events.keypad[0], 'callNext')
    expect(events.keypad[0]).toMatchObject({
      deviceId: 'keypad-1',
      counterNumber: 1,
      action: 'callNext',
      code: 0x11,
      digits: null,
    })
    await waitFor(() => emulator.unit(0x21).acks === 1, 'the ack')
    emulator.press(0x21, 0x16, '5')
    await waitFor(() => events.keypad[1], 'transfer')
    expect(events.keypad[1]).toMatchObject({ action: 'transfer', digits: '5' })
  })

  it('turns rating keys into scores', async () => {
    const { emulator, events } = await pads()
    emulator.press(0x31, 0x25)
    emulator.press(0x31, 0x21)
    await waitFor(() => events.rating.length === 2, 'two ratings')
    expect(events.rating.map((r) => [r.deviceId, r.counterNumber, r.score])).toEqual([
      ['rating-1', 1, 5],
      ['rating-1', 1, 1],
    ])
  })

  it('shows the called number on the keypad digits and lights the rating prompt', async () => {
    const { emulator, sup } = await pads()
    sup.showCounter(1, { kind: 'call', number: 'A023' })
    await waitFor(() => emulator.unit(0x21).text === 'A023', 'the keypad digits')
    await waitFor(() => emulator.unit(0x01).text === 'A023 → 1', 'the counter board')
    sup.inviteRating(1)
    await waitFor(() => emulator.unit(0x31).invites === 1, 'the rating prompt')
  })

  it('counts a key the pad repeats within the debounce time once', async () => {
    const { emulator, events } = await pads()
    emulator.send([
      ...Ff68Emulator.frame(0x21, 0x14),
      ...Ff68Emulator.frame(0x21, 0x14),
      ...Ff68Emulator.frame(0x21, 0x14),
    ])
    await waitFor(() => events.logs.some((l) => l.message.includes('counted once')), 'the repeat to be noticed')
    await sleep(100)
    expect(events.keypad.map((k) => k.action)).toEqual(['finish'])
  })

  it('takes a burst of different keys in order', async () => {
    const { emulator, events } = await pads()
    const codes = [0x11, 0x12, 0x13, 0x14, 0x15, 0x17, 0x11, 0x13]
    emulator.send(codes.flatMap((c) => Ff68Emulator.frame(0x21, c)))
    await waitFor(() => events.keypad.length === codes.length, 'every key')
    expect(events.keypad.map((k) => k.action)).toEqual([
      'callNext',
      'recall',
      'start',
      'finish',
      'noShow',
      'pause',
      'callNext',
      'start',
    ])
  })

  it('logs and ignores garbage, partial frames, unknown keys and unknown addresses, and keeps working', async () => {
    const { emulator, sup, events } = await pads()
    emulator.send([0x00, 0x13, 0x37, 0xff, 0x68, 0x09]) // noise and a frame that never finishes
    emulator.send(Ff68Emulator.frame(0x21, 0x7e)) // a key nobody mapped
    emulator.send(Ff68Emulator.frame(0x55, 0x11)) // an address with no device
    const broken = Ff68Emulator.frame(0x21, 0x11)
    broken[broken.length - 2] = 0
    emulator.send(broken)
    await waitFor(() => events.logs.some((l) => l.message.startsWith('unknown key 0x7e')), 'the unknown key')
    await waitFor(() => events.logs.some((l) => l.message.includes('address 85')), 'the unknown address')
    await sleep(600) // past the stale-frame timeout, so the unfinished frame is dropped
    emulator.press(0x21, 0x12)
    await waitFor(() => events.keypad.length === 1, 'the valid key after the garbage')
    expect(events.keypad[0]?.action).toBe('recall')
    expect(events.logs.some((l) => l.level === 'warn' && l.message.includes('not a valid frame'))).toBe(true)
    expect(statusOf(sup, 'keypad-1').state).toBe('connected')
  })

  it('keeps delivering keys when a hub listener throws', async () => {
    const { emulator, sup, events } = await pads()
    sup.on('keypad', () => {
      throw new Error('hub bug')
    })
    emulator.press(0x21, 0x11)
    await waitFor(
      () => events.logs.some((l) => l.level === 'error' && l.message.includes('hub bug')),
      'the listener error in the log',
    )
    emulator.press(0x21, 0x13)
    await waitFor(() => events.keypad.length === 2, 'the next key')
  })
})
