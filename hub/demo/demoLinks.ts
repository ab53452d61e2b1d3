import type { CustomerAddress } from '../network/customerAddress'
import type { BranchFile } from '../config/branchFile'
import type { ClockStretch, CounterConfig } from '../../shared/domain/branch'
import { clockOf } from '../../shared/appointments/daySlots'
import { localClock, localDateTime } from '../../shared/domain/localTime'
import { doorsOpenAt, nextOpening } from '../../shared/demo/demoHours'

/**
 * What the demo's start-up lines say about phones and other browsers, from the one decision of
 * where phones reach the hub (`customerAddress`): a hub on loopback prints no QR code and no
 * other machine can open its links, so it says that, and how to let them in.
 *
 * `restart` is the command that starts this hub again listening beyond this computer
 * (`withHostCommand`): the one the person typed, not another.
 *
 * @example
 * phoneLine({ url: null, problem: 'loopbackOnly' }, 'npm start -- --host 0.0.0.0') //=> 'Phone status page: none, the hub listens on this computer only (tickets carry no QR code); start it with --host 0.0.0.0 (npm start -- --host 0.0.0.0) to let phones in'
 * phoneLine({ url: 'https://192.168.1.20:8420', problem: null }, '…') //=> 'Phone status page: scan the QR code of a ticket (phones open https://192.168.1.20:8420)'
 */
export function phoneLine(address: CustomerAddress, restart: string): string {
  if (address.url !== null) return `Phone status page: scan the QR code of a ticket (phones open ${address.url})`
  switch (address.problem) {
    case 'loopbackOnly':
      return `Phone status page: none, the hub listens on this computer only (tickets carry no QR code); start it with --host 0.0.0.0 (${restart}) to let phones in`
    case 'noLanAddress':
      return 'Phone status page: none, this computer has no network address phones can reach (tickets carry no QR code)'
    case 'publicUrlUnreachable':
      return 'Phone status page: none, network.publicUrl in the branch file is not an address phones can open (tickets carry no QR code)'
  }
}

/**
 * The command that starts this hub again as it was started, listening on every interface:
 * `lifecycle` is npm's `npm_lifecycle_event` (the script run: `start`, `demo`, `hub`; undefined
 * when started without npm) and `args` the hub's own arguments (`process.argv.slice(2)`). The
 * `npm start` and `npm run demo` scripts give the hub its data and demo flags themselves.
 *
 * @example
 * withHostCommand('start', ['--demo', '--simulate']) //=> 'npm start -- --host 0.0.0.0'
 * withHostCommand('hub', ['--demo', '--data', 'x', '--host', '127.0.0.1']) //=> 'npm run hub -- --demo --data x --host 0.0.0.0'
 * withHostCommand(undefined, ['--demo']) //=> 'npx tsx hub/cli.ts --demo --host 0.0.0.0'
 */
export function withHostCommand(lifecycle: string | undefined, args: readonly string[]): string {
  if (lifecycle === 'start') return 'npm start -- --host 0.0.0.0'
  if (lifecycle === 'demo') return 'npm run demo -- --host 0.0.0.0'
  const kept: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--host') i++
    else if (!a.startsWith('--host=')) kept.push(/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)
  }
  const rest = [...kept, '--host', '0.0.0.0'].join(' ')
  return lifecycle === 'hub' ? `npm run hub -- ${rest}` : `npx tsx hub/cli.ts ${rest}`
}

/**
 * Where the links printed above can be opened: from the branch network when phones reach the
 * hub, else only in a browser on this computer.
 */
export function whereLinksOpen(address: CustomerAddress): string {
  return address.url === null ? 'in a browser on this computer' : 'from any browser on this network'
}

/**
 * What the demo's start-up lines say of its simulated customers and tellers: they keep the demo
 * branch's opening hours, in the branch's time (the demo branch is in China), and outside them
 * the lobby is quiet — but the kiosk and the counters stay there to try at any hour.
 *
 * @example
 * demoHoursLine(demoFile, [c3, c4, c5, c6], Date.UTC(2026, 11, 6, 17, 20))
 * //=> 'Simulated customers come, and simulated tellers work counters 3, 4, 5, 6, during the branch's opening hours (09:00–17:00 on working days, 10:00–16:00 at weekends, branch time UTC+08:00). It is 01:20 there now: the lobby is quiet until 12-07 09:00. The kiosk and your counters stay there to try at any hour.'
 */
export function demoHoursLine(
  config: Pick<BranchFile, 'calendar' | 'utcOffsetMinutes'>,
  simulated: readonly Pick<CounterConfig, 'number'>[],
  now: number,
): string {
  const offset = config.utcOffsetMinutes
  const opening = config.calendar.opening
  const hours =
    opening === undefined
      ? 'all day (the branch gives no opening hours)'
      : `${stretchesText(opening.workingDays)} on working days, ${stretchesText(opening.weekends)} at weekends`
  const zone = `UTC${offset < 0 ? '-' : '+'}${clockOf(Math.abs(offset))}`
  const who = `Simulated customers come, and simulated tellers work counters ${simulated.map((c) => c.number).join(', ')}, during the branch's opening hours (${hours}, branch time ${zone}).`
  if (doorsOpenAt(config.calendar, now, offset))
    return `${who} The branch is open now (${localClock(now, offset).slice(0, 5)} there).`
  const next = nextOpening(config.calendar, now, offset)
  const until = next === null ? '' : ` until ${localDateTime(next, offset).slice(5, 16)}`
  return `${who} It is ${localClock(now, offset).slice(0, 5)} there now: the lobby is quiet${until}. The kiosk and your counters stay there to try at any hour.`
}

function stretchesText(stretches: readonly ClockStretch[]): string {
  return stretches.length === 0 ? 'closed' : stretches.map((s) => `${s.opens}–${s.closes}`).join(', ')
}
