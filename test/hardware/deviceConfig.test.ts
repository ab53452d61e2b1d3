import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { DevicesConfigSchema } from '../../hardware/config/deviceSchema'
import { parseDeviceConfigs } from '../../hardware/config/parseDeviceConfigs'
import { resolveDevice } from '../../hardware/config/resolveDevice'
import { COUNTER_BOARD, FF68 } from '../../hardware/framed/presets'

/** A branch's devices: a kiosk printer, a network printer, a Modbus bus, a framed bus, a pole display. */
const BRANCH_DEVICES = [
  {
    id: 'kiosk-printer',
    name: 'Kiosk printer',
    role: 'ticketPrinter',
    connection: { type: 'serial', path: '/dev/ttyS0', baudRate: 9600 },
    protocol: { dialect: 'escpos' },
  },
  {
    id: 'net-printer',
    role: 'ticketPrinter',
    connection: { type: 'tcp', host: '192.168.1.50', port: 9100 },
    protocol: { dialect: 'escpos', columns: 48 },
  },
  {
    id: 'counter-1',
    role: 'counterDisplay',
    counterNumber: 1,
    connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
    protocol: { dialect: 'modbusRtu', address: 1 },
  },
  {
    id: 'counter-2',
    role: 'counterDisplay',
    counterNumber: 2,
    connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
    protocol: { dialect: 'modbusRtu', address: 2, encoding: 'gb18030', registers: { textLength: 12 } },
  },
  {
    id: 'lobby',
    role: 'lobbyDisplay',
    connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
    protocol: { dialect: 'modbusRtu', address: 10, registers: { textLength: 40 } },
  },
  {
    id: 'keypad-1',
    role: 'callerKeypad',
    counterNumber: 1,
    connection: { type: 'serial', path: '/dev/ttyUSB1', baudRate: 9600 },
    protocol: { dialect: 'framed', address: 0x21, framing: { preset: 'ff68' } },
  },
  {
    id: 'rating-1',
    role: 'ratingPad',
    counterNumber: 1,
    connection: { type: 'serial', path: '/dev/ttyUSB1', baudRate: 9600 },
    protocol: { dialect: 'framed', address: 0x31, framing: { preset: 'ff68' } },
    keys: [
      { code: 0x31, score: 5 },
      { code: 0x35, score: 1 },
    ],
  },
  {
    id: 'pole-3',
    role: 'customerDisplay',
    counterNumber: 3,
    connection: { type: 'serial', path: '/dev/ttyUSB2', baudRate: 9600 },
    protocol: { dialect: 'escposDisplay', encoding: 'gb18030' },
  },
] as const

const issuesOf = (input: unknown): { path: string; message: string }[] => {
  const r = parseDeviceConfigs(input)
  return r.ok ? [] : [...r.error]
}

const withDevice = (i: number, patch: (d: Record<string, unknown>) => Record<string, unknown>): unknown[] =>
  BRANCH_DEVICES.map((d, j) => (j === i ? patch(structuredClone(d) as unknown as Record<string, unknown>) : d))

