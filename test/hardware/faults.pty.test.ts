import { afterEach, describe, expect, it } from 'vitest'
import { CounterBoardEmulator, Ff68Emulator } from './emulators/framedEmulators'
import { EscPosPrinterEmulator } from './emulators/escposPrinterEmulator'
import { waitFor } from './emulators/waitFor'
import { CHINESE_TICKET } from './fixtures'
import { Harness, serial, statusOf, untilState } from './support/harness'

const h = new Harness()
afterEach(() => h.dispose())

const board = (path: string, n = 3) => ({
  id: `board-${n}`,
  role: 'counterDisplay',
  counterNumber: n,
  connection: serial(path),
  protocol: { dialect: 'framed', address: n, framing: { preset: 'counterBoard' } },
  display: { blinkOnCall: false },
})

describe('unplugging and replugging', () => {
  it('reports a pulled cable, keeps the latest call, and shows it once the board is back', async () => {
    const { pair, emulator } = await h.pty(new CounterBoardEmulator())
    const { sup, events } = h.supervisor([board(pair.hostPath)])
    await untilState(sup, 'board-3', 'connected')
    sup.showCounter(3, { kind: 'call', number: 'A023' })
    await waitFor(() => emulator.boards.get(3)?.text === '023', 'the first call')

    await pair.unplug()
    await untilState(sup, 'board-3', 'disconnected')
    expect(statusOf(sup, 'board-3').problem?.code).toMatch(/connectionLost|cannotOpen/)
    // Calls go on while the board is away; none of them throws or blocks.
    sup.showCounter(3, { kind: 'call', number: 'A024' })
    sup.showCounter(3, { kind: 'call', number: 'A025' })

    const fresh = new CounterBoardEmulator()
    await pair.replug((path) => fresh.attach(path))
    try {
      await untilState(sup, 'board-3', 'connected')
      await waitFor(() => fresh.boards.get(3)?.text === '025', 'the latest call on the replugged board')
      expect(fresh.boards.get(3)?.frames).toBe(1)
      expect(events.reconnected).toContainEqual({ deviceId: 'board-3', role: 'counterDisplay', counterNumber: 3 })
    } finally {
      await fresh.detach()
    }
  })

  it('fails a print at once while the printer is unplugged, and prints again after replugging', async () => {
    const { pair, emulator } = await h.pty(new EscPosPrinterEmulator())
    const { sup } = h.supervisor([
      {
        id: 'p',
        role: 'ticketPrinter',
        connection: serial(pair.hostPath),
        protocol: { dialect: 'escpos', pollMs: 0, statusTimeoutMs: 500 },
      },
    ])
    await untilState(sup, 'p', 'connected')
    expect(await sup.printTicket('p', CHINESE_TICKET)).toMatchObject({ ok: true })
    expect(emulator.tickets).toHaveLength(1)

    await pair.unplug()
    await untilState(sup, 'p', 'disconnected')
    const started = Date.now()
    expect(await sup.printTicket('ticketPrinter', CHINESE_TICKET)).toMatchObject({
      ok: false,
      problem: { code: 'connectionLost' },
      sent: false,
    })
    expect(Date.now() - started).toBeLessThan(1000)

    const fresh = new EscPosPrinterEmulator()
    await pair.replug((path) => fresh.attach(path))
    try {
      await untilState(sup, 'p', 'connected')
      expect(await sup.printTicket('p', CHINESE_TICKET)).toMatchObject({ ok: true })
      await waitFor(() => fresh.tickets[0], 'the ticket after replugging')
    } finally {
      await fresh.detach()
    }
  })

  it('keeps retrying a port that is missing at start and connects when it appears', async () => {
    const { pair } = await h.pty(new CounterBoardEmulator())
    await pair.unplug()
    const { sup } = h.supervisor([board(pair.hostPath)])
    await untilState(sup, 'board-3', 'disconnected', 'cannotOpen')
    // Calls while the port is missing neither throw nor pile up: only the latest is shown.
    for (let i = 0; i < 500; i++) sup.showCounter(3, { kind: 'call', number: `B${i}` })
    sup.showCounter(3, { kind: 'call', number: 'B777' })
    const fresh = new CounterBoardEmulator()
    await pair.replug((path) => fresh.attach(path))
    try {
      await waitFor(() => fresh.boards.get(3)?.text === '777', 'the call once the port exists')
      expect(fresh.boards.get(3)?.frames).toBe(1)
    } finally {
      await fresh.detach()
    }
  })
})

describe('a slow or dead device', () => {
  it('does not hold up the other devices while a silent printer is being asked its status', async () => {
    const printerEnd = await h.pty(new EscPosPrinterEmulator())
    const boardEnd = await h.pty(new CounterBoardEmulator())
    const { sup } = h.supervisor([
      {
        id: 'p',
        role: 'ticketPrinter',
        connection: serial(printerEnd.pair.hostPath),
        protocol: { dialect: 'escpos', pollMs: 0, statusTimeoutMs: 3000 },
      },
      board(boardEnd.pair.hostPath),
    ])
    await untilState(sup, 'p', 'connected')
    await untilState(sup, 'board-3', 'connected')
    await waitFor(() => statusOf(sup, 'p').printer, 'the first status round')
    printerEnd.emulator.silent = true
    let printed = false
    const printing = sup.printTicket('p', CHINESE_TICKET).then((r) => {
      printed = true
      return r
    })
    sup.showCounter(3, { kind: 'call', number: 'A050' })
    await waitFor(() => boardEnd.emulator.boards.get(3)?.text === '050', 'the board')
    expect(printed).toBe(false)
    expect(await printing).toMatchObject({ ok: false, problem: { code: 'noResponse' } })
  })

  it('resets a port that stops taking data, and shows the latest view once it takes data again', async () => {
    // A board that stops reading: writes fill the PTY's buffers, then the port takes nothing more.
    const { pair, emulator } = await h.pty(new Ff68Emulator())
    await emulator.detach()
    const { sup, events } = h.supervisor([
      {
        id: 'strip',
        role: 'lobbyDisplay',
        connection: serial(pair.hostPath),
        protocol: { dialect: 'framed', address: 9, framing: { preset: 'ff68', payload: { width: 240 } } },
      },
    ])
    await untilState(sup, 'strip', 'connected')
    let i = 0
    const stuck = await waitFor(
      () => {
        sup.showLobby([{ number: `A${i++}`, counter: 1 }])
        return events.statuses.find((s) => s.problem?.code === 'portStuck')
      },
      'the port to be found stuck',
      30_000,
      1,
    )
    expect(stuck.state).toBe('disconnected')
    expect(stuck.problem?.detail).toContain('stopped taking data')
    const last = `A${i - 1}`
    const fresh = new Ff68Emulator()
    await pair.unplug()
    await pair.replug((path) => fresh.attach(path))
    try {
      await waitFor(() => fresh.unit(9).text.trim().startsWith(last), 'the latest view on the board')
    } finally {
      await fresh.detach()
    }
  })
})
