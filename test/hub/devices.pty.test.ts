import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import type { ApiError, CommandAck, QueueSnapshot, TicketReceipt } from '../../shared/api/views'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import { EscPosPrinterEmulator, Ff68Emulator, ModbusSlaveEmulator, waitFor } from '../hardware/emulators/index'
import { HubFixture } from './support/hubFixture'
import { DeviceHubs, devicesIn, serial } from './support/deviceHub'

/**
 * The kiosk tap through the hub to the printer, and counter calls to the LED displays: real
 * bytes through socat pseudo-terminals, device emulators on the far end, the hub configured the
 * way a branch configures it (devices in branch.json).
 */
const hubs = new DeviceHubs()
afterEach(() => hubs.dispose())
const pty = hubs.pty.bind(hubs)
const hubWithDevices = hubs.hub.bind(hubs)

/** A hub with a ticket printer on a pseudo-terminal, a paired kiosk, and the manager's live channel once the printer is up. */
async function hubWithPrinter() {
  const printer = await pty(new EscPosPrinterEmulator())
  const f = await hubWithDevices([
    {
      id: 'printer',
      role: 'ticketPrinter',
      connection: serial(printer.pair.hostPath),
      protocol: { dialect: 'escpos', pollMs: 0 },
    },
  ])
  const manager = await f.manager()
  const kiosk = await f.pair('kiosk', manager)
  const live = await f.live(manager, null)
  await live.until((ms) => devicesIn(ms).some((d) => d.state === 'connected'), 'printer connected')
  return { printer, f, manager, kiosk, live }
}

