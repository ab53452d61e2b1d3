import { afterEach, describe, expect, it } from 'vitest'
import { EscPosPrinterEmulator } from './emulators/escposPrinterEmulator'
import { waitFor } from './emulators/waitFor'
import { CHINESE_TICKET, ENGLISH_TICKET } from './fixtures'
import { Harness, serial, statusOf, untilState } from './support/harness'

const h = new Harness()
afterEach(() => h.dispose())

const printer = (path: string, protocol: Record<string, unknown> = {}) => ({
  id: 'kiosk-printer',
  role: 'ticketPrinter',
  connection: serial(path),
  protocol: { dialect: 'escpos', pollMs: 0, statusTimeoutMs: 500, ...protocol },
})

async function start(protocol: Record<string, unknown> = {}) {
  const { pair, emulator } = await h.pty(new EscPosPrinterEmulator())
  const { sup, events } = h.supervisor([printer(pair.hostPath, protocol)])
  await untilState(sup, 'kiosk-printer', 'connected')
  // The status round the driver makes on connecting, so the tests count only their own requests.
  if (protocol.statusQuery !== false) await waitFor(() => statusOf(sup, 'kiosk-printer').printer, 'the first status')
  return { pair, emulator, sup, events }
}

describe('ticket printer over a PTY', () => {
  it('prints a Chinese ticket the printer decodes: number, estimate, documents, QR code, cut', async () => {
    const { emulator, sup } = await start()
    const result = await sup.printTicket('ticketPrinter', CHINESE_TICKET)
    expect(result).toMatchObject({ ok: true, deviceId: 'kiosk-printer', status: { paper: 'ok', online: true } })
    const ticket = await waitFor(() => emulator.tickets[0], 'the ticket')
    const texts = ticket.lines.map((l) => l.text)
    expect(ticket.lines.find((l) => l.text === 'A023')).toMatchObject({ width: 3, height: 3, align: 'center' })
    expect(texts).toContain('预计等候 8-15 分钟')
    expect(texts).toContain('1. 本人身份证')
    expect(ticket.qrCodes.map((q) => q.data)).toEqual(['https://lobby.example.cn/t/20261124-A023'])
    expect(ticket.cut).toBe('partial')
    expect(emulator.errors).toEqual([])
  })

  it('asks DLE EOT 1, 2 and 4 before the ticket and again after it', async () => {
    const { emulator, sup } = await start()
    const before = emulator.statusRequests.length
    await sup.printTicket('kiosk-printer', ENGLISH_TICKET)
    expect(emulator.statusRequests.slice(before)).toEqual([1, 2, 4, 1, 2, 4])
    // The ticket's bytes (from ESC @) come after the third request and before the fourth.
    const bytes = emulator.received
    const init = bytes.findIndex((b, i) => b === 0x1b && bytes[i + 1] === 0x40)
    const statusAt = bytes.flatMap((b, i) => (b === 0x10 && bytes[i + 1] === 0x04 ? [i] : []))
    expect(statusAt.filter((i) => i < init).length).toBeGreaterThanOrEqual(3)
    expect(statusAt.filter((i) => i > init)).toHaveLength(3)
  })

  it('reports paper near-end after printing, to the caller and on the device status', async () => {
    const { emulator, sup } = await start()
    emulator.paper = 'nearEnd'
    const result = await sup.printTicket('kiosk-printer', CHINESE_TICKET)
    expect(result).toMatchObject({ ok: true, status: { paper: 'nearEnd' } })
    expect(statusOf(sup, 'kiosk-printer')).toMatchObject({ state: 'connected', printer: { paper: 'nearEnd' } })
  })

  it('refuses to print into an empty printer and reports paper-out until it is refilled', async () => {
    const { emulator, sup, events } = await start()
    emulator.paper = 'out'
    const result = await sup.printTicket('kiosk-printer', CHINESE_TICKET)
    expect(result).toMatchObject({ ok: false, problem: { code: 'paperOut' }, sent: false, status: { paper: 'out' } })
    expect(emulator.tickets).toHaveLength(0)
    expect(emulator.lostTickets).toHaveLength(0)
    expect(events.statuses.at(-1)).toMatchObject({
      state: 'error',
      problem: { code: 'paperOut' },
      printer: { paper: 'out' },
    })

    emulator.paper = 'ok'
    expect(await sup.printTicket('kiosk-printer', CHINESE_TICKET)).toMatchObject({ ok: true })
    expect(statusOf(sup, 'kiosk-printer')).toMatchObject({ state: 'connected', problem: null })
  })

  it('reports a printer that never answers instead of waiting for it, and recovers when it answers again', async () => {
    const { emulator, sup } = await start()
    emulator.silent = true
    const started = Date.now()
    const result = await sup.printTicket('kiosk-printer', CHINESE_TICKET)
    expect(result).toMatchObject({ ok: false, problem: { code: 'noResponse' }, sent: false })
    // One status timeout (500 ms), with a wide margin for a loaded machine, not the job deadline.
    expect(Date.now() - started).toBeLessThan(5000)
    expect(statusOf(sup, 'kiosk-printer')).toMatchObject({ state: 'error', problem: { code: 'noResponse' } })

    emulator.silent = false
    expect(await sup.printTicket('kiosk-printer', CHINESE_TICKET)).toMatchObject({ ok: true })
    expect(statusOf(sup, 'kiosk-printer').state).toBe('connected')
  })

  it('polls the status while idle, so paper-out shows before the next ticket', async () => {
    const { emulator, sup } = await start({ pollMs: 200 })
    emulator.paper = 'out'
    await untilState(sup, 'kiosk-printer', 'error', 'paperOut')
  })

  it('prints a test ticket from the manager button', async () => {
    const { emulator, sup } = await start()
    const result = await sup.test('kiosk-printer', { language: 'en' })
    expect(result).toMatchObject({ ok: true, deviceId: 'kiosk-printer' })
    const ticket = await waitFor(() => emulator.tickets[0], 'the test ticket')
    expect(ticket.lines.map((l) => l.text)).toContain('TEST')
  })

  it('skips status queries for a printer configured without them', async () => {
    const { emulator, sup } = await start({ statusQuery: false })
    expect(await sup.printTicket('kiosk-printer', ENGLISH_TICKET)).toMatchObject({ ok: true, status: null })
    expect(emulator.statusRequests).toEqual([])
  })

  // 𠮷 (in names such as 𠮷野家) is one of GB18030's four-byte characters: 95 34 B2 35.
  const RARE_NAMES = { ...CHINESE_TICKET, branchName: '𠮷祥银行 中山路支行', serviceName: '个人业务𠮷' }
  const FOUR_BYTES = [0x95, 0x34, 0xb2, 0x35]
  const holds = (bytes: readonly number[], run: readonly number[]) =>
    bytes.some((_, i) => run.every((b, j) => bytes[i + j] === b))

  it('prints what a GBK-only printer cannot as ?, and says so once per name', async () => {
    const { emulator, sup, events } = await start({ charset: 'gbk' })
    expect(await sup.printTicket('kiosk-printer', RARE_NAMES)).toMatchObject({ ok: true })
    expect(await sup.printTicket('kiosk-printer', RARE_NAMES)).toMatchObject({ ok: true })
    const ticket = await waitFor(() => emulator.tickets[1], 'the second ticket')
    const texts = ticket.lines.map((l) => l.text)
    expect(texts).toContain('?祥银行 中山路支行')
    expect(texts).toContain('个人业务?')
    expect(holds(emulator.received, FOUR_BYTES)).toBe(false)
    expect(emulator.errors).toEqual([])
    const said = events.logs.filter((l) => l.deviceId === 'kiosk-printer' && l.message.includes('𠮷'))
    expect(said.map((l) => l.level)).toEqual(['warn', 'warn'])
    expect(said[0]?.message).toMatch(/𠮷祥银行 中山路支行.*GBK/)
    expect(said[1]?.message).toMatch(/个人业务𠮷/)
  })

  it('prints every character on a GB18030 printer (the default)', async () => {
    const { emulator, sup, events } = await start()
    expect(await sup.printTicket('kiosk-printer', RARE_NAMES)).toMatchObject({ ok: true })
    const ticket = await waitFor(() => emulator.tickets[0], 'the ticket')
    expect(ticket.lines.map((l) => l.text)).toContain('𠮷祥银行 中山路支行')
    expect(holds(emulator.received, FOUR_BYTES)).toBe(true)
    expect(events.logs.filter((l) => l.message.includes('𠮷'))).toEqual([])
  })

  it('answers for a printer that is not configured', async () => {
    const { sup } = await start()
    expect(await sup.printTicket('no-such-printer', CHINESE_TICKET)).toMatchObject({
      ok: false,
      problem: { code: 'disabled' },
      deviceId: null,
    })
  })
})

