import { Type, type Static } from 'typebox'
import { ServiceIdSchema } from '../api/common'
import type { AppointmentPolicy } from '../appointments/booking'

/** The `appointments` block of the branch file: which services are booked ahead, and the rules. */
export const AppointmentPolicySchema = Type.Object(
  {
    services: Type.Array(ServiceIdSchema, { description: 'Services that may be booked ahead' }),
    openHour: Type.Integer({ minimum: 0, maximum: 23, description: 'First local hour a slot starts' }),
    closeHour: Type.Integer({ minimum: 1, maximum: 24, description: 'Slots start before this local hour' }),
    slotMinutes: Type.Union([Type.Literal(15), Type.Literal(20), Type.Literal(30), Type.Literal(60)]),
    bookAheadDays: Type.Integer({ minimum: 1, maximum: 90 }),
    earlyMinutes: Type.Integer({ minimum: 0, maximum: 240, description: 'Check-in accepted this long before' }),
    lateMinutes: Type.Integer({ minimum: 0, maximum: 120, description: 'Later than this joins as a walk-in' }),
    callGraceMinutes: Type.Integer({ minimum: 0, maximum: 120, description: 'Called within this of the slot' }),
    walkInGoalShare: Type.Number({ minimum: 0.5, maximum: 0.99, description: 'Walk-ins within target (capacity)' }),
  },
  { additionalProperties: false },
)

/** Compile-time: the schema describes the engine's policy exactly. */
const fits: Static<typeof AppointmentPolicySchema> extends AppointmentPolicy ? true : false = true
void fits
