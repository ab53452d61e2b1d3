import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parseScenario } from '../../shared/sim/parseScenario'
import { parseTrace } from '../../shared/sim/trace'

const root = fileURLToPath(new URL('../../', import.meta.url))
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const script = join(root, 'scripts', 'import-anonymous-bank.ts')

const HEADER =
  'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver'
const clock = (sec: number): string =>
  `${Math.floor(sec / 3600)}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`

/** `n` calls on `date` (yymmdd) from 08:00, a minute apart: every fifth hangs up after 30 s in the queue. */
function day(date: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const asked = 8 * 3600 + 60 * i
    const hang = i % 5 === 4
    const talk = hang ? 0 : 100 + (i % 7) * 20
    return [
      'AA0101',
      String(i),
      '0',
      '0',
      i % 3 === 0 ? 'NW' : 'PS',
      date,
      clock(asked - 10),
      clock(asked),
      '10',
      clock(asked),
      clock(asked + 30),
      '30',
      hang ? 'HANG' : 'AGENT',
      hang ? '0:00:00' : clock(asked + 30),
      hang ? '0:00:00' : clock(asked + 30 + talk),
      String(talk),
      hang ? 'NO_SERVER' : 'DORIT',
    ].join('\t')
  })
}

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anonymous-bank-'))
  dirs.push(dir)
  return dir
}

describe('scripts/import-anonymous-bank.ts all', () => {
  it('converts every working day with enough calls and names each day it leaves out, with the reason', () => {
    const dir = scratch()
    const file = join(dir, 'bank-1999-02.txt')
    // Wednesday and Thursday are working days (the week is Sunday to Thursday), Friday is not;
    // a call that hung up in the voice menu never asked for an agent. Sunday 7 February is the
    // other day the rates come from: not the Thursday left out, nor the Friday.
    const menuOnly =
      'AA0101\t9\t0\t0\tPS\t990203\t9:00:00\t9:00:20\t20\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER'
    const lines = [
      HEADER,
      ...day('990203', 600),
      menuOnly,
      ...day('990204', 40),
      ...day('990205', 600),
      ...day('990207', 540),
    ]
    writeFileSync(file, lines.join('\n') + '\n')

    const out = execFileSync(tsx, [script, file, 'all'], { encoding: 'utf8' })

    expect(out).toContain('1 lines of the file skipped')
    expect(out).toMatch(/1999-02-03: 600 calls that asked for an agent \(120 hung up waiting\), 2 services/)
    expect(out).toContain('1999-02-04: left out, fewer than 500 calls (40 calls asked for an agent)')
    expect(out).toContain('1999-02-05: left out, not a working day (600 calls asked for an agent)')
    expect(existsSync(join(dir, 'bank-1999-02-04.json'))).toBe(false)
    expect(existsSync(join(dir, 'bank-1999-02-05.json'))).toBe(false)
    const scenario = parseScenario(JSON.parse(readFileSync(join(dir, 'bank-1999-02-03.json'), 'utf8')))
    expect(scenario.ok).toBe(true)
    if (!scenario.ok) return
    expect(scenario.value.date).toBe('1999-02-03')
    const trace = parseTrace(readFileSync(join(dir, 'bank-1999-02-03.csv'), 'utf8'), scenario.value)
    expect(trace.ok).toBe(true)
    if (!trace.ok) return
    expect(trace.value).toHaveLength(600)
    expect(trace.value.filter((r) => r.patienceSec === 30)).toHaveLength(120)
    const expected = scenario.value.arrivals.flatMap((a) => (Array.isArray(a.perHour) ? a.perHour : [a.perHour]))
    expect(expected.reduce((x, y) => x + y, 0)).toBeCloseTo(540, 6)
  })

  it('refuses a file of more than one month: its days would be written over each other', () => {
    const dir = scratch()
    const file = join(dir, 'bank-1999.txt')
    writeFileSync(file, [HEADER, ...day('990203', 600), ...day('990303', 600)].join('\n') + '\n')
    expect(() => execFileSync(tsx, [script, file, 'all'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /holds calls of 2 months \(1999-02, 1999-03\); give one month's file/,
    )
    expect(existsSync(join(dir, 'bank-1999-03.json'))).toBe(false)
  })
})
