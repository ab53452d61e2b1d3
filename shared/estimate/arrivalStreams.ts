import type { PriorityClassId, ServiceId } from '../domain/ids'
import type { ClassRate } from '../policy/priorityScore'
import { blankItem, blankPlace } from './projectedItem'
import type { ProjectionPool } from './projectionPool'
import type { Group, Newcomer, ProjectionInput, Stream } from './projectionTypes'

/**
 * The customers expected to arrive during a projection: one stream per window of expected
 * arrivals, adding newcomers to its group (service and class, sent to no counter) run after run,
 * in slots kept in the pool and rewritten in place.
 */

/**
 * The input's arrival streams, earliest window first, in `pool`'s slots: windows with no
 * arrivals left out, arrivals cut at the doors' closing. `rateOf` and `groupOf` are the
 * preparation's (a stream's group is made here when no waiting ticket made it).
 */
export function arrivalStreams(
  input: ProjectionInput,
  pool: ProjectionPool,
  rateOf: (cls: PriorityClassId | null) => ClassRate,
  groupOf: (s: ServiceId, cls: PriorityClassId | null, target: number) => Group,
): Stream[] {
  return input.arrivals
    .filter((a) => a.perHour > 0 && a.untilSec > Math.max(0, a.fromSec))
    .sort((x, y) => x.fromSec - y.fromSec)
    .map((a, j) => {
      const s = pool.streams[j]
      const cls = rateOf(a.priorityClassId)
      const end = Math.min(a.untilSec, input.arrivalsUntil)
      const group = groupOf(a.serviceId, a.priorityClassId, -1)
      if (s === undefined) {
        const made = {
          a,
          cls,
          gap: 3600 / a.perHour,
          runGap: 3600 / a.perHour,
          end,
          i: 1,
          nextAt: 0,
          group,
          newcomers: [],
        }
        pool.streams[j] = made
        return made
      }
      s.a = a
      s.cls = cls
      s.gap = 3600 / a.perHour
      s.runGap = 3600 / a.perHour
      s.end = end
      s.i = 1
      s.nextAt = 0
      s.group = group
      s.newcomers.length = 0
      return s
    })
}

/** A stream's next newcomer slot, from the pool (made when the pool has none left), kept for the runs after. */
export function newcomerSlot(pool: ProjectionPool, s: Stream): Newcomer {
  let item = pool.newcomers[pool.newcomersUsed]
  if (item === undefined) {
    item = { x: blankItem(s.a.serviceId, s.a.priorityClassId), kind: 2, index: -1, cls: s.cls, place: blankPlace() }
    pool.newcomers.push(item)
  } else {
    item.x.serviceId = s.a.serviceId
    item.x.priorityClassId = s.a.priorityClassId
    item.cls = s.cls
  }
  pool.newcomersUsed++
  s.newcomers.push(item)
  return item
}
