import { describe, expect, it } from 'vitest'
import { partialCut, qrCode, statusRequest } from '../../hardware/escpos/commands'
import { encodeTicket } from '../../hardware/escpos/encodeTicket'
import { forPrinter } from '../../hardware/escpos/escposText'
import { testTicketLayout } from '../../hardware/escpos/testTicket'
import type { TicketLayout } from '../../hardware/escpos/ticketLayout'
import { EscPosDecoder, type PrintedTicket } from './emulators/escposDecoder'
import { CHINESE_TICKET, ENGLISH_TICKET } from './fixtures'
import { say } from '../../shared/i18n/catalogue'
import { callingNote } from '../../shared/i18n/ticketFacts'
import { textColumns } from '../../hardware/text/encoding'

const hex = (bytes: ArrayLike<number>): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')

function decode(
  bytes: Uint8Array,
  firmware: 'plain' | 'startsInChineseMode' = 'plain',
): { tickets: PrintedTicket[]; errors: readonly string[] } {
  const tickets: PrintedTicket[] = []
  const decoder = new EscPosDecoder({ ticket: (t) => tickets.push(t), status: () => undefined }, firmware)
  decoder.push(bytes)
  return { tickets, errors: decoder.errors }
}

const MINIMAL: TicketLayout = {
  language: 'zh-CN',
  branchName: '中文',
  number: 'A1',
  serviceName: 'X',
  peopleAhead: '',
  estimate: '',
  issuedAt: '',
  lines: [],
  documentsTitle: '',
  documents: [],
  callingNote: '',
  qr: { url: 'u', caption: '' },
  footer: '',
}

describe('ESC/POS commands (golden bytes)', () => {
  it('builds a native QR code from GS ( k functions 165, 167, 169, 180, 181', () => {
    expect(hex(qrCode([0x41], 6, 'M'))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00', // fn 165: model 2
        '1d 28 6b 03 00 31 43 06', // fn 167: module size 6
        '1d 28 6b 03 00 31 45 31', // fn 169: error correction M (49)
        '1d 28 6b 04 00 31 50 30 41', // fn 180: store "A"; pL = 1 + 3
        '1d 28 6b 03 00 31 51 30', // fn 181: print
      ].join(' '),
    )
  })

  it('counts stored QR data in pL and pH', () => {
    const data = new Uint8Array(300).fill(0x61)
    const bytes = qrCode(data, 4, 'L')
    const store = bytes.indexOf(0x50) - 6
    expect(bytes.slice(store, store + 5)).toEqual([0x1d, 0x28, 0x6b, 303 & 0xff, 303 >> 8])
  })

  it('asks status with DLE EOT and cuts partially with GS V 66', () => {
    expect(statusRequest('printer')).toEqual([0x10, 0x04, 0x01])
    expect(statusRequest('offlineCause')).toEqual([0x10, 0x04, 0x02])
    expect(statusRequest('paperSensor')).toEqual([0x10, 0x04, 0x04])
    expect(partialCut()).toEqual([0x1d, 0x56, 0x42, 0x00])
  })
})

