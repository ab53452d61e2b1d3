import { Type, type Static } from 'typebox'
import { LocalizedTextSchema, StaffIdSchema } from '../../shared/api/common'
import { BranchConfigSchema, ClockStretchSchema } from '../../shared/config/branchSchema'
import { HqLinkSchema } from '../../shared/config/hqLinkSchema'
import { AppointmentPolicySchema } from '../../shared/config/appointmentSchema'
import { DevicesConfigSchema } from '../../hardware/index'

/**
 * The branch configuration file (`branch.json` in the data folder), human-editable: the queue
 * configuration, staff with hashed PINs, network binding, lobby content and retention.
 */
export const StaffMemberSchema = Type.Object(
  {
    id: StaffIdSchema,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    role: Type.Union([Type.Literal('teller'), Type.Literal('manager')]),
    pinHash: Type.String({ pattern: '^scrypt\\$', description: 'Set with `npm run hub -- set-pin <staffId>`' }),
  },
  { additionalProperties: false },
)

/** The doors' opening stretches on one kind of day, in order; none: closed that kind of day. */
const openingStretches = (description: string) => Type.Array(ClockStretchSchema, { maxItems: 6, description })

export const BranchFileSchema = Type.Object(
  {
    /** The file's format (`shared/config/branchFileFormat.ts`); an older one is upgraded when the hub opens it. */
    version: Type.Literal(2),
    branch: BranchConfigSchema,
    utcOffsetMinutes: Type.Integer({ minimum: -720, maximum: 840, description: 'Branch civil time; China is 480' }),
    network: Type.Object(
      {
        host: Type.String({ minLength: 1, description: 'The LAN address to listen on (not 0.0.0.0 unless meant)' }),
        port: Type.Integer({ minimum: 0, maximum: 65535 }),
        publicUrl: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()], {
          description: 'The address phones use for the QR status page; null = https://host:port',
        }),
        tls: Type.Optional(
          Type.Union([Type.Literal('auto'), Type.Literal('on'), Type.Literal('off')], {
            description:
              'auto (default): HTTPS and WSS on a LAN address, plain HTTP on loopback only; on: HTTPS also on loopback; ' +
              'off: plain HTTP everywhere, a lab opt-out the hub logs and the manager sees',
          }),
        ),
        certificate: Type.Optional(
          Type.Object(
            {
              certFile: Type.String({ minLength: 1, description: 'The server certificate (PEM, with its chain)' }),
              keyFile: Type.String({ minLength: 1, description: 'Its private key (PEM), readable by the hub only' }),
              caFile: Type.String({ minLength: 1, description: 'The CA certificate (PEM) terminals trust and pin' }),
            },
            {
              additionalProperties: false,
              description: "The bank's own certificate from its PKI, by path; absent: the branch CA the hub made",
            },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    staff: Type.Array(StaffMemberSchema),
    /** Printers, displays and keypads on the branch's serial ports and network (docs/hardware.md). */
    devices: DevicesConfigSchema,
    lobby: Type.Object(
      { messages: Type.Array(LocalizedTextSchema, { maxItems: 50 }) },
      { additionalProperties: false },
    ),
    calendar: Type.Object(
      {
        holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), {
          description: 'Public holidays (not working days) — enter the official calendar each year',
        }),
        workingWeekends: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), {
          description: 'Weekend days that are working days (调休)',
        }),
        opening: Type.Optional(
          Type.Object(
            {
              workingDays: openingStretches('Mondays to Fridays, and the working weekend days'),
              weekends: openingStretches('Saturdays and Sundays that are not working days'),
              holidays: openingStretches('Public holidays'),
            },
            {
              additionalProperties: false,
              description:
                'When the doors are open, by kind of day (none: closed): appointments are offered only then, and the wait estimates expect no newcomers after the day’s last close',
            },
          ),
        ),
      },
      {
        additionalProperties: false,
        description: 'Working days (the 3-working-day reply deadline of complaints) and opening hours',
      },
    ),
    retention: Type.Object(
      { journalDays: Type.Integer({ minimum: 1, maximum: 3650 }) },
      { additionalProperties: false },
    ),
    /** Appointments booked ahead (docs/queue-engine.md); absent: nothing is bookable. */
    appointments: Type.Optional(AppointmentPolicySchema),
    /** Headquarters to ship the journal to (docs/hq.md); absent: the branch works alone. */
    hq: Type.Optional(HqLinkSchema),
  },
  { additionalProperties: false },
)

export type BranchFile = Static<typeof BranchFileSchema>
export type StaffMember = Static<typeof StaffMemberSchema>
