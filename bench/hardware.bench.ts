/**
 * Ticket printing figures: bytes per ticket, and the time from the `printTicket` call to the
 * last ticket byte at the printer, at 9600 and 115200 baud, over a real PTY pair (socat) with
 * the ESC/POS printer emulator on the far end.
 *
 * A PTY does not enforce a baud rate: bytes cross it at memory speed. So the table gives both
 * the measured PTY time (the software path: status query, encoding, queueing, the transfer)
 * and the wire time a real serial line needs for the same bytes (10 bits a byte: start, 8 data,
 * stop). On real hardware the time to the last byte is roughly the sum of the two.
 *
 *   npx tsx bench/hardware.bench.ts
 */
import { parseDeviceConfigs } from '../hardware/config/parseDeviceConfigs'
import { encodeTicket } from '../hardware/escpos/encodeTicket'
import { DeviceSupervisor } from '../hardware/supervisor/deviceSupervisor'
import { EscPosPrinterEmulator } from '../test/hardware/emulators/escposPrinterEmulator'
import { PtyPair } from '../test/hardware/emulators/ptyPair'
import { waitFor } from '../test/hardware/emulators/waitFor'
import { CHINESE_TICKET, ENGLISH_TICKET } from '../test/hardware/fixtures'

const RUNS = 30

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
}

async function measure(
  baudRate: number,
  language: 'zh-CN' | 'en',
): Promise<{ toLastByte: number[]; toResult: number[] }> {
  const emulator = new EscPosPrinterEmulator()
  const pair = await PtyPair.create((path) => emulator.attach(path))
  const parsed = parseDeviceConfigs([
    {
      id: 'p',
      role: 'ticketPrinter',
      connection: { type: 'serial', path: pair.hostPath, baudRate },
      protocol: { dialect: 'escpos', pollMs: 0 },
    },
  ])
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
  const sup = new DeviceSupervisor(parsed.value)
  const layout = language === 'zh-CN' ? CHINESE_TICKET : ENGLISH_TICKET
  try {
    await waitFor(() => sup.statuses()[0]?.printer, 'the printer')
    // One untimed ticket first: module loading and the encoders' caches are not the steady state.
    await sup.printTicket('p', layout)
    await waitFor(() => emulator.tickets[0], 'the warm-up ticket')
    const toLastByte: number[] = []
    const toResult: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const count = emulator.tickets.length
      const started = performance.now()
      const result = await sup.printTicket('p', layout)
      if (!result.ok) throw new Error(`print failed: ${result.problem.detail}`)
      toResult.push(performance.now() - started)
      const ticket = await waitFor(() => emulator.tickets[count], 'the ticket')
      toLastByte.push(ticket.cutAt - started)
    }
    if (emulator.errors.length > 0) throw new Error(`decoder errors: ${emulator.errors.join('; ')}`)
    return { toLastByte, toResult }
  } finally {
    await sup.close()
    await emulator.detach()
    await pair.dispose()
  }
}

const rows: string[][] = []
for (const language of ['zh-CN', 'en'] as const) {
  const bytes = encodeTicket(language === 'zh-CN' ? CHINESE_TICKET : ENGLISH_TICKET).length
  for (const baudRate of [9600, 115200]) {
    const { toLastByte, toResult } = await measure(baudRate, language)
    const wireMs = (bytes * 10 * 1000) / baudRate
    rows.push([
      language,
      String(bytes),
      String(baudRate),
      quantile(toLastByte, 0.5).toFixed(1),
      quantile(toLastByte, 0.9).toFixed(1),
      quantile(toResult, 0.5).toFixed(1),
      wireMs.toFixed(1),
      (quantile(toLastByte, 0.5) + wireMs).toFixed(1),
    ])
  }
}

const header = ['ticket', 'bytes', 'baud', 'PTY p50 ms', 'PTY p90 ms', 'result p50 ms', 'wire ms', 'est. real ms']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
const line = (cells: readonly string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')
console.log(`Ticket printing over a PTY pair, ${RUNS} tickets each (call → last byte at the printer emulator)`)
console.log(line(header))
for (const r of rows) console.log(line(r))
console.log('PTY: measured; a PTY ignores the baud rate. wire: bytes × 10 bits / baud. est. real: PTY p50 + wire.')
console.log('result: until printTicket resolves, including the status round after the ticket.')