describe('encodeTicket', () => {
  it('encodes a minimal ticket to exactly these bytes', () => {
    const bytes = encodeTicket(MINIMAL, {
      columns: 48,
      numberScale: 2,
      qrModuleSize: 4,
      cut: 'partial',
      charset: 'gb18030',
    })
    expect(hex(bytes)).toBe(
      [
        '1b 40', // ESC @ initialise
        '1c 2e', // FS . Kanji mode off: GB18030 firmware may start in it and keep it after ESC @
        '1b 74 00', // ESC t 0: code page 437
        '1b 61 01', // ESC a 1: centre
        '1b 45 01', // ESC E 1: bold
        '1c 26 d6 d0 ce c4 0a', // FS & (Kanji mode) 中文 in GB18030, LF
        '1b 45 00', // bold off
        '1d 21 11 41 31 0a', // GS ! 0x11 (2 × 2) "A1" LF
        '1d 21 00', // normal size
        '58 0a', // "X" LF (ASCII reads the same in Kanji mode)
        '1b 61 00', // left
        '1b 61 01', // centre for the QR code
        '1c 2e', // FS . Kanji mode off before binary QR data
        '1d 28 6b 04 00 31 41 32 00 1d 28 6b 03 00 31 43 04 1d 28 6b 03 00 31 45 31',
        '1d 28 6b 04 00 31 50 30 75 1d 28 6b 03 00 31 51 30', // store "u", print
        '1b 64 01', // feed one line
        '1d 56 42 00', // partial cut
      ].join(' '),
    )
  })

  it('decodes back to the Chinese ticket, block by block', () => {
    const bytes = encodeTicket(CHINESE_TICKET)
    const { tickets, errors } = decode(bytes)
    expect(errors).toEqual([])
    expect(tickets).toHaveLength(1)
    const ticket = tickets[0]
    if (ticket === undefined) throw new Error('no ticket')
    const texts = ticket.lines.map((l) => l.text)
    expect(ticket.lines[0]).toMatchObject({ text: '演示银行 中山路支行', align: 'center', bold: true })
    expect(ticket.lines.find((l) => l.text === 'A023')).toMatchObject({ align: 'center', width: 3, height: 3 })
    expect(texts).toContain('个人业务')
    expect(texts).toContain('您前面还有 5 人')
    expect(texts).toContain('预计等候 8-15 分钟')
    expect(texts).toContain('取号时间 2026-11-24 09:12')
    expect(texts).toEqual(
      expect.arrayContaining(['1. 本人身份证', '2. 银行卡或存折', '3. 风险评估问卷(可在等候区填写)']),
    )
    // Wrapping drops the spaces at line breaks.
    expect(texts.join('').replace(/ /g, '')).toContain(CHINESE_TICKET.callingNote.replace(/ /g, ''))
    expect(ticket.qrCodes).toEqual([
      { data: 'https://lobby.example.cn/t/20261124-A023', model: 2, moduleSize: 6, errorCorrection: 'M' },
    ])
    expect(texts).toContain('扫码查看实时排队进度')
    expect(ticket.cut).toBe('partial')
    expect(ticket.bytes).toBe(bytes.length)
  })

  it('keeps a typical Chinese ticket with three documents and a QR code under 1 KB', () => {
    expect(encodeTicket(CHINESE_TICKET).length).toBeLessThan(1024)
  })

  it('prints an English ticket in the code page, never entering Kanji mode', () => {
    const bytes = encodeTicket(ENGLISH_TICKET)
    expect(hex(bytes)).not.toContain('1c 26')
    const { tickets, errors } = decode(bytes)
    expect(errors).toEqual([])
    const texts = tickets[0]?.lines.map((l) => l.text) ?? []
    expect(texts).toContain('B005')
    expect(texts).toContain('Estimated wait 4-9 min')
    expect(texts).toContain('Priority: premier customer')
    expect(texts).toContain("2. Agent's ID card and letter of authority")
    expect(bytes.length).toBeLessThan(1024)
  })

  it('wraps long lines at the paper width instead of leaving it to the printer', () => {
    const { tickets } = decode(encodeTicket(ENGLISH_TICKET))
    const note = tickets[0]?.lines.filter((l) => l.text.startsWith('Watch') || l.text.includes('re-join')) ?? []
    expect(note.length).toBeGreaterThan(0)
    for (const line of tickets[0]?.lines ?? []) expect(line.text.length * line.width).toBeLessThanOrEqual(48)
  })

  // The missed-call rule in its three sentences (one per count) is the longest paragraph printed.
  it.each([
    [CHINESE_TICKET, 'zh-CN', 32],
    [CHINESE_TICKET, 'zh-CN', 48],
    [ENGLISH_TICKET, 'en', 32],
    [ENGLISH_TICKET, 'en', 48],
  ] as const)(
    'prints the whole missed-call rule within the paper width (%#: %s, %i columns)',
    (ticket, language, columns) => {
      const note = callingNote({ recallsBeforeNoShow: 0, graceMin: 1, rejoinBehind: 1 }, language, (ref) =>
        say(language, ref),
      )
      const bytes = encodeTicket(
        { ...ticket, callingNote: note },
        {
          columns,
          numberScale: 2,
          qrModuleSize: 4,
          cut: 'full',
          charset: 'gb18030',
        },
      )
      const lines = decode(bytes).tickets[0]?.lines ?? []
      for (const line of lines) expect(textColumns(line.text, 'gb18030') * line.width).toBeLessThanOrEqual(columns)
      const printed = lines
        .map((l) => l.text)
        .join('')
        .replace(/ /g, '')
      expect(printed).toContain(note.replace(/ /g, ''))
      expect(bytes.length).toBeLessThan(1024)
    },
  )

  it('switches Kanji mode only around characters the code page lacks', () => {
    const bytes = encodeTicket({ ...MINIMAL, branchName: 'café 中 é' })
    // c a f é(0x82) ␠ FS & 中 FS . ␠ é: Kanji mode is left for é, which only the code page has.
    expect(hex(bytes)).toContain('63 61 66 82 20 1c 26 d6 d0 20 1c 2e 82 0a')
    expect(decode(bytes).tickets[0]?.lines[0]?.text).toBe('café 中 é')
  })

  it('leaves Chinese mode before any single-byte text, on firmware that starts in it and keeps it after ESC @', () => {
    for (const layout of [ENGLISH_TICKET, CHINESE_TICKET, testTicketLayout('en', 'kiosk-1', '2026-11-24 09:00')]) {
      const plain = decode(encodeTicket(layout))
      const chinese = decode(encodeTicket(layout), 'startsInChineseMode')
      expect(chinese.errors).toEqual([])
      expect(chinese.tickets[0]?.lines.map((l) => l.text)).toEqual(plain.tickets[0]?.lines.map((l) => l.text))
    }
    // "café £5" is code page 437: read as GB18030 lead bytes it would come out garbled.
    const test = decode(encodeTicket(testTicketLayout('en', 'kiosk-1', '2026-11-24 09:00')), 'startsInChineseMode')
    expect(test.tickets[0]?.lines.map((l) => l.text)).toContain('Latin text: café £5 (code page 437)')
  })

  it('prints a test ticket in either language that decodes cleanly', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const { tickets, errors } = decode(encodeTicket(testTicketLayout(language, 'kiosk-1', '2026-11-24 09:00')))
      expect(errors).toEqual([])
      expect(tickets[0]?.lines.some((l) => l.text === 'TEST')).toBe(true)
      expect(tickets[0]?.qrCodes).toHaveLength(1)
    }
  })

  it('uses a full cut and a smaller number when the printer is set so', () => {
    const { tickets } = decode(
      encodeTicket(CHINESE_TICKET, { columns: 32, numberScale: 2, qrModuleSize: 4, cut: 'full', charset: 'gb18030' }),
    )
    expect(tickets[0]?.cut).toBe('full')
    expect(tickets[0]?.lines.find((l) => l.text === 'A023')).toMatchObject({ width: 2, height: 2 })
    expect(tickets[0]?.qrCodes[0]?.moduleSize).toBe(4)
  })
})

describe('forPrinter', () => {
  it('prints ? for what GBK lacks (GB18030’s four-byte characters), each named once', () => {
    expect(forPrinter('𠮷野家 𠮷 㐀', 'gbk')).toEqual({ text: '?野家 ? ?', replaced: ['𠮷', '㐀'] })
  })

  it('keeps ASCII, the code page, typographic punctuation and GBK’s Chinese on a GBK printer', () => {
    expect(forPrinter('Café – 中山路支行 (B005)', 'gbk')).toEqual({ text: 'Café – 中山路支行 (B005)', replaced: [] })
  })

  it('keeps every character on a GB18030 printer', () => {
    expect(forPrinter('𠮷野家 㐀', 'gb18030')).toEqual({ text: '𠮷野家 㐀', replaced: [] })
  })
})
