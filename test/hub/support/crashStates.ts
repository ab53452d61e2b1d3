import { seededRng } from '../../../shared/sim/random'
import type { FsImage, Tear, TraceOp } from './fsImage'

/**
 * What a power cut may leave, after ALICE's abstract persistence models (Pillai et al., "All
 * File Systems Are Not Created Equal", OSDI 2014), POSIX-minimal:
 * - a change is certainly on the disk only once a later sync covered it: data changes of a
 *   file by `sync`/`datasync` of that file; names in a folder (new file or folder, rename,
 *   removal) by `sync` of that folder — syncing a file does not make its name durable;
 * - any other change may be lost; a lost change's effects are absent whole, except that the
 *   last write to reach the disk may be torn (a prefix of it, or its length with zeros);
 * - `inOrder`: the changes that did reach the disk are a prefix of those not yet synced;
 *   `reorder`: any subset of them (each one left out alone, plus seeded random subsets).
 */
export interface CrashModel {
  readonly reorder: boolean
  /** With `reorder`: random subsets of the unsynced changes tried at each boundary. */
  readonly randomPerBoundary: number
  readonly seed: number
}

export interface CrashState {
  /** The power failed after this many trace ops. */
  readonly boundary: number
  /** Which of the unsynced changes made it, for the failure message. */
  readonly how: string
  readonly image: FsImage
}

/** For each op, the index of the first later sync that makes it durable (Infinity: none). */
export function durableAt(trace: readonly TraceOp[]): number[] {
  const at = trace.map(() => Infinity)
  const open: number[] = []
  trace.forEach((op, j) => {
    if (op.kind === 'sync') {
      for (let k = open.length - 1; k >= 0; k--) {
        const i = open[k] as number
        if (covers(op, trace[i] as TraceOp)) {
          at[i] = j
          open.splice(k, 1)
        }
      }
    } else {
      open.push(j)
    }
  })
  return at
}

function covers(sync: Extract<TraceOp, { kind: 'sync' }>, op: TraceOp): boolean {
  switch (op.kind) {
    case 'write':
    case 'truncate':
      return op.ino === sync.ino
    case 'link':
    case 'unlink':
      return !sync.dataOnly && op.dir === sync.ino
    case 'rename':
      // Within one folder (all the hub does); across two, this is the optimistic half.
      return !sync.dataOnly && (op.toDir === sync.ino || op.fromDir === sync.ino)
    case 'sync':
      return false
  }
}

/**
 * Every crash state at every op boundary of a trace, from the disk's state at its start.
 * Durable changes are applied first and the chosen unsynced ones after them: the two commute,
 * since a sync that covers a later change to a file or folder covers every earlier one too.
 */
export function* crashStates(initial: FsImage, trace: readonly TraceOp[], model: CrashModel): Generator<CrashState> {
  const at = durableAt(trace)
  const rng = seededRng(model.seed)
  const base = initial.clone()
  for (let k = 0; k <= trace.length; k++) {
    // Changes made durable by the sync just before this boundary join the base, in order.
    if (k > 0) at.forEach((j, i) => j === k - 1 && base.apply(trace[i] as TraceOp))
    const pending = trace.flatMap((op, i) => (i < k && op.kind !== 'sync' && at[i]! >= k ? [i] : []))
    const state = (how: string, ops: readonly number[], tear?: { op: number; tear: Tear }): CrashState => {
      const image = base.clone()
      for (const i of ops) image.apply(trace[i] as TraceOp, tear?.op === i ? tear.tear : undefined)
      return { boundary: k, how, image }
    }
    for (let n = 0; n <= pending.length; n++) {
      yield state(`in order, ${n} of ${pending.length} unsynced`, pending.slice(0, n))
      const last = pending[n]
      const op = last === undefined ? undefined : trace[last]
      if (last !== undefined && op?.kind === 'write' && op.data.length >= 2) {
        const half = Math.floor(op.data.length / 2)
        const ops = pending.slice(0, n + 1)
        for (const tear of [
          { keep: op.data.length - 1, zeroFill: false },
          { keep: half, zeroFill: false },
          { keep: half, zeroFill: true },
        ]) {
          yield state(
            `in order, write #${last} torn (${tear.keep} of ${op.data.length} bytes${tear.zeroFill ? ', rest zeros' : ''})`,
            ops,
            { op: last, tear },
          )
        }
      }
    }
    if (!model.reorder || pending.length < 2) continue
    for (const left of pending)
      yield state(
        `all unsynced but #${left}`,
        pending.filter((i) => i !== left),
      )
    for (let r = 0; r < model.randomPerBoundary; r++) {
      const chosen = pending.filter(() => rng.next() < 0.5)
      yield state(`random subset [${chosen.join(', ')}] of [${pending.join(', ')}]`, chosen)
    }
  }
}
