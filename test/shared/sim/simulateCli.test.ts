import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const script = join(root, 'scripts', 'simulate.ts')

const scenario = {
  name: 'Two hours, two counters',
  hours: { open: '09:00', close: '11:00' },
  services: [
    {
      id: 'personal',
      prefix: 'A',
      targetWaitSec: 300,
      standardSec: 90,
      serviceTime: { dist: 'lognormal', meanSec: 100, cv: 0.7 },
    },
  ],
  arrivals: [{ service: 'personal', perHour: [50, 60] }],
  counters: [
    { id: 'c1', services: ['personal'] },
    { id: 'c2', services: ['personal'], open: '09:30' },
  ],
  seed: 5,
}

describe('scripts/simulate.ts', () => {
  it('writes a JSON line per ticket and the summary, the same for the same seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simulate-'))
    const file = join(dir, 'scenario.json')
    writeFileSync(file, JSON.stringify(scenario))
    const run = (out: string): string =>
      execFileSync(tsx, [script, '--scenario', file, '--out', join(dir, out), '--seed', '7', '--history-days', '1'], {
        encoding: 'utf8',
      })
    const said = run('a.jsonl')
    run('b.jsonl')
    const lines = readFileSync(join(dir, 'a.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.length).toBeGreaterThan(60)
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'ticket',
      'service',
      'priority',
      'issuedAt',
      'calledAt',
      'startedAt',
      'endedAt',
      'counter',
      'aheadAtIssue',
      'estimate',
      'outcome',
    ])
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'a.jsonl'), 'utf8'))
    const summary = JSON.parse(readFileSync(join(dir, 'a.summary.json'), 'utf8')) as { branch: { issued: number } }
    expect(summary.branch.issued).toBe(lines.length)
    expect(said).toContain(`wrote ${join(dir, 'a.jsonl')}`)
  }, 60_000)

  it('refuses an invalid scenario, naming every bad field, with exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simulate-'))
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ ...scenario, walkSec: -3, counters: [{ id: 'c1', services: ['loans'] }] }))
    const r = spawnSync(tsx, [script, '--scenario', file, '--out', join(dir, 'x.jsonl')], { encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('walkSec: must be >= 0')
  }, 60_000)

  it('names a trace file that does not exist as a missing input, with exit code 1 and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simulate-'))
    const file = join(dir, 'scenario.json')
    writeFileSync(file, JSON.stringify(scenario))
    const missing = join(dir, 'missing.csv')
    const r = spawnSync(tsx, [script, '--scenario', file, '--out', join(dir, 'x.jsonl'), '--trace', missing], {
      encoding: 'utf8',
    })
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe(`${missing}: no such trace (an input: recorded arrivals, CSV) file`)
  })

  it('explains its arguments when they are missing', () => {
    const r = spawnSync(tsx, [script, '--out', 'x.jsonl'], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('usage: simulate --scenario')
  }, 60_000)
})
