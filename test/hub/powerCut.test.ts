import { describe, expect, it } from 'vitest'
import { loadBranchFile } from '../../hub/config/loadBranchFile'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import type { CommandAck, TicketReceipt } from '../../shared/api/views'
import type { CrashModel } from './support/crashStates'
import { FaultFs } from './support/faultFs'
import { FakeClock, TEN_AM } from './support/fakeClock'
import { FsImage } from './support/fsImage'
import { HubFixture } from './support/hubFixture'
import { DATA, explore, Ledger, problemsOf, summary } from './support/powerCut'
import { UpgradeLines } from './support/upgradeLog'

const MODEL: CrashModel = { reorder: true, randomPerBoundary: 4, seed: 20261124 }

/** A kiosk tap: the ticket, and that it was acknowledged. */
async function issue(f: HubFixture, ledger: Ledger, kiosk: string, serviceId: string, key: string): Promise<string> {
  const r = await f.request<TicketReceipt>(
    'POST',
    '/api/v1/tickets',
    { serviceId, priorityClassId: null, language: 'zh-CN', appointmentAt: null, idempotencyKey: key },
    kiosk,
  )
  expect(r.status).toBe(200)
  ledger.ack(`ticket ${r.body.number}`)
  return r.body.number
}

async function command(f: HubFixture, ledger: Ledger, token: string, path: string, body: unknown = {}): Promise<void> {
  const r = await f.request<CommandAck>('POST', path, body, token)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  ledger.ack(`${r.body.event.type} #${r.body.event.seq}`)
}

/** A fresh install (empty parent folder), its first day and the next day's start. */
async function freshInstallWorkload(): Promise<{ fs: FaultFs; ledger: Ledger }> {
  const clock = new FakeClock()
  const fs = new FaultFs(FsImage.of({ '/srv': null }), () => clock.now())
  const ledger = new Ledger(fs)
  const f = await HubFixture.start({ fileSystem: fs }, DATA, clock)
  const manager = await f.manager()
  const kiosk = await f.pair('kiosk', manager)
  ledger.ack('kiosk paired', { token: kiosk })
  const teller = await f.teller(1)
  await command(f, ledger, teller, '/api/v1/counters/c1/open')
  await issue(f, ledger, kiosk, 'personal', 'power-cut-1')
  await issue(f, ledger, kiosk, 'cards', 'power-cut-2')
  await issue(f, ledger, kiosk, 'personal', 'power-cut-3')
  clock.advance(60)
  await command(f, ledger, teller, '/api/v1/counters/c1/call-next')
  await command(f, ledger, teller, '/api/v1/counters/c1/start')
  clock.advance(50)
  await command(f, ledger, teller, '/api/v1/counters/c1/complete', { completedServiceId: null })
  const feedback = await f.request<FeedbackRecord>(
    'POST',
    '/api/v1/feedback',
    { ticketId: null, kind: 'complaint', text: 'The queue display was off' },
    kiosk,
  )
  expect(feedback.status).toBe(200)
  ledger.ack('feedback', { feedbackId: feedback.body.id })
  clock.advance(8 * 3600)
  const close = await f.request<CommandAck>('POST', '/api/v1/day/close', {}, manager)
  expect(close.status).toBe(200)
  ledger.ack('day closed', { closedDay: '2026-11-24' })
  // The next morning: the first tap opens the new day's journal.
  clock.set(TEN_AM + 86_400_000)
  await issue(f, ledger, kiosk, 'personal', 'power-cut-4')
  await issue(f, ledger, kiosk, 'personal', 'power-cut-5')
  await f.stop(false)
  return { fs, ledger }
}

/**
 * A production data folder as the installer leaves it: the branch configuration, nothing else
 * (no `--demo`; the hub makes the rest on its first start).
 */
async function installedBranch(): Promise<FsImage> {
  const setup = new FaultFs(FsImage.of({ [DATA]: null }))
  await loadBranchFile(setup, `${DATA}/branch.json`, () => demoBranchFile(), new UpgradeLines())
  return setup.live.clone()
}

/** The manager issues three tickets at the counter (no kiosk paired yet, so no other file is written). */
async function threeTickets(f: HubFixture, ledger: Ledger): Promise<string[]> {
  const manager = await f.manager()
  const numbers: string[] = []
  for (const [i, service] of ['personal', 'cards', 'personal'].entries()) {
    numbers.push(await issue(f, ledger, manager, service, `production-${i + 1}`))
  }
  return numbers
}

/** The first start of an installed branch: three tickets. */
async function productionStartWorkload(): Promise<{ fs: FaultFs; ledger: Ledger }> {
  const clock = new FakeClock()
  const fs = new FaultFs(await installedBranch(), () => clock.now())
  const ledger = new Ledger(fs)
  const f = await HubFixture.start({ fileSystem: fs, demo: false }, DATA, clock)
  expect(await threeTickets(f, ledger)).toEqual(['A001', 'D001', 'A002'])
  await f.stop(false)
  return { fs, ledger }
}

/**
 * The hub is killed (not a power cut: the page cache survives) right after making the day's
 * journal, before syncing its folder; it is started again and takes three tickets.
 */
async function restartAfterKillWorkload(): Promise<{ fs: FaultFs; ledger: Ledger }> {
  const clock = new FakeClock()
  const fs = new FaultFs(await installedBranch(), () => clock.now())
  const ledger = new Ledger(fs)
  const madeJournal = () => fs.live.read(`${DATA}/journal/2026-11-24.jsonl`) !== undefined
  fs.inject({ when: (c) => c.name === 'syncDir' && c.path === `${DATA}/journal` && madeJournal(), code: 'crash' })
  await expect(HubFixture.start({ fileSystem: fs, demo: false }, DATA, clock)).rejects.toThrow(/ECRASHED/)
  fs.revive()
  clock.advance(30)
  const f = await HubFixture.start({ fileSystem: fs, demo: false }, DATA, clock)
  expect(await threeTickets(f, ledger)).toEqual(['A001', 'D001', 'A002'])
  await f.stop(false)
  return { fs, ledger }
}

/** More distinct states than this are sampled (seeded); every workload here has far fewer. */
const LIMIT = 2000

/** Restarts the hub on every crash state of a workload and expects nothing to be wrong with any. */
async function everyCrashState(
  name: string,
  workload: () => Promise<{ fs: FaultFs; ledger: Ledger }>,
  demo: boolean,
): Promise<void> {
  const { fs, ledger } = await workload()
  const result = await explore(fs, ledger, MODEL, { demo, start: TEN_AM, limit: LIMIT })
  console.log(`${name}: ${fs.trace.length} file operations; ${summary(result)}`)
  expect(problemsOf(result)).toEqual([])
  expect(result.checked).toBe(result.distinct)
}

describe('power cuts (crash states of the file system)', () => {
  it(
    'keeps everything acknowledged through every crash state of a fresh install, a day, its close and the next day',
    () => everyCrashState('fresh install', freshInstallWorkload, true),
    300_000,
  )

  it(
    'never issues a number twice after a power cut on the first production start',
    () => everyCrashState('production start', productionStartWorkload, false),
    300_000,
  )

  it(
    'keeps a day acknowledged into a journal that an earlier, killed run had made',
    () => everyCrashState('restart after a kill', restartAfterKillWorkload, false),
    300_000,
  )
})
