import type { Low } from 'lowdb'
import { Type, type Static } from 'typebox'
import type { Booking } from '../../shared/appointments/booking'
import {
  DaySchema,
  EpochMsSchema,
  LanguageSchema,
  Nullable,
  ServiceIdSchema,
  TicketIdSchema,
  literals,
} from '../../shared/api/common'
import type { Agreed, Agrees } from '../../shared/util/agrees'
import { openDurableDb, type UpgradeLog } from '../persistence/storeFile'
import { storedFormat } from '../../shared/util/storedFormat'
import type { FileSystem } from '../persistence/fileSystem'

interface BookingFile {
  readonly version: 1
  bookings: Booking[]
}

const BookingSchema = Type.Object({
  code: Type.String({ minLength: 1 }),
  serviceId: ServiceIdSchema,
  day: DaySchema,
  slotAt: EpochMsSchema,
  language: LanguageSchema,
  bookedAt: EpochMsSchema,
  status: literals(['booked', 'checkedIn', 'lateWalkIn', 'cancelled', 'dayClosed']),
  movedFrom: Type.Array(EpochMsSchema),
  checkedInAt: Nullable(EpochMsSchema),
  ticketId: Nullable(TicketIdSchema),
  cancelledAt: Nullable(EpochMsSchema),
})
export type BookingAgrees = Agreed<Agrees<Static<typeof BookingSchema>, Booking>>

/** What appointments.json holds, checked when the hub opens it (a damaged file is refused, not used). */
const BookingFileSchema = Type.Object({ version: Type.Literal(1), bookings: Type.Array(BookingSchema) })
/** appointments.json's format: unchanged since the first release that wrote it. */
const BOOKING_FORMAT = storedFormat(1, [])

/** Appointments booked ahead (appointments.json), kept across days: written before answering. */
export class BookingStore {
  private readonly listeners: (() => void)[] = []

  private constructor(private readonly db: Low<BookingFile>) {}

  static async open(fs: FileSystem, path: string, log: UpgradeLog): Promise<BookingStore> {
    const store = { format: BOOKING_FORMAT, schema: BookingFileSchema }
    return new BookingStore(
      await openDurableDb<BookingFile>(fs, path, store, () => ({ version: 1, bookings: [] }), log),
    )
  }

  all(): readonly Booking[] {
    return this.db.data.bookings
  }

  byCode(code: string): Booking | undefined {
    return this.db.data.bookings.find((b) => b.code === code)
  }

  /** Adds a booking, or replaces the one with its code. */
  async put(booking: Booking): Promise<Booking> {
    await this.db.update((d) => {
      const i = d.bookings.findIndex((b) => b.code === booking.code)
      if (i === -1) d.bookings.push(booking)
      else d.bookings[i] = booking
    })
    for (const listener of this.listeners) listener()
    return booking
  }

  /** `listener` is called after each booking written (made, moved, cancelled, checked in). */
  onChange(listener: () => void): void {
    this.listeners.push(listener)
  }
}
