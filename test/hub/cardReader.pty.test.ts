import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BranchInfo, QueueSnapshot, SessionView } from '../../shared/api/views'
import type { QueueEvent } from '../../shared/queue/events'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import { CardReaderEmulator, PtyPair, TEST_CARDS, sleep } from '../hardware/emulators/index'
import type { DeviceStatusView, LiveMessage } from '../../shared/api/live'
import { HubFixture } from './support/hubFixture'

/**
 * A card swiped at a kiosk's reader, through a real socat PTY pair and the hub configured the
 * way a branch configures it: the ticket taken at that kiosk for a class established by reader
 * gets its class, established by the reader, journaled with the masked card number only.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined)
})

async function hubWithReader() {
  const emulator = new CardReaderEmulator()
  const pair = await PtyPair.create((path) => emulator.attach(path))
  cleanups.push(async () => {
    await emulator.detach()
    await pair.dispose()
  })
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-reader-'))
  const file = await demoBranchFile()
  const branch = {
    ...file.branch,
    priorityClasses: file.branch.priorityClasses.map((c) =>
      c.id === 'vip'
        ? { ...c, establishedBy: 'idReader' as const }
        : c.id === 'care'
          ? { ...c, establishedBy: 'staff' as const }
          : c,
    ),
  }
  const devices = [
    {
      id: 'kiosk-reader',
      role: 'cardReader',
      kiosk: 'Lobby kiosk',
      connection: { type: 'serial', path: pair.hostPath, baudRate: 9600 },
      protocol: { dialect: 'cardLine' },
    },
  ]
  await writeFile(join(dir, 'branch.json'), JSON.stringify({ ...file, branch, devices }))
  const f = await HubFixture.start({ devices: undefined as never }, dir)
  cleanups.push(() => f.stop())
  const manager = await f.manager()
  const kiosk = async (name: string): Promise<string> => {
    const code = await f.request<{ code: string }>('POST', '/api/v1/pairing-codes', { role: 'kiosk', name }, manager)
    return (await f.request<SessionView>('POST', '/api/v1/pair', { code: code.body.code })).body.token
  }
  const ticket = async (id: string, token = manager) =>
    (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, token)).body.state.open.find((t) => t.id === id)
  const events = async (token = manager) =>
    (await f.request<{ events: QueueEvent[] }>('GET', '/api/v1/events?since=0', undefined, token)).body.events
  await readerConnected(f, manager)
  return { f, emulator, manager, kiosk, ticket, events }
}

async function readerConnected(f: HubFixture, manager: string): Promise<void> {
  const live = await f.live(manager, null)
  await live.until(
    (ms) => devicesIn(ms).some((d) => d.id === 'kiosk-reader' && d.state === 'connected'),
    'the reader connected',
  )
}

describe('a card reader at a kiosk', () => {
  it('gives the class asked for at its kiosk, established by reader, when the card is swiped', async () => {
    const { f, emulator, kiosk, ticket, events } = await hubWithReader()
    const info = (await f.request<BranchInfo>('GET', '/api/v1/branch')).body
    expect(info.cardReaders).toEqual(['Lobby kiosk'])
    const lobbyKiosk = await kiosk('Lobby kiosk')
    const receipt = (await f.issue(lobbyKiosk, 'reader-1', { serviceId: 'wealth', priorityClassId: 'vip' })).body
    expect(receipt).toMatchObject({ priorityClassId: null, priorityClaim: 'vip' })
    emulator.swipe(TEST_CARDS.track2)
    await until(async () => (await ticket(receipt.ticketId))?.priorityClassId === 'vip', 'the class confirmed')
    expect(await ticket(receipt.ticketId)).toMatchObject({ priorityClaim: null, priorityBy: 'idReader' })
    const changed = (await events()).filter((e) => e.type === 'priorityChanged')
    expect(changed).toEqual([
      expect.objectContaining({
        ticketId: receipt.ticketId,
        from: null,
        to: 'vip',
        by: 'idReader',
        reason: 'card read at reader kiosk-reader (***************0123)',
      }),
    ])
    expect(JSON.stringify(await events())).not.toContain(TEST_CARDS.pan)
  })

  it('confirms a claim taken before a hub restart when the card is swiped after it', async () => {
    const { f, emulator, kiosk, ticket, events } = await hubWithReader()
    const receipt = (await f.issue(await kiosk('Lobby kiosk'), 'reader-r', { priorityClassId: 'vip' })).body
    expect(receipt).toMatchObject({ priorityClassId: null, priorityClaim: 'vip' })
    await f.restart({ devices: undefined as never })
    const manager = await f.manager()
    await readerConnected(f, manager)
    expect(await ticket(receipt.ticketId, manager)).toMatchObject({ priorityClaim: 'vip' })
    emulator.swipe(TEST_CARDS.track2)
    await until(async () => (await ticket(receipt.ticketId, manager))?.priorityClassId === 'vip', 'the class confirmed')
    expect(await ticket(receipt.ticketId, manager)).toMatchObject({ priorityClaim: null, priorityBy: 'idReader' })
    expect((await events(manager)).filter((e) => e.type === 'priorityChanged')).toEqual([
      expect.objectContaining({ ticketId: receipt.ticketId, to: 'vip', by: 'idReader' }),
    ])
  })

  describe('edge cases', () => {
    it('confirms nothing for a ticket from another kiosk, a staff-confirmed class or a read nobody waits for', async () => {
      const { f, emulator, kiosk, ticket, events } = await hubWithReader()
      const other = await kiosk('Upstairs kiosk')
      const lobbyKiosk = await kiosk('Lobby kiosk')
      const elsewhere = (await f.issue(other, 'reader-2', { priorityClassId: 'vip' })).body
      const staffClass = (await f.issue(lobbyKiosk, 'reader-3', { priorityClassId: 'care' })).body
      expect(staffClass).toMatchObject({ priorityClaim: 'care' })
      const before = (await events()).length
      emulator.swipe(TEST_CARDS.idCard)
      // The read arrives and is turned away: give it time to be handled before looking.
      await sleep(1500)
      expect((await events()).length).toBe(before)
      expect(await ticket(elsewhere.ticketId)).toMatchObject({ priorityClassId: null, priorityClaim: 'vip' })
      expect(await ticket(staffClass.ticketId)).toMatchObject({ priorityClassId: null, priorityClaim: 'care' })
    })
  })
})

function devicesIn(ms: readonly LiveMessage[]): readonly DeviceStatusView[] {
  const last = [...ms].reverse().find((m) => m.type === 'devices')
  return last?.type === 'devices' ? last.devices : []
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}