describe('network ticket printer (raw TCP)', () => {
  it('prints the same bytes over TCP port 9100-style connections', async () => {
    const emulator = new EscPosPrinterEmulator()
    const port = await emulator.listen()
    try {
      const { sup } = h.supervisor([
        {
          id: 'net',
          role: 'ticketPrinter',
          connection: { type: 'tcp', host: '127.0.0.1', port },
          protocol: { dialect: 'escpos', pollMs: 0 },
        },
      ])
      await untilState(sup, 'net', 'connected')
      expect(await sup.printTicket('net', CHINESE_TICKET)).toMatchObject({ ok: true, status: { paper: 'ok' } })
      const ticket = await waitFor(() => emulator.tickets[0], 'the ticket')
      expect(ticket.qrCodes[0]?.data).toBe('https://lobby.example.cn/t/20261124-A023')
      expect(emulator.errors).toEqual([])
    } finally {
      await emulator.detach()
    }
  })

  it('reports a refused connection and connects once the printer listens', async () => {
    const probe = new EscPosPrinterEmulator()
    const port = await probe.listen()
    await probe.detach()
    const { sup } = h.supervisor([
      {
        id: 'net',
        role: 'ticketPrinter',
        connection: { type: 'tcp', host: '127.0.0.1', port },
        protocol: { dialect: 'escpos', pollMs: 0 },
      },
    ])
    await untilState(sup, 'net', 'disconnected', 'cannotOpen')
    const emulator = new EscPosPrinterEmulator()
    try {
      await emulator.listen(port)
      await untilState(sup, 'net', 'connected')
      expect(await sup.printTicket('net', ENGLISH_TICKET)).toMatchObject({ ok: true })
    } finally {
      await emulator.detach()
    }
  })
})
