import { describe, expect, it } from 'vitest'
import { csvField, toCsv, UTF8_BOM } from '../../../shared/reports/csv'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { kpisCsv, ticketsCsv, trendCsv } from '../../../shared/reports/exportCsv'
import { TEST_BRANCH } from '../support/testBranch'
import { handDayEvents } from './support/handDay'

/** A strict RFC 4180 reader, to check what Excel would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else field += c
      i++
      continue
    }
    if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
    i++
  }
  return rows
}

describe('csv', () => {
  it('quotes fields as RFC 4180 asks and leaves plain ones alone', () => {
    expect(csvField('A001')).toBe('A001')
    expect(csvField('Say "hi", please')).toBe('"Say ""hi"", please"')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(' padded')).toBe('" padded"')
    expect(csvField(12.5)).toBe('12.5')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(null)).toBe('')
  })

  it('writes a UTF-8 BOM, CRLF line ends, and reads back to the same cells', () => {
    const cells = [
      ['业务', 'note'],
      ['个人业务', 'a "quoted", multi\r\nline note'],
      ['', '末尾'],
    ]
    const text = toCsv(cells)
    expect(text.startsWith(UTF8_BOM)).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(parseCsv(text.slice(1))).toEqual(cells)
    // the BOM is the three bytes EF BB BF once encoded as UTF-8
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })
})

describe('report CSV exports', () => {
  const branch = {
    ...TEST_BRANCH,
    services: TEST_BRANCH.services.map((s, i) =>
      i === 0 ? { ...s, name: { 'zh-CN': '个人业务,储蓄', en: 'Personal, "savings"' } } : s,
    ),
  }
  const report = buildDayReport({ events: handDayEvents(), branch, utcOffsetMinutes: 480, feedback: [], asOf: null })

  it('gives one row per ticket with local times and headers in the chosen language', () => {
    const zh = parseCsv(ticketsCsv(report, 'zh-CN').slice(1))
    expect(zh).toHaveLength(1 + report.tickets.length)
    expect(zh[0]?.slice(0, 3)).toEqual(['号码', '业务', '实际办理业务'])
    const a1 = zh[1] as string[]
    const col = (name: string): string => a1[(zh[0] as string[]).indexOf(name)] as string
    expect(col('号码')).toBe('A001')
    expect(col('业务')).toBe('个人业务,储蓄')
    expect(col('取号时间')).toBe('2026-11-24 09:00:00')
    expect(col('叫号时间')).toBe('2026-11-24 09:04:10')
    expect(col('等候时间(秒)')).toBe('250')
    expect(col('目标内叫号')).toBe('是')
    expect(col('结果')).toBe('已办理')
    expect(col('预计范围(秒)')).toBe('100–300')
    const en = parseCsv(ticketsCsv(report, 'en').slice(1))
    expect(en[0]?.[0]).toBe('Ticket')
    expect(en[1]?.[1]).toBe('Personal, "savings"')
  })

  it('gives one row per KPI, shares as percentages', () => {
    const rows = parseCsv(kpisCsv(report.kpis, 'en').slice(1))
    expect(rows[0]).toEqual(['KPI', 'Value'])
    const value = (label: string): string | undefined => rows.find((r) => r[0] === label)?.[1]
    expect(value('Tickets issued')).toBe('8')
    expect(value('Called within target (%)')).toBe('100')
    expect(value('Transactions within standard (%)')).toBe('83.3')
    expect(value('Appointments on time (%)')).toBe('')
    expect(parseCsv(kpisCsv(report.kpis, 'zh-CN').slice(1))[0]).toEqual(['指标', '数值'])
  })

  it('gives one row per day in the trend export', () => {
    const rows = parseCsv(trendCsv([{ label: '2026-11-24', kpis: report.kpis }], 'zh-CN').slice(1))
    expect(rows).toHaveLength(2)
    expect(rows[0]?.[0]).toBe('日期')
    expect(rows[1]?.[0]).toBe('2026-11-24')
    expect(rows[1]).toHaveLength(rows[0]?.length as number)
  })
})
