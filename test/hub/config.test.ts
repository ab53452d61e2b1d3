import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import { branchFileProblems, ConfigError } from '../../hub/config/loadBranchFile'
import { DurableJsonFile } from '../../hub/persistence/durableJsonFile'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { startHub } from '../../hub/startHub'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { peopleAheadEstimator } from './support/peopleAheadEstimator'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-config-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const start = (demo: boolean) =>
  startHub({
    dataDir: dir,
    host: '127.0.0.1',
    port: 0,
    demo,
    rendererDir: null,
    estimator: peopleAheadEstimator(DEMO_BRANCH),
  })

async function demoFile(): Promise<Record<string, unknown>> {
  return JSON.parse(JSON.stringify(await demoBranchFile())) as Record<string, unknown>
}

describe('the branch configuration file', () => {
  it('is written for the demo when the folder is empty, and is valid', async () => {
    const hub = await start(true)
    await hub.close()
    const file = JSON.parse(await readFile(join(dir, 'branch.json'), 'utf8')) as unknown
    expect(branchFileProblems(file)).toEqual([])
    expect((await readdir(dir)).sort()).toEqual([
      'appointments.json',
      'branch.json',
      'feedback.json',
      'history.json',
      'journal',
      'logs',
      'security.json',
    ])
  })

  it('refuses to start without a configuration outside demo mode', async () => {
    await expect(start(false)).rejects.toThrow(
      /branch\.json is not a valid branch configuration:\n {2}- the file does not exist: copy one to start from and edit it \(`npm run demo` writes/,
    )
  })

  it('refuses a file that is not JSON, saying where', async () => {
    await writeFile(join(dir, 'branch.json'), '{\n  "version": 1,\n  "branch": {,\n}')
    await expect(start(true)).rejects.toThrow(/branch\.json: not valid JSON at line 3, column 14/)
    // and nothing was overwritten by the refused start
    expect(await readFile(join(dir, 'branch.json'), 'utf8')).toContain('"branch": {,')
  })

  it('reads every JSON file saved with a byte-order mark (Notepad’s “UTF-8 with BOM”) as if it were not there', async () => {
    await (await start(true)).close()
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'))
    expect(files).toContain('branch.json')
    for (const f of files) {
      const text = await readFile(join(dir, f), 'utf8')
      const edited = f === 'branch.json' ? text.replace(/"en": "[^"]*"/, '"en": "Saved in Notepad"') : text
      await writeFile(join(dir, f), `\uFEFF${edited}`)
    }
    const hub = await start(true)
    try {
      expect(hub.context.branch().name.en).toBe('Saved in Notepad')
    } finally {
      await hub.close()
    }
  })

  // A parsed JSON document, damaged on purpose field by field: `any` is the honest type here.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const cases: [string, (f: any) => void, string][] = [
    [
      'a wrong type',
      (f: any) => {
        f.branch.services[0].standardSec = 'sixty'
      },
      'branch.services[0].standardSec: must be integer',
    ],
    [
      'an unknown field',
      (f: any) => {
        f.network.hots = 'x'
      },
      'network.hots: unknown field',
    ],
    [
      'a missing field',
      (f: any) => {
        delete f.branch.policy.waitCapSec
      },
      'branch.policy.waitCapSec: is required',
    ],
    [
      'a bad prefix',
      (f: any) => {
        f.branch.services[1].prefix = 'b'
      },
      'branch.services[1].prefix: must match pattern',
    ],
    [
      'a counter serving an unknown service',
      (f: any) => {
        f.branch.counters[2].services = ['cards', 'mortgage']
      },
      "branch.counters[2].services[1]: unknown service 'mortgage'",
    ],
    [
      'a duplicate prefix',
      (f: any) => {
        f.branch.services[3].prefix = 'A'
      },
      "branch.services[3]: duplicate ticket prefix 'A'",
    ],
    [
      "a counter's hours that are not a time of day",
      (f: any) => {
        f.branch.counters[0].hours = [{ opens: '9:00', closes: '17:00' }]
      },
      'branch.counters[0].hours[0].opens: must be a time of day, HH:MM (24:00 for midnight)',
    ],
    [
      "a counter's hours closing before they open",
      (f: any) => {
        f.branch.counters[1].hours = [{ opens: '13:00', closes: '12:00' }]
      },
      'branch.counters[1].hours[0]: closes at 12:00, not after it opens at 13:00',
    ],
    [
      "a counter's hours overlapping",
      (f: any) => {
        f.branch.counters[1].hours = [
          { opens: '09:00', closes: '12:30' },
          { opens: '12:00', closes: '17:00' },
        ]
      },
      'branch.counters[1].hours[1]: opens at 12:00, before the stretch above closes',
    ],
    [
      'opening hours that are not a time of day',
      (f: any) => {
        f.calendar.opening.weekends = [{ opens: '10:00', closes: '4pm' }]
      },
      'calendar.opening.weekends[0].closes: must be a time of day, HH:MM (24:00 for midnight)',
    ],
    [
      'opening hours overlapping',
      (f: any) => {
        f.calendar.opening.workingDays = [
          { opens: '09:00', closes: '12:30' },
          { opens: '12:00', closes: '17:00' },
        ]
      },
      'calendar.opening.workingDays[1]: opens at 12:00, before the stretch above closes',
    ],
    [
      'no manager',
      (f: any) => {
        f.staff = f.staff.filter((s: { role: string }) => s.role !== 'manager')
      },
      'staff: at least one manager is needed',
    ],
    [
      'a plain-text PIN',
      (f: any) => {
        f.staff[0].pinHash = '1234'
      },
      'staff[0].pinHash: must match pattern',
    ],
  ]
  it.each(cases)('refuses %s, naming the field, and does not start', async (_what, damage, problem) => {
    const file = await demoFile()
    damage(file)
    expect(branchFileProblems(file)).toContainEqual(expect.stringContaining(problem))
    await writeFile(join(dir, 'branch.json'), JSON.stringify(file))
    const failure = await start(true).then(
      () => null,
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(ConfigError)
    expect((failure as ConfigError).message).toContain(problem)
  })
  /* eslint-enable @typescript-eslint/no-explicit-any */
})

describe('DurableJsonFile', () => {
  it('replaces the file whole, leaving no temporary file behind', async () => {
    const path = join(dir, 'x.json')
    const file = new DurableJsonFile<{ n: number }>(nodeFileSystem, path)
    await Promise.all([file.write({ n: 1 }), file.write({ n: 2 }), file.write({ n: 3 })])
    expect(await file.read()).toEqual({ n: 3 })
    expect(await readdir(dir)).toEqual(['x.json'])
  })

  it('reads a missing file as empty and a broken one as a clear error', async () => {
    const path = join(dir, 'y.json')
    expect(await new DurableJsonFile(nodeFileSystem, path).read()).toBeNull()
    await writeFile(path, '{"a": 1,}')
    await expect(new DurableJsonFile(nodeFileSystem, path).read()).rejects.toThrow(
      /y\.json: not valid JSON at line 1, column 9/,
    )
  })

  it('reads past a leading byte-order mark and writes the file back without one', async () => {
    const path = join(dir, 'z.json')
    await writeFile(path, '\uFEFF{"n": 1}\n')
    const file = new DurableJsonFile<{ n: number }>(nodeFileSystem, path)
    expect(await file.read()).toEqual({ n: 1 })
    await file.write({ n: 2 })
    expect(await readFile(path, 'utf8')).toBe('{\n  "n": 2\n}\n')
  })
})