describe('the hub and the lobby devices', () => {
  it('prints the kiosk’s ticket, shows calls on counter and lobby displays, and takes keypad and rating presses', async () => {
    const printer = await pty(new EscPosPrinterEmulator())
    const modbus = await pty(new ModbusSlaveEmulator([1, 2, 10]))
    const pads = await pty(new Ff68Emulator())
    const f = await hubWithDevices(
      [
        {
          id: 'printer',
          role: 'ticketPrinter',
          connection: serial(printer.pair.hostPath),
          protocol: { dialect: 'escpos', pollMs: 0 },
        },
        ...[1, 2].map((n) => ({
          id: `board-${n}`,
          role: 'counterDisplay',
          counterNumber: n,
          connection: serial(modbus.pair.hostPath),
          protocol: { dialect: 'modbusRtu', address: n },
        })),
        {
          id: 'strip',
          role: 'lobbyDisplay',
          connection: serial(modbus.pair.hostPath),
          protocol: { dialect: 'modbusRtu', address: 10, registers: { textLength: 20 } },
        },
        {
          id: 'keypad-2',
          role: 'callerKeypad',
          counterNumber: 2,
          connection: serial(pads.pair.hostPath),
          protocol: { dialect: 'framed', address: 0x22, framing: { preset: 'ff68' } },
        },
        {
          id: 'pad-1',
          role: 'ratingPad',
          counterNumber: 1,
          connection: serial(pads.pair.hostPath),
          protocol: { dialect: 'framed', address: 0x31, framing: { preset: 'ff68' } },
        },
      ],
      'http://192.168.1.20:8420/',
    )
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const live = await f.live(kiosk, null)
    await live.until(
      (ms) => devicesIn(ms).length === 6 && devicesIn(ms).every((d) => d.state === 'connected'),
      'all devices connected',
    )
    const t1 = await f.teller(1)
    const t2 = await f.teller(2)
    await f.request('POST', '/api/v1/counters/c1/open', {}, t1)
    await f.request('POST', '/api/v1/counters/c2/open', {}, t2)

    const issue = (key: string, language: string) =>
      f.request<TicketReceipt>(
        'POST',
        '/api/v1/tickets',
        { serviceId: 'personal', priorityClassId: null, language, appointmentAt: null, idempotencyKey: key },
        kiosk,
      )
    const first = await issue('device-tap-1', 'zh-CN')
    const second = await issue('device-tap-2', 'en')
    expect(first.body.print).toEqual({ kind: 'printed' })
    expect(second.body.print).toEqual({ kind: 'printed' })
    const printed = await waitFor(() => printer.emulator.tickets[1], 'two printed tickets')
    const zh = (printer.emulator.tickets[0]?.lines ?? []).map((l) => l.text)
    expect(zh).toContain('A001')
    expect(zh).toContain('您前面还有 0 人')
    expect(zh.some((l) => /^预计等候:(即将叫号|约 \d+–\d+ 分钟|约 \d+ 分钟内)$/.test(l))).toBe(true)
    // The QR code on paper is the one on the kiosk's screen: the configured address, one slash.
    expect(first.body.statusUrl).toBe(`http://192.168.1.20:8420${first.body.statusPath}`)
    expect(printer.emulator.tickets[0]?.qrCodes[0]?.data).toBe(first.body.statusUrl)
    const en = printed.lines.map((l) => l.text)
    expect(en).toContain('A002')
    expect(en).toContain('Ahead of you: 1 person')
    expect(printed.qrCodes[0]?.data).toBe(second.body.statusUrl)
    expect(printed.cut).toBe('partial')

    // A call at counter 1 shows on its board and on the lobby strip.
    const called = await f.request<CommandAck>('POST', '/api/v1/counters/c1/call-next', {}, t1)
    expect(called.status).toBe(200)
    await waitFor(() => modbus.emulator.text(1, 0, 8) === 'A001 > 1', 'counter 1 board')
    await waitFor(() => modbus.emulator.text(10, 0, 20).trim() === 'A001 > 1', 'the lobby strip')

    // The teller at counter 2 presses "call next" on the keypad.
    pads.emulator.press(0x22, 0x11)
    await waitFor(() => modbus.emulator.text(2, 0, 8) === 'A002 > 2', 'counter 2 board after the keypad')
    const snap = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(snap.body.state.open.find((t) => t.number === 'A002')).toMatchObject({ status: 'called', counterId: 'c2' })

    // Counter 1 finishes and the customer presses "very satisfied" on the pad.
    await f.request('POST', '/api/v1/counters/c1/start', {}, t1)
    await f.request('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, t1)
    pads.emulator.press(0x31, 0x25)
    await waitFor(async () => {
      const s = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
      return s.body.state.done.find((t) => t.number === 'A001')?.rating === 5
    }, 'the rating on A001')

    // A paused counter says so on its board.
    await f.request('POST', '/api/v1/counters/c1/pause', { reason: { code: 'break', note: '' } }, t1)
    await waitFor(() => modbus.emulator.text(1, 0, 8).trim() !== 'A001 > 1', 'counter 1 board paused')
    live.close()
  }, 90_000)

  it('keeps the ticket when the printer is out of paper: the kiosk is told and the manager sees it', async () => {
    const { printer, f, manager, kiosk, live } = await hubWithPrinter()
    printer.emulator.paper = 'out'
    const tap = () =>
      f.request<TicketReceipt>(
        'POST',
        '/api/v1/tickets',
        {
          serviceId: 'business',
          priorityClassId: null,
          language: 'zh-CN',
          appointmentAt: null,
          idempotencyKey: 'paper-out-1',
        },
        kiosk,
      )
    const r = await tap()
    expect(r.status).toBe(200)
    expect(r.body.number).toBe('B001')
    expect(r.body.print.kind).toBe('failed')
    // The kiosk retries the same tap (its answer was lost on the way): the same ticket, and the
    // truth about its print — not "take your ticket" when nothing came out.
    const retry = await tap()
    expect(retry.body).toMatchObject({ ticketId: r.body.ticketId, repeated: true, print: { kind: 'failed' } })
    await live.until((ms) => devicesIn(ms).some((d) => d.paper === 'out'), 'paper out reported')
    const snap = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(snap.body.state.open.map((t) => t.number)).toContain('B001')
    // the test button says what is wrong
    const test = await f.request<{ ok: boolean; detail: string }>('POST', '/api/v1/devices/printer/test', {}, manager)
    expect(test.body.ok).toBe(false)
    live.close()
  }, 60_000)

  it('prints no QR code a phone cannot open, and tells the manager why', async () => {
    const { printer, f, manager, kiosk, live } = await hubWithPrinter()
    const r = await f.issue(kiosk, 'no-qr-tap-1')
    expect(r.body).toMatchObject({ print: { kind: 'printed' }, statusUrl: null })
    const printed = await waitFor(() => printer.emulator.tickets[0], 'the ticket')
    expect(printed.qrCodes).toEqual([])
    expect(printed.lines.map((l) => l.text)).toContain('A001')
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)
    expect(status.body).toMatchObject({ customerUrl: null, customerUrlProblem: 'loopbackOnly' })
    live.close()
  }, 60_000)

  it('names a port that cannot be opened as a problem the manager’s screen translates, with the OS’s words beside it', async () => {
    const f = await hubWithDevices([
      {
        id: 'printer',
        role: 'ticketPrinter',
        connection: serial('/dev/ttyBRANCHLOBBY-NONE'),
        protocol: { dialect: 'escpos' },
      },
    ])
    const manager = await f.manager()
    const live = await f.live(manager, null)
    await live.until((ms) => devicesIn(ms).some((d) => d.problem === 'cannotOpen'), 'the problem')
    const printer = devicesIn(live.messages).find((d) => d.id === 'printer')
    expect(printer).toMatchObject({ state: 'disconnected', problem: 'cannotOpen' })
    expect(printer?.detail).toMatch(/\/dev\/ttyBRANCHLOBBY-NONE/)
    live.close()
  }, 60_000)

  it('answers 404 for a device test naming no configured device, and 200 with the reason for one that fails', async () => {
    const f = await hubWithDevices([
      {
        id: 'printer',
        role: 'ticketPrinter',
        enabled: false,
        connection: serial('/dev/ttyBRANCHLOBBY-NONE'),
        protocol: { dialect: 'escpos' },
      },
    ])
    const manager = await f.manager()
    const unknown = await f.request<ApiError>('POST', '/api/v1/devices/prnter/test', {}, manager)
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ code: 'unknownDevice', field: 'params.deviceId' })
    expect(unknown.body.message).toMatch(/prnter/)
    const known = await f.request<{ ok: boolean; detail: string }>('POST', '/api/v1/devices/printer/test', {}, manager)
    expect(known.status).toBe(200)
    expect(known.body).toMatchObject({ ok: false, detail: 'switched off in the configuration' })
  }, 60_000)

  it('answers 404 for a device test on a hub with no devices at all', async () => {
    const f = await hubWithDevices([])
    const manager = await f.manager()
    const r = await f.request<ApiError>('POST', '/api/v1/devices/printer/test', {}, manager)
    expect(r.status).toBe(404)
    expect(r.body).toMatchObject({ code: 'unknownDevice', field: 'params.deviceId' })
  }, 60_000)

  it('refuses a device configuration naming a counter that does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-devices-'))
    hubs.add(() => rm(dir, { recursive: true, force: true }))
    const devices = [
      {
        id: 'b9',
        role: 'counterDisplay',
        counterNumber: 9,
        connection: serial('/dev/null'),
        protocol: { dialect: 'modbusRtu', address: 9 },
      },
    ]
    await writeFile(join(dir, 'branch.json'), JSON.stringify({ ...(await demoBranchFile()), devices }))
    await expect(HubFixture.start({}, dir)).rejects.toThrow('devices[0].counterNumber: there is no counter 9')
  })
})
