import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BookingStore } from '../../hub/appointments/bookingStore'
import { PairedDevices } from '../../hub/auth/pairedDevices'
import { JsonFileError } from '../../hub/persistence/durableJsonFile'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { FeedbackStore } from '../../hub/reports/feedbackStore'
import { UpgradeLines } from './support/upgradeLog'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bl-stores-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Opens a store on a file that parses but holds the wrong thing: refused naming the field, file kept. */
async function refuses(file: string, content: unknown, open: (path: string) => Promise<unknown>, field: string) {
  const path = join(dir, file)
  const text = `${JSON.stringify(content, null, 2)}\n`
  await writeFile(path, text)
  const error = await open(path).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(JsonFileError)
  expect((error as Error).message).toContain(path)
  expect((error as Error).message).toContain(field)
  expect(await readFile(path, 'utf8')).toBe(text)
}

describe('the hub’s own files are checked when opened, not cast', () => {
  it('appointments.json: a booking with a slot that is not a time', async () => {
    const booking = {
      code: 'ABCDEFGH',
      serviceId: 'personal',
      day: '2026-12-06',
      slotAt: 'ten o’clock',
      language: 'zh-CN',
      bookedAt: 1,
      status: 'booked',
      movedFrom: [],
      checkedInAt: null,
      ticketId: null,
      cancelledAt: null,
    }
    await refuses(
      'appointments.json',
      { version: 1, bookings: [booking] },
      (p) => BookingStore.open(nodeFileSystem, p, new UpgradeLines()),
      'bookings[0].slotAt',
    )
    // The same file with the slot as a time opens.
    await writeFile(
      join(dir, 'good.json'),
      JSON.stringify({ version: 1, bookings: [{ ...booking, slotAt: 1_765_000_000_000 }] }),
    )
    expect((await BookingStore.open(nodeFileSystem, join(dir, 'good.json'), new UpgradeLines())).all()).toHaveLength(1)
  })

  it('security.json: a paired device with an unknown role', async () => {
    const device = { id: 'd1', name: 'Kiosk 1', role: 'printer', tokenHash: 'x', pairedAt: 1, revokedAt: null }
    await refuses(
      'security.json',
      { version: 1, statusSecret: 's', devices: [device] },
      (p) => PairedDevices.open(nodeFileSystem, p, new UpgradeLines()),
      'devices[0].role',
    )
  })

  it('feedback.json: a list that is not a list', async () => {
    await refuses(
      'feedback.json',
      { version: 1, records: { oops: true } },
      (p) => FeedbackStore.open(nodeFileSystem, p, new UpgradeLines()),
      'records',
    )
  })

  it('a missing file is still created fresh', async () => {
    const path = join(dir, 'appointments.json')
    expect((await BookingStore.open(nodeFileSystem, path, new UpgradeLines())).all()).toEqual([])
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 1, bookings: [] })
  })
})
