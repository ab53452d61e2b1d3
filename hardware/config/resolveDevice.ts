import { DEFAULT_CARD_LINE_OPTIONS } from '../cardReader/cardLines'
import { DEFAULT_TICKET_PRINT_OPTIONS } from '../escpos/ticketLayout'
import type { Framing } from '../framed/framing'
import { DEFAULT_CALLER_KEYS, DEFAULT_RATING_KEYS, FRAMING_PRESETS } from '../framed/presets'
import { textColumns, type TextEncoding } from '../text/encoding'
import { fillTemplate } from '../display/renderView'
import type { DeviceConfig, FramingConfig, KeypadAction, ProtocolConfig } from './deviceSchema'
import type { DisplayFormat, ResolvedConnection, ResolvedDevice, ResolvedProtocol } from './resolvedDevice'

/** Default Modbus register map (see docs/hardware.md): text from 0, 8 characters, blink 16, brightness 17. */
export const DEFAULT_MODBUS_REGISTERS = { text: 0, textLength: 8, blink: 16, brightness: 17 } as const

/**
 * A framing from its config: the preset (if any) with the config's parts laid over it. With
 * neither a preset nor fields the frame is just an address, which `checkFraming` reports.
 *
 * @example
 * resolveFraming({ preset: 'counterBoard', payload: { width: 4 } }).payload.width //=> 4
 */
export function resolveFraming(config: FramingConfig): Framing {
  const base: Framing = config.preset !== undefined ? FRAMING_PRESETS[config.preset] : FRAMING_PRESETS.ff68
  const fields =
    config.fields?.map((f) =>
      f.kind === 'length'
        ? { ...f, width: f.width ?? 1, adjust: f.adjust ?? 0 }
        : f.kind === 'bytes'
          ? { ...f, bytes: [...f.bytes] }
          : f,
    ) ?? (config.preset !== undefined ? base.fields : [{ kind: 'address' as const }])
  return {
    fields,
    payload: { ...base.payload, ...config.payload },
    commands: { ...base.commands, ...config.commands },
    keyCodeFrom: config.keyCodeFrom ?? base.keyCodeFrom,
  }
}

function resolveProtocol(protocol: ProtocolConfig): ResolvedProtocol {
  switch (protocol.dialect) {
    case 'escpos':
      return {
        dialect: 'escpos',
        print: {
          columns: protocol.columns ?? DEFAULT_TICKET_PRINT_OPTIONS.columns,
          numberScale: protocol.numberScale ?? DEFAULT_TICKET_PRINT_OPTIONS.numberScale,
          qrModuleSize: protocol.qrModuleSize ?? DEFAULT_TICKET_PRINT_OPTIONS.qrModuleSize,
          cut: protocol.cut ?? DEFAULT_TICKET_PRINT_OPTIONS.cut,
          charset: protocol.charset ?? DEFAULT_TICKET_PRINT_OPTIONS.charset,
        },
        statusQuery: protocol.statusQuery ?? true,
        statusTimeoutMs: protocol.statusTimeoutMs ?? 1000,
        pollMs: protocol.pollMs ?? 30_000,
      }
    case 'modbusRtu':
      return {
        dialect: 'modbusRtu',
        address: protocol.address,
        registers: { ...DEFAULT_MODBUS_REGISTERS, ...protocol.registers },
        encoding: protocol.encoding ?? 'ascii',
        brightness: protocol.brightness ?? null,
        timeoutMs: protocol.timeoutMs ?? 500,
      }
    case 'framed':
      return { dialect: 'framed', address: protocol.address, framing: resolveFraming(protocol.framing) }
    case 'escposDisplay':
      return {
        dialect: 'escposDisplay',
        spec: {
          columns: protocol.columns ?? 20,
          rows: protocol.rows ?? 2,
          encoding: protocol.encoding ?? 'cp437',
          brightness: protocol.brightness ?? null,
        },
      }
    case 'cardLine':
      return {
        dialect: 'cardLine',
        lines: {
          terminator: protocol.terminator ?? DEFAULT_CARD_LINE_OPTIONS.terminator,
          maxLength: protocol.maxLength ?? DEFAULT_CARD_LINE_OPTIONS.maxLength,
          timeoutMs: protocol.timeoutMs ?? DEFAULT_CARD_LINE_OPTIONS.timeoutMs,
        },
      }
  }
}

