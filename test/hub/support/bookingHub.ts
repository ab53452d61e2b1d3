import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BookingLimits } from '../../../shared/config/appointmentSchema'
import { demoBranchFile } from '../../../hub/config/demoBranchFile'
import type { BranchFile } from '../../../hub/config/branchFile'
import type { BookingView } from '../../../shared/api/appointmentRoutes'
import { HubFixture, type FixtureOptions } from './hubFixture'

/**
 * Limits roomy enough for a test that books many slots from one loopback address
 * (`bookingLimits.test.ts` holds the limits themselves).
 */
export const ROOMY_LIMITS: BookingLimits = {
  requestsPerAddressPerMinute: 1000,
  bookingsPerAddressPerHour: 100,
  bookingsPerHour: 1000,
}

/**
 * The demo branch's hub with the public booking limits of its branch file set to `limits`
 * (tests book many times from one loopback address: they raise the limit, never switch it off),
 * and any other change to its `appointments` block, and its calendar where one is given;
 * `over`: the fixture's options (`estimator: 'branch'` for the hub's real estimator); `journals`:
 * past days' journals (date → file text) in its data folder before it starts.
 */
export async function startBookingHub(
  limits: BookingLimits,
  appointments: Partial<NonNullable<BranchFile['appointments']>> = {},
  calendar?: BranchFile['calendar'],
  over: FixtureOptions = {},
  journals: Readonly<Record<string, string>> = {},
): Promise<HubFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-hub-'))
  if (Object.keys(journals).length > 0) await mkdir(join(dir, 'journal'))
  for (const [date, text] of Object.entries(journals)) await writeFile(join(dir, 'journal', `${date}.jsonl`), text)
  const file = await demoBranchFile()
  if (file.appointments === undefined) throw new Error('the demo branch takes appointments')
  await writeFile(
    join(dir, 'branch.json'),
    JSON.stringify({
      ...file,
      calendar: calendar ?? file.calendar,
      appointments: { ...file.appointments, ...appointments, limits },
    } satisfies BranchFile),
  )
  return HubFixture.start(over, dir)
}

/** A customer books `serviceId` at `time` on `day` from their phone, in English: the booking as the hub answers it. */
export async function bookSlot(hub: HubFixture, serviceId: string, day: string, time: string): Promise<BookingView> {
  return (await hub.request<BookingView>('POST', '/api/v1/appointments', { serviceId, day, time, language: 'en' })).body
}
