import { Type, type Static, type TSchema } from 'typebox'
import { CARD_LINE_TERMINATORS } from '../cardReader/cardLines'
import { PRINTER_CHARSETS } from '../escpos/escposText'
import { CHECKSUM_TYPES, FIELD_REFS, PAYLOAD_ENCODINGS } from '../framed/framing'

/**
 * The device part of the branch configuration, as the manager writes it (defaults left out).
 * The hub embeds `DevicesConfigSchema` in the branch config schema; `parseDeviceConfigs`
 * validates with messages that name the field, and `resolveDevice` fills the defaults.
 */

export const DEVICE_ROLES = [
  'ticketPrinter',
  'counterDisplay',
  'lobbyDisplay',
  'customerDisplay',
  'ratingPad',
  'callerKeypad',
  'cardReader',
] as const
export type DeviceRole = (typeof DEVICE_ROLES)[number]

export const KEYPAD_ACTIONS = ['callNext', 'recall', 'start', 'finish', 'noShow', 'transfer', 'pause'] as const
export type KeypadAction = (typeof KEYPAD_ACTIONS)[number]

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const

const oneOf = <const V extends (string | number)[]>(values: readonly [...V]) => Type.Enum(values)
const Byte = Type.Integer({ minimum: 0, maximum: 255 })
const strict = { additionalProperties: false } as const

export const SerialConnectionSchema = Type.Object(
  {
    type: Type.Literal('serial'),
    /** `/dev/ttyUSB0`, `/dev/serial/by-id/...` (stable across replugging), `COM3`. */
    path: Type.String({ minLength: 1, maxLength: 256 }),
    baudRate: oneOf(BAUD_RATES),
    dataBits: Type.Optional(oneOf([7, 8] as const)),
    parity: Type.Optional(oneOf(['none', 'even', 'odd'] as const)),
    stopBits: Type.Optional(oneOf([1, 2] as const)),
  },
  strict,
)

/** Raw TCP: network printers (port 9100) and serial-to-Ethernet converters for RS-485 buses. */
export const TcpConnectionSchema = Type.Object(
  {
    type: Type.Literal('tcp'),
    host: Type.String({ minLength: 1, maxLength: 256 }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
  },
  strict,
)

/** No hardware: what would be sent is logged (a dry run, a demo without devices). */
export const DumpConnectionSchema = Type.Object({ type: Type.Literal('dump') }, strict)

export const CONNECTION_SCHEMAS = {
  serial: SerialConnectionSchema,
  tcp: TcpConnectionSchema,
  dump: DumpConnectionSchema,
} as const

export const EscPosProtocolSchema = Type.Object(
  {
    dialect: Type.Literal('escpos'),
    /** Columns of the normal font: 48 for 80 mm paper, 32 for 58 mm. */
    columns: Type.Optional(Type.Integer({ minimum: 24, maximum: 96 })),
    numberScale: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
    qrModuleSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 16 })),
    cut: Type.Optional(oneOf(['partial', 'full'] as const)),
    /** The firmware's Chinese character set: `gb18030` (the default) or `gbk` (older printers). */
    charset: Type.Optional(oneOf(PRINTER_CHARSETS)),
    /** Ask `DLE EOT` before and after each ticket (turn off only for printers that cannot answer). */
    statusQuery: Type.Optional(Type.Boolean()),
    statusTimeoutMs: Type.Optional(Type.Integer({ minimum: 50, maximum: 60000 })),
    /** Status poll while idle, so paper-out shows before the next customer taps; 0 = never. */
    pollMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 3_600_000 })),
  },
  strict,
)

export const ModbusProtocolSchema = Type.Object(
  {
    dialect: Type.Literal('modbusRtu'),
    address: Type.Integer({ minimum: 1, maximum: 247 }),
    registers: Type.Optional(
      Type.Object(
        {
          text: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
          textLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
          blink: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 65535 }), Type.Null()])),
          brightness: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 65535 }), Type.Null()])),
        },
        strict,
      ),
    ),
    encoding: Type.Optional(oneOf(['ascii', 'gb18030'] as const)),
    /** Value written to the brightness register after each (re)connection. */
    brightness: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    /** How long to wait for the module's answer. */
    timeoutMs: Type.Optional(Type.Integer({ minimum: 20, maximum: 10000 })),
  },
  strict,
)