describe('parseDeviceConfigs', () => {
  it('accepts a whole branch of devices, as the schema the hub embeds does', () => {
    expect(issuesOf(BRANCH_DEVICES)).toEqual([])
    expect(Value.Check(DevicesConfigSchema, BRANCH_DEVICES)).toBe(true)
  })

  it('names the field of an unknown role and lists the roles', () => {
    expect(issuesOf(withDevice(0, (d) => ({ ...d, role: 'printer' })))).toEqual([
      { path: 'devices[0].role', message: expect.stringContaining('must be one of "ticketPrinter", "counterDisplay"') },
    ])
  })

  it('names the field of an out-of-range Modbus address', () => {
    expect(issuesOf(withDevice(2, (d) => ({ ...d, protocol: { dialect: 'modbusRtu', address: 300 } })))).toEqual([
      { path: 'devices[2].protocol.address', message: 'must be <= 247' },
    ])
  })

  it('names a missing field, an unknown field and a bad baud rate at once', () => {
    const issues = issuesOf(withDevice(0, (d) => ({ ...d, connection: { type: 'serial', baudRate: 9601, speed: 1 } })))
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'devices[0].connection.path', message: 'is required' },
        { path: 'devices[0].connection.speed', message: 'unknown field' },
        { path: 'devices[0].connection.baudRate', message: expect.stringContaining('must be one of 1200, 2400') },
      ]),
    )
  })

  it('says which connection types and dialects exist when the tag is wrong', () => {
    expect(issuesOf(withDevice(0, (d) => ({ ...d, connection: { type: 'usb' } })))).toEqual([
      { path: 'devices[0].connection.type', message: 'must be one of "serial", "tcp", "dump"' },
    ])
    expect(issuesOf(withDevice(0, (d) => ({ ...d, protocol: { dialect: 'star' } })))[0]?.path).toBe(
      'devices[0].protocol.dialect',
    )
  })

  it('checks custom frame fields by their kind', () => {
    const issues = issuesOf(
      withDevice(5, (d) => ({
        ...d,
        protocol: {
          dialect: 'framed',
          address: 1,
          framing: {
            fields: [
              { kind: 'bytes', bytes: [256] },
              { kind: 'checksum', type: 'md5', from: 'address', to: 'payload' },
            ],
          },
        },
      })),
    )
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'devices[5].protocol.framing.fields[0].bytes[0]', message: 'must be <= 255' },
        { path: 'devices[5].protocol.framing.fields[1].type', message: 'must be one of "sum8", "xor8", "crc16modbus"' },
      ]),
    )
  })

  it('rejects a dialect the role cannot speak', () => {
    expect(issuesOf(withDevice(5, (d) => ({ ...d, protocol: { dialect: 'modbusRtu', address: 5 } })))).toContainEqual({
      path: 'devices[5].protocol.dialect',
      message: "a callerKeypad speaks 'framed', not 'modbusRtu'",
    })
  })

  it('requires the counter of a counter display and refuses one on the lobby display', () => {
    const issues = [
      ...issuesOf(withDevice(2, ({ counterNumber: _, ...d }) => d)),
      ...issuesOf(withDevice(4, (d) => ({ ...d, counterNumber: 4 }))),
    ]
    expect(issues.map((i) => i.path)).toEqual(['devices[2].counterNumber', 'devices[4].counterNumber'])
  })

  it('rejects duplicate ids, duplicate bus addresses and duplicate key codes', () => {
    const issues = issuesOf([
      ...BRANCH_DEVICES,
      { ...BRANCH_DEVICES[3], id: 'counter-1' },
      { ...BRANCH_DEVICES[3], id: 'counter-9', counterNumber: 9 },
      {
        ...BRANCH_DEVICES[6],
        id: 'rating-2',
        counterNumber: 2,
        protocol: { ...BRANCH_DEVICES[6].protocol, address: 0x32 },
        keys: [
          { code: 1, score: 5 },
          { code: 1, score: 4 },
        ],
      },
    ])
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'devices[8].id', message: "'counter-1' is used by devices[2] too" },
        { path: 'devices[9].protocol.address', message: "address 2 is already used by 'counter-2' on this bus" },
        { path: 'devices[10].keys[1].code', message: 'code 1 is already bound by keys[0]' },
      ]),
    )
  })

  it('refuses to share a printer port, different serial settings on a bus, and mixed protocols on a bus', () => {
    const sharedPrinter = issuesOf(withDevice(1, (d) => ({ ...d, connection: BRANCH_DEVICES[0].connection })))
    expect(sharedPrinter.map((i) => i.path)).toContain('devices[0].connection')
    const baud = issuesOf(
      withDevice(3, (d) => ({ ...d, connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 } })),
    )
    expect(baud).toContainEqual({
      path: 'devices[3].connection',
      message: "shares a bus with 'counter-1' but its serial settings differ",
    })
    const mixed = issuesOf(
      withDevice(5, (d) => ({ ...d, connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 } })),
    )
    expect(mixed).toContainEqual({
      path: 'devices[5].protocol.dialect',
      message: "shares a bus with 'counter-1', which speaks 'modbusRtu'",
    })
  })

  it('checks that a custom framing can be decoded', () => {
    const issues = issuesOf(
      withDevice(5, (d) => ({
        ...d,
        protocol: {
          dialect: 'framed',
          address: 1,
          framing: {
            fields: [
              { kind: 'address' },
              { kind: 'command' },
              { kind: 'payload' },
              { kind: 'checksum', type: 'sum8', from: 'address', to: 'payload' },
            ],
          },
        },
      })),
    )
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'devices[5].protocol.framing.payload.width',
          message: expect.stringContaining('needs a length field before it or an end marker'),
        },
        { path: 'devices[5].protocol.framing.fields[0]', message: expect.stringContaining('needs a start marker') },
      ]),
    )
  })

  it('refuses a fixed payload too long for a one-byte length field', () => {
    const fields = [
      { kind: 'bytes', bytes: [2] },
      { kind: 'length', from: 'address', to: 'payload', width: 1, adjust: 60 },
      { kind: 'address' },
      { kind: 'payload' },
    ]
    const issues = issuesOf(
      withDevice(4, (d) => ({
        ...d,
        protocol: { dialect: 'framed', address: 10, framing: { fields, payload: { width: 200 } } },
      })),
    )
    expect(issues).toContainEqual({
      path: 'devices[4].protocol.framing.payload.width',
      message: 'makes the 1-byte length field overflow (261 > 255)',
    })
  })

  it('rejects what is not a list', () => {
    expect(issuesOf({ devices: [] })).toEqual([{ path: 'devices', message: 'must be a list of devices' }])
  })
})

