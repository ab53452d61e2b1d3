import { Type, type TSchema } from 'typebox'
import { storedFormat } from '../util/storedFormat'
import { MAX_MONITOR, MAX_SCREENS } from './terminalConfig'

/**
 * `terminal.json` (and what the setup screen asks to save) as one TypeBox schema: every field's
 * shape, checked at the edge by `schemaProblems` and worded as every configuration problem is.
 * The rules between fields (a locked kiosk needs an exit PIN, port 0 only on loopback, a CA
 * fingerprint only for an https hub …) are `parseTerminalConfig`'s, after the shape is right.
 */

const strict = { additionalProperties: false } as const
/** A field of the other hub mode: allowed by the shape, refused by a rule in its own words. */
const OtherMode = Type.Optional(Type.Unknown())

const IPV4_PART = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])'

const HostHub = Type.Object(
  {
    mode: Type.Literal('host'),
    bindAddress: Type.String({
      pattern: `^(localhost|(${IPV4_PART}\\.){3}${IPV4_PART})$`,
      errorMessage: 'must be an IPv4 address: "0.0.0.0" for the whole LAN, "127.0.0.1" for this PC',
    }),
    port: Type.Integer({ minimum: 0, maximum: 65535 }),
    url: OtherMode,
    caFingerprint: OtherMode,
  },
  strict,
)

const ConnectHub = Type.Object(
  {
    mode: Type.Literal('connect'),
    url: Type.String({ errorMessage: 'must be the hub address, e.g. http://192.168.1.20:8420' }),
    caFingerprint: Type.Optional(Type.String()),
    bindAddress: OtherMode,
    port: OtherMode,
  },
  strict,
)

const Role = Type.Union([
  Type.Object({ kind: Type.Literal('kiosk') }, strict),
  Type.Object({ kind: Type.Literal('display') }, strict),
  Type.Object(
    {
      kind: Type.Literal('counter'),
      counterId: Type.String({
        pattern: '^[A-Za-z0-9_-]{1,32}$',
        errorMessage: 'a counter window needs the id of its counter, e.g. "c1"',
      }),
    },
    strict,
  ),
  Type.Object({ kind: Type.Literal('manager') }, strict),
])

/** A paired screen's device token, as the hub issues it (pairing) and `terminal.json` keeps it. */
export const DeviceTokenSchema = Type.String({
  pattern: '^[\\x21-\\x7e]{16,512}$',
  errorMessage: 'must be the token the hub issued when this screen was paired',
})

const Screen = Type.Object(
  {
    role: Role,
    monitor: Type.Integer({ minimum: 1, maximum: MAX_MONITOR }),
    deviceToken: Type.Optional(DeviceTokenSchema),
  },
  strict,
)

/** What a configuration and a draft share. */
const COMMON = {
  terminalName: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', errorMessage: 'must not be empty' }),
  hub: Type.Union([HostHub, ConnectHub]),
  screens: Type.Array(Screen, { minItems: 1, maxItems: MAX_SCREENS }),
  kioskMode: Type.Union([Type.Literal('locked'), Type.Literal('windowed')]),
  startAtLogin: Type.Boolean(),
}

/**
 * The format of `terminal.json` this release writes and reads (its `version`), as the hub's
 * stored files record theirs (`shared/util/storedFormat.ts`). A file of a newer format is
 * neither read nor overwritten.
 */
export const TERMINAL_CONFIG_FORMAT = storedFormat(1, [])

/** `terminal.json` as written by the setup screen. */
export const TerminalConfigSchema = Type.Object(
  {
    version: Type.Literal(1, { errorMessage: 'must be 1 (the only terminal configuration format so far)' }),
    ...COMMON,
    exitPinHash: Type.Optional(
      Type.String({
        pattern: '^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$',
        errorMessage: 'is not a PIN hash written by Branch Lobby; set the exit PIN again in setup',
      }),
    ),
  },
  strict,
)

/** What the setup screen asks to save: no version or hash, a new exit PIN in clear when set. */
export const TerminalConfigDraftSchema = Type.Object(
  {
    ...COMMON,
    newExitPin: Type.Optional(Type.String({ pattern: '^[0-9]{4,8}$', errorMessage: 'must be 4 to 8 digits' })),
  },
  strict,
)

/**
 * The field names an object at `path` (`screens[0].role`) may have, by the schema: what a
 * mistyped field is compared with to suggest the right one.
 *
 * @example
 * knownFields(TerminalConfigSchema, 'screens[1]') //=> ['role', 'monitor', 'deviceToken']
 */
export function knownFields(schema: TSchema, path: string): string[] {
  let nodes: TSchema[] = [schema]
  for (const part of path.split(/\.|(?=\[)/).filter((p) => p !== '')) {
    nodes = nodes.flatMap(branches).flatMap((n) => {
      const s = n as { items?: TSchema; properties?: Record<string, TSchema> }
      if (part.startsWith('[')) return s.items === undefined ? [] : [s.items]
      const child = s.properties?.[part]
      return child === undefined ? [] : [child]
    })
  }
  const names = nodes.flatMap(branches).flatMap((n) => Object.keys((n as { properties?: object }).properties ?? {}))
  return [...new Set(names)]
}

const branches = (s: TSchema): TSchema[] => {
  const anyOf = (s as { anyOf?: TSchema[] }).anyOf
  return Array.isArray(anyOf) ? anyOf.flatMap(branches) : [s]
}