const FieldRef = oneOf(FIELD_REFS)
export const FRAME_FIELD_SCHEMAS = {
  bytes: Type.Object({ kind: Type.Literal('bytes'), bytes: Type.Array(Byte, { minItems: 1, maxItems: 16 }) }, strict),
  address: Type.Object({ kind: Type.Literal('address') }, strict),
  command: Type.Object({ kind: Type.Literal('command') }, strict),
  payload: Type.Object({ kind: Type.Literal('payload') }, strict),
  length: Type.Object(
    {
      kind: Type.Literal('length'),
      from: FieldRef,
      to: FieldRef,
      width: Type.Optional(oneOf([1, 2] as const)),
      adjust: Type.Optional(Type.Integer({ minimum: -255, maximum: 255 })),
    },
    strict,
  ),
  checksum: Type.Object(
    { kind: Type.Literal('checksum'), type: oneOf(CHECKSUM_TYPES), from: FieldRef, to: FieldRef },
    strict,
  ),
} as const
export const FrameFieldSchema = Type.Union([
  FRAME_FIELD_SCHEMAS.bytes,
  FRAME_FIELD_SCHEMAS.address,
  FRAME_FIELD_SCHEMAS.command,
  FRAME_FIELD_SCHEMAS.payload,
  FRAME_FIELD_SCHEMAS.length,
  FRAME_FIELD_SCHEMAS.checksum,
])

const ByteOrNull = Type.Union([Byte, Type.Null()])
const framingProps = <F extends TSchema>(field: F) => ({
  /** Start from a preset (`counterBoard`, `ff68`) and override what differs. */
  preset: Type.Optional(oneOf(['counterBoard', 'ff68'] as const)),
  fields: Type.Optional(Type.Array(field, { minItems: 1, maxItems: 24 })),
  payload: Type.Optional(
    Type.Object(
      {
        encoding: Type.Optional(oneOf(PAYLOAD_ENCODINGS)),
        width: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 240 }), Type.Null()])),
        align: Type.Optional(oneOf(['left', 'center', 'right'] as const)),
        keep: Type.Optional(oneOf(['start', 'end'] as const)),
      },
      strict,
    ),
  ),
  commands: Type.Optional(
    Type.Object(
      {
        show: Type.Optional(Byte),
        blink: Type.Optional(ByteOrNull),
        clear: Type.Optional(ByteOrNull),
        ack: Type.Optional(ByteOrNull),
        invite: Type.Optional(ByteOrNull),
      },
      strict,
    ),
  ),
  keyCodeFrom: Type.Optional(oneOf(['command', 'payload'] as const)),
})
export const FramingConfigSchema = Type.Object(framingProps(FrameFieldSchema), strict)
/** The framing with its fields unchecked, so each field can be checked by its `kind` for a clear message. */
export const FramingShellSchema = Type.Object(framingProps(Type.Unknown()), strict)

const framedProps = <F extends TSchema>(framing: F) => ({
  dialect: Type.Literal('framed'),
  address: Byte,
  framing,
})
export const FramedProtocolSchema = Type.Object(framedProps(FramingConfigSchema), strict)
export const FramedShellSchema = Type.Object(framedProps(Type.Unknown()), strict)

export const EscPosDisplayProtocolSchema = Type.Object(
  {
    dialect: Type.Literal('escposDisplay'),
    columns: Type.Optional(Type.Integer({ minimum: 8, maximum: 40 })),
    rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
    encoding: Type.Optional(oneOf(['cp437', 'gb18030'] as const)),
    brightness: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  },
  strict,
)