describe('resolveDevice', () => {
  const resolve = (i: number) => {
    const r = parseDeviceConfigs(BRANCH_DEVICES)
    if (!r.ok) throw new Error('invalid fixture')
    const config = r.value[i]
    if (config === undefined) throw new Error('no device')
    return resolveDevice(config)
  }

  it('fills the printer defaults: 48 columns, triple-size number, GB18030, status queries, a poll', () => {
    expect(resolve(0).protocol).toEqual({
      dialect: 'escpos',
      print: { columns: 48, numberScale: 3, qrModuleSize: 6, cut: 'partial', charset: 'gb18030' },
      statusQuery: true,
      statusTimeoutMs: 1000,
      pollMs: 30_000,
    })
    expect(resolve(0).connection).toEqual({
      type: 'serial',
      path: '/dev/ttyS0',
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
    })
  })

  it('words an 8-column Latin board "A023 → 3" / "PAUSED" and a 12-column GB board "暂停服务"', () => {
    expect(resolve(2).display).toMatchObject({
      callTemplate: '{number} → {counter}',
      pausedText: 'PAUSED',
      columns: 8,
      encoding: 'ascii',
    })
    expect(resolve(3).display).toMatchObject({ pausedText: '暂停服务', columns: 12, encoding: 'gb18030' })
  })

  it('drops the spaces around the arrow where a full-width arrow would not fit', () => {
    const gb8 = resolveDevice({
      id: 'gb8',
      role: 'counterDisplay',
      counterNumber: 1,
      connection: { type: 'dump' },
      protocol: { dialect: 'modbusRtu', address: 1, encoding: 'gb18030' },
    })
    expect(gb8.display).toMatchObject({ callTemplate: '{number}→{counter}', pausedText: '暂停服务', columns: 8 })
  })

  it('shows only the number on a keypad and a 3-digit counter board', () => {
    expect(resolve(5).display.callTemplate).toBe('{number}')
    const board = resolveDevice({
      id: 'b',
      role: 'counterDisplay',
      counterNumber: 1,
      connection: { type: 'dump' },
      protocol: { dialect: 'framed', address: 1, framing: { preset: 'counterBoard' } },
    })
    expect(board.display).toMatchObject({ callTemplate: '{number}', pausedText: '---', columns: 3 })
    expect(board.protocol).toEqual({ dialect: 'framed', address: 1, framing: COUNTER_BOARD })
  })

  it('words a closed counter apart from a paused one: "CLOSED" / "未开放", dashes where neither fits', () => {
    expect(resolve(2).display).toMatchObject({ pausedText: 'PAUSED', closedText: 'CLOSED' })
    expect(resolve(3).display).toMatchObject({ pausedText: '暂停服务', closedText: '未开放' })
    const gb = (textLength: number) =>
      resolveDevice({
        id: 'gb',
        role: 'counterDisplay',
        counterNumber: 1,
        connection: { type: 'dump' },
        protocol: { dialect: 'modbusRtu', address: 1, encoding: 'gb18030', registers: { textLength } },
      }).display
    expect(gb(6)).toMatchObject({ pausedText: '暂停', closedText: '未开放' })
    expect(gb(4)).toMatchObject({ pausedText: '暂停', closedText: '----' })
    const board = resolveDevice({
      id: 'b',
      role: 'counterDisplay',
      counterNumber: 1,
      connection: { type: 'dump' },
      protocol: { dialect: 'framed', address: 1, framing: { preset: 'counterBoard' } },
      display: { closedText: '000' },
    })
    expect(board.display).toMatchObject({ pausedText: '---', closedText: '000' })
  })

  it('lays config overrides over a preset', () => {
    const d = resolveDevice({
      id: 'k',
      role: 'callerKeypad',
      counterNumber: 1,
      connection: { type: 'dump' },
      protocol: { dialect: 'framed', address: 1, framing: { preset: 'ff68', commands: { ack: null, show: 0x40 } } },
    })
    expect(d.protocol.dialect === 'framed' && d.protocol.framing.commands).toEqual({
      ...FF68.commands,
      ack: null,
      show: 0x40,
    })
    expect(d.actions.get(0x11)).toBe('callNext')
  })

  it('maps rating keys to scores from the config', () => {
    expect([...resolve(6).scores]).toEqual([
      [0x31, 5],
      [0x35, 1],
    ])
  })
})

