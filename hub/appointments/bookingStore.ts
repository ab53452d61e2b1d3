import type { Low } from 'lowdb'
import type { Booking } from '../../shared/appointments/booking'
import { openDurableDb } from '../persistence/durableJsonFile'
import type { FileSystem } from '../persistence/fileSystem'

interface BookingFile {
  readonly version: 1
  bookings: Booking[]
}

/** Appointments booked ahead (appointments.json), kept across days: written before answering. */
export class BookingStore {
  private constructor(private readonly db: Low<BookingFile>) {}

  static async open(fs: FileSystem, path: string): Promise<BookingStore> {
    return new BookingStore(await openDurableDb<BookingFile>(fs, path, () => ({ version: 1, bookings: [] })))
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
    return booking
  }
}