/** A serial card or ID reader sending one line per swipe or scan (see `cardReader/cardLines`). */
export const CardLineProtocolSchema = Type.Object(
  {
    dialect: Type.Literal('cardLine'),
    /** What ends a read: CR, LF, CR LF, or either (`any`, the default). */
    terminator: Type.Optional(oneOf(CARD_LINE_TERMINATORS)),
    /** Longest read taken (default 256 bytes); longer runs without a line end are thrown away. */
    maxLength: Type.Optional(Type.Integer({ minimum: 16, maximum: 4096 })),
    /** A read whose bytes stop this long before its line end was cut off (default 500 ms). */
    timeoutMs: Type.Optional(Type.Integer({ minimum: 20, maximum: 10000 })),
  },
  strict,
)

export const PROTOCOL_SCHEMAS = {
  escpos: EscPosProtocolSchema,
  modbusRtu: ModbusProtocolSchema,
  framed: FramedProtocolSchema,
  escposDisplay: EscPosDisplayProtocolSchema,
  cardLine: CardLineProtocolSchema,
} as const

export const DisplayFormatSchema = Type.Object(
  {
    /** `{number}` and `{counter}` are replaced: "{number} → {counter}" shows "A023 → 3". */
    callTemplate: Type.Optional(Type.String({ maxLength: 64 })),
    /** A paused counter (the teller steps away for a while). */
    pausedText: Type.Optional(Type.String({ maxLength: 64 })),
    /** A counter that is not open: no teller signed in, or the day closed. */
    closedText: Type.Optional(Type.String({ maxLength: 64 })),
    align: Type.Optional(oneOf(['left', 'center', 'right'] as const)),
    blinkOnCall: Type.Optional(Type.Boolean()),
    /** How long a new call blinks before it stays lit. */
    blinkMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60000 })),
  },
  strict,
)

export const KeyBindingSchema = Type.Object({ code: Byte, action: oneOf(KEYPAD_ACTIONS) }, strict)
export const RatingBindingSchema = Type.Object({ code: Byte, score: Type.Integer({ minimum: 1, maximum: 5 }) }, strict)

const deviceProps = <C extends TSchema, P extends TSchema, K extends TSchema>(connection: C, protocol: P, key: K) => ({
  /** Unique; letters, digits, '.', '_' and '-'. */
  id: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_.-]+$',
    errorMessage: 'may only contain letters, digits, ".", "_" and "-"',
  }),
  /** What the manager screen calls it: "Kiosk printer", "Counter 3 board". */
  name: Type.Optional(Type.String({ maxLength: 80 })),
  role: oneOf(DEVICE_ROLES),
  enabled: Type.Optional(Type.Boolean()),
  connection,
  protocol,
  /** The counter (窗口) number the device belongs to; required for counter displays, customer displays and pads. */
  counterNumber: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  display: Type.Optional(DisplayFormatSchema),
  /** Key codes: actions for a caller keypad, scores 1–5 for a rating pad. */
  keys: Type.Optional(Type.Array(key, { maxItems: 64 })),
  /**
   * The kiosk a card reader belongs to: the name the kiosk was paired with. Left out, the
   * reader serves whichever kiosk's customer is waiting for a card read (a branch with one kiosk).
   */
  kiosk: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  /** A keypad repeating the same key (a reader the same card) within this time is taken as one press. */
  debounceMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
})

export const DeviceConfigSchema = Type.Object(
  deviceProps(
    Type.Union([SerialConnectionSchema, TcpConnectionSchema, DumpConnectionSchema]),
    Type.Union([
      EscPosProtocolSchema,
      ModbusProtocolSchema,
      FramedProtocolSchema,
      EscPosDisplayProtocolSchema,
      CardLineProtocolSchema,
    ]),
    Type.Union([KeyBindingSchema, RatingBindingSchema]),
  ),
  strict,
)
/** The device with its tagged parts unchecked, so each is checked by its tag for a clear message. */
export const DeviceShellSchema = Type.Object(deviceProps(Type.Unknown(), Type.Unknown(), Type.Unknown()), strict)

export const DevicesConfigSchema = Type.Array(DeviceConfigSchema)

export type DeviceConfig = Static<typeof DeviceConfigSchema>
export type ConnectionConfig = DeviceConfig['connection']
export type ProtocolConfig = DeviceConfig['protocol']
export type FramingConfig = Static<typeof FramingConfigSchema>