/** Width, height and character set of what a device displays. */
function displayGeometry(protocol: ResolvedProtocol): { columns: number; rows: number; encoding: TextEncoding } {
  switch (protocol.dialect) {
    case 'modbusRtu':
      return { columns: protocol.registers.textLength, rows: 1, encoding: protocol.encoding }
    case 'framed': {
      const { encoding, width } = protocol.framing.payload
      const columns = width === null ? 32 : encoding === 'bcd' ? width * 2 : width
      return { columns, rows: 1, encoding: encoding === 'bcd' ? 'ascii' : encoding }
    }
    case 'escposDisplay':
      return { columns: protocol.spec.columns, rows: protocol.spec.rows, encoding: protocol.spec.encoding }
    case 'escpos':
      return { columns: protocol.print.columns, rows: 1, encoding: 'gb18030' }
    case 'cardLine':
      return { columns: 0, rows: 0, encoding: 'ascii' }
  }
}

const CALL_TEMPLATES = ['{number} → {counter}', '{number}→{counter}', '{number}'] as const

/**
 * Defaults that fit the display: "A023 → 3" where there is room, "A023→3" where it is tight
 * (an 8-column GB module, where the arrow is a full-width glyph), the bare number on a 3–4
 * digit board or a keypad; a paused counter "暂停服务" (or "暂停") on GB displays, "PAUSED" on
 * Latin ones; a closed one "未开放" and "CLOSED", the lobby screen's words for a counter that is
 * not open (`display.counters.closed`); dashes where the words do not fit.
 */
function resolveDisplay(config: DeviceConfig, protocol: ResolvedProtocol): DisplayFormat {
  const { columns, rows, encoding } = displayGeometry(protocol)
  // The widest call format that fits a typical call ("A023", a one-digit counter).
  const fits = (template: string): boolean => textColumns(fillTemplate(template, 'A000', 0), encoding) <= columns
  const callTemplate = config.role === 'callerKeypad' ? '{number}' : (CALL_TEMPLATES.find(fits) ?? '{number}')
  const dashes = '-'.repeat(Math.min(columns, 4))
  const latinPause = columns >= 6 ? 'PAUSED' : dashes
  const pausedText =
    encoding === 'gb18030' ? (columns >= 8 ? '暂停服务' : columns >= 4 ? '暂停' : latinPause) : latinPause
  // "未开放" and "CLOSED" both take 6 columns; no shorter word says "not open" without misleading.
  const closedText = columns >= 6 ? (encoding === 'gb18030' ? '未开放' : 'CLOSED') : dashes
  return {
    callTemplate: config.display?.callTemplate ?? callTemplate,
    pausedText: config.display?.pausedText ?? pausedText,
    closedText: config.display?.closedText ?? closedText,
    align: config.display?.align ?? 'center',
    blinkOnCall: config.display?.blinkOnCall ?? true,
    blinkMs: config.display?.blinkMs ?? 5000,
    columns,
    rows,
    encoding,
  }
}

function resolveConnection(connection: DeviceConfig['connection']): ResolvedConnection {
  if (connection.type !== 'serial') return connection
  return {
    type: 'serial',
    path: connection.path,
    baudRate: connection.baudRate,
    dataBits: connection.dataBits ?? 8,
    parity: connection.parity ?? 'none',
    stopBits: connection.stopBits ?? 1,
  }
}

/**
 * Fills every default of a validated device configuration.
 *
 * @example
 * resolveDevice({ id: 'p1', role: 'ticketPrinter', connection: { type: 'dump' }, protocol: { dialect: 'escpos' } })
 *   .protocol //=> { dialect: 'escpos', print: { columns: 48, ... }, statusQuery: true, ... }
 */
export function resolveDevice(config: DeviceConfig): ResolvedDevice {
  const protocol = resolveProtocol(config.protocol)
  const actions = new Map<number, KeypadAction>()
  const scores = new Map<number, number>()
  if (config.role === 'callerKeypad') {
    for (const k of config.keys ?? DEFAULT_CALLER_KEYS) if ('action' in k) actions.set(k.code, k.action)
  }
  if (config.role === 'ratingPad') {
    for (const k of config.keys ?? DEFAULT_RATING_KEYS) if ('score' in k) scores.set(k.code, k.score)
  }
  return {
    id: config.id,
    name: config.name ?? config.id,
    role: config.role,
    counterNumber: config.counterNumber ?? null,
    kiosk: config.kiosk ?? null,
    connection: resolveConnection(config.connection),
    protocol,
    display: resolveDisplay(config, protocol),
    actions,
    scores,
    // A reader sending track 1 and track 2 of one swipe as two lines: one read.
    debounceMs: config.debounceMs ?? (config.role === 'cardReader' ? 1000 : 300),
  }
}
