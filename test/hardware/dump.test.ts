import { afterEach, describe, expect, it } from 'vitest'
import { encodeTicket } from '../../hardware/escpos/encodeTicket'
import { waitFor } from './emulators/waitFor'
import { CHINESE_TICKET } from './fixtures'
import { Harness, statusOf, untilState } from './support/harness'

const h = new Harness()
afterEach(() => h.dispose())

describe('dump connection (no hardware)', () => {
  it('logs what a printer would receive, without asking it for a status nobody can give', async () => {
    const { sup, events } = h.supervisor([
      { id: 'dry', role: 'ticketPrinter', connection: { type: 'dump' }, protocol: { dialect: 'escpos' } },
    ])
    await untilState(sup, 'dry', 'connected')
    const result = await sup.printTicket('dry', CHINESE_TICKET)
    expect(result).toMatchObject({ ok: true, status: null, bytes: encodeTicket(CHINESE_TICKET).length })
    const dump = await waitFor(() => events.logs.find((l) => l.message.startsWith('dump: ')), 'the dump')
    expect(dump).toMatchObject({ level: 'debug', deviceId: 'dry' })
    expect(dump.message.startsWith('dump: 1b 40 1c 2e 1b 74 00')).toBe(true)
  })

  it('shows a disabled device as such and never opens it', async () => {
    const { sup } = h.supervisor([
      {
        id: 'off',
        role: 'ticketPrinter',
        enabled: false,
        connection: { type: 'serial', path: '/dev/null-printer', baudRate: 9600 },
        protocol: { dialect: 'escpos' },
      },
    ])
    expect(statusOf(sup, 'off')).toMatchObject({ state: 'disconnected', problem: { code: 'disabled' } })
    expect(await sup.printTicket('off', CHINESE_TICKET)).toMatchObject({ ok: false, problem: { code: 'disabled' } })
    expect(await sup.test('off')).toMatchObject({ ok: false, problem: { code: 'disabled' } })
  })
})
