import { afterEach, describe, expect, it } from 'vitest'
import { findCounter, findService } from '../../shared/domain/branch'
import type { CounterId, TicketId } from '../../shared/domain/ids'
import { localize } from '../../shared/domain/text'
import { peopleAhead } from '../../shared/queue/peopleAhead'
import { getTicket } from '../../shared/queue/state'
import type { TicketLayout } from '../../hardware/escpos/ticketLayout'
import type { LobbyCall } from '../../hardware/display/displayContent'
import type { DeviceSupervisor } from '../../hardware/supervisor/deviceSupervisor'
import { Driver } from '../shared/support/driver'
import { A, ALICE, BOB, C1, C2 } from '../shared/support/testBranch'
import { EscPosPrinterEmulator } from './emulators/escposPrinterEmulator'
import { Ff68Emulator } from './emulators/framedEmulators'
import { ModbusSlaveEmulator } from './emulators/modbusSlaveEmulator'
import { waitFor } from './emulators/waitFor'
import { Harness, serial, untilState } from './support/harness'

/**
 * The real queue engine driving the devices the way the hub will: a stand-in for the hub's
 * wiring (queue events → supervisor calls, keypad input → commands), so the hardware API is
 * exercised against real events rather than hand-written ones.
 */
const h = new Harness()
afterEach(() => h.dispose())

function layoutFor(d: Driver, ticketNumber: string): TicketLayout {
  const ticket = d.byNumber(ticketNumber)
  const service = findService(d.branch, ticket.serviceId)
  const ahead = peopleAhead(d.state, d.branch, ticket, d.now)
  const lang = ticket.language
  return {
    language: lang,
    branchName: localize(d.branch.name, lang),
    number: ticket.number,
    serviceName: service === undefined ? '' : localize(service.name, lang),
    peopleAhead: `您前面还有 ${ahead} 人`,
    estimate: `预计等候 ${ahead * 1}–${ahead * 2 + 1} 分钟`,
    issuedAt: '取号时间 2026-11-24 09:00',
    lines: [],
    documentsTitle: '请准备:',
    documents: service?.documents.map((doc) => localize(doc, lang)) ?? [],
    callingNote: '叫号时请留意屏幕和语音。',
    qr: { url: `https://lobby.example.cn/t/${ticket.id}`, caption: '扫码查看进度' },
    footer: '',
  }
}

/** What the hub does after each event: the counter displays and the lobby strip show the calls. */
function showCall(
  d: Driver,
  sup: DeviceSupervisor,
  lobby: LobbyCall[],
  ticketId: TicketId,
  counterId: CounterId,
): void {
  const counter = findCounter(d.branch, counterId)
  const ticket = getTicket(d.state, ticketId)
  if (counter === undefined || ticket === undefined) throw new Error('unknown counter or ticket')
  sup.showCounter(counter.number, { kind: 'call', number: ticket.number })
  lobby.unshift({ number: ticket.number, counter: counter.number })
  sup.showLobby(lobby)
}

describe('queue engine → devices', () => {
  it('prints the issued ticket, shows calls on the counter and lobby displays, and takes calls and ratings from the pads', async () => {
    const printerEnd = await h.pty(new EscPosPrinterEmulator())
    const modbusEnd = await h.pty(new ModbusSlaveEmulator([1, 2, 10]))
    const padEnd = await h.pty(new Ff68Emulator())
    const { sup, events } = h.supervisor([
      {
        id: 'kiosk',
        role: 'ticketPrinter',
        connection: serial(printerEnd.pair.hostPath),
        protocol: { dialect: 'escpos', pollMs: 0 },
      },
      ...[1, 2].map((n) => ({
        id: `counter-${n}`,
        role: 'counterDisplay',
        counterNumber: n,
        connection: serial(modbusEnd.pair.hostPath),
        protocol: { dialect: 'modbusRtu', address: n },
      })),
      {
        id: 'lobby',
        role: 'lobbyDisplay',
        connection: serial(modbusEnd.pair.hostPath),
        protocol: { dialect: 'modbusRtu', address: 10, registers: { textLength: 20 } },
      },
      {
        id: 'keypad-2',
        role: 'callerKeypad',
        counterNumber: 2,
        connection: serial(padEnd.pair.hostPath),
        protocol: { dialect: 'framed', address: 0x22, framing: { preset: 'ff68' } },
      },
      {
        id: 'rating-1',
        role: 'ratingPad',
        counterNumber: 1,
        connection: serial(padEnd.pair.hostPath),
        protocol: { dialect: 'framed', address: 0x31, framing: { preset: 'ff68' } },
      },
    ])
    for (const s of ['kiosk', 'counter-1', 'counter-2', 'lobby', 'keypad-2', 'rating-1'])
      await untilState(sup, s, 'connected')

    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    d.issue(A)
    const second = d.issue(A)

    // A kiosk tap: the ticket the engine issued comes out of the printer, decodable.
    expect(await sup.printTicket('ticketPrinter', layoutFor(d, second.number))).toMatchObject({ ok: true })
    const printed = await waitFor(() => printerEnd.emulator.tickets[0], 'the printed ticket')
    const texts = printed.lines.map((l) => l.text)
    expect(texts).toContain(second.number)
    expect(texts).toContain('您前面还有 1 人')
    expect(texts).toContain('预计等候 1-3 分钟')
    expect(printed.qrCodes[0]?.data).toBe(`https://lobby.example.cn/t/${second.id}`)

    // A counter call updates that counter's display and the lobby strip.
    const lobby: LobbyCall[] = []
    const called = d.callNext(C1)
    showCall(d, sup, lobby, called.id, C1)
    await waitFor(() => modbusEnd.emulator.text(1, 0, 8) === `${called.number} > 1`, 'counter 1')
    await waitFor(() => modbusEnd.emulator.text(10, 0, 20).trim() === `${called.number} > 1`, 'the lobby strip')

    // The teller at counter 2 presses "call next" on the keypad; the hub turns it into a command.
    sup.on('keypad', (k) => {
      if (k.action !== 'callNext') return
      const counter = d.branch.counters.find((c) => c.number === k.counterNumber)
      if (counter === undefined) return
      const next = d.callNext(counter.id)
      showCall(d, sup, lobby, next.id, counter.id)
    })
    padEnd.emulator.press(0x22, 0x11)
    await waitFor(() => modbusEnd.emulator.text(2, 0, 8) === `${second.number} > 2`, 'counter 2 after the keypad')
    await waitFor(() => padEnd.emulator.unit(0x22).text === second.number, 'the keypad digits')
    await waitFor(
      () => modbusEnd.emulator.text(10, 0, 20).trim() === `${second.number} > 2  ${called.number} > 1`,
      'both calls on the strip',
    )

    // Counter 1 finishes; the customer rates on the pad; the hub rates the ticket just served.
    d.run({ type: 'startService', counterId: C1 })
    d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
    padEnd.emulator.press(0x31, 0x25)
    const rating = await waitFor(() => events.rating[0], 'the rating')
    d.run({ type: 'rate', ticketId: called.id, score: rating.score })
    expect(d.log.at(-1)).toMatchObject({ type: 'ticketRated', ticketId: called.id, score: 5 })
  })
})