describe('card reader configuration', () => {
  const reader = {
    id: 'kiosk-reader',
    role: 'cardReader',
    kiosk: 'Lobby kiosk',
    connection: { type: 'serial', path: '/dev/ttyUSB3', baudRate: 9600 },
    protocol: { dialect: 'cardLine' },
  }

  it('takes a reader with its kiosk and fills the line defaults', () => {
    const parsed = parseDeviceConfigs([reader])
    expect(parsed.ok).toBe(true)
    const resolved = resolveDevice(parsed.ok ? parsed.value[0]! : (reader as never))
    expect(resolved).toMatchObject({
      kiosk: 'Lobby kiosk',
      debounceMs: 1000,
      protocol: { dialect: 'cardLine', lines: { terminator: 'any', maxLength: 256, timeoutMs: 500 } },
    })
  })

  describe('edge cases', () => {
    it('refuses a reader speaking another dialect, a kiosk on another device, a shared port and a bad terminator', () => {
      const problems = (devices: unknown[]) => {
        const r = parseDeviceConfigs(devices)
        return r.ok ? [] : r.error.map((p) => `${p.path}: ${p.message}`)
      }
      expect(problems([{ ...reader, protocol: { dialect: 'escpos' } }])).toEqual([
        "devices[0].protocol.dialect: a cardReader speaks 'cardLine', not 'escpos'",
      ])
      expect(problems([{ ...BRANCH_DEVICES[0], kiosk: 'Lobby kiosk' }])).toEqual([
        'devices[0].kiosk: only a card reader belongs to a kiosk, not a ticketPrinter',
      ])
      expect(problems([reader, { ...reader, id: 'second-reader' }])).toEqual([
        "devices[0].connection: is shared with 'second-reader'; a card reader needs a port of its own",
        "devices[1].connection: is shared with 'kiosk-reader'; a card reader needs a port of its own",
      ])
      expect(problems([{ ...reader, protocol: { dialect: 'cardLine', terminator: 'tab' } }])[0]).toMatch(
        /^devices\[0\]\.protocol\.terminator: must be one of/,
      )
    })
  })
})
