import { storedFormat, type StoredObject } from '../util/storedFormat'

/**
 * branch.json format 1 → 2. Format 1 is what the first release wrote: it had no `devices`
 * (printers, displays and keypads came the same week) and no `calendar` (the reply deadline of
 * complaints came with the reports), and both are required since. A branch installed from the
 * first release gets none of each: no device, and no holidays or working weekends (the manager
 * enters the year's calendar, as on a new install). Files written since already have both and
 * keep them as they are.
 *
 * @example
 * branchFileV1toV2({ version: 1, staff: [] })
 * //=> { version: 1, staff: [], devices: [], calendar: { holidays: [], workingWeekends: [] } }
 */
export function branchFileV1toV2(v1: StoredObject): StoredObject {
  return {
    ...v1,
    devices: v1.devices ?? [],
    calendar: v1.calendar ?? { holidays: [], workingWeekends: [] },
  }
}

/**
 * branch.json's format. Since format 2, fields added to the file (TLS, headquarters,
 * appointments, per-class and policy settings, new device kinds) were all optional: a format 2
 * file without them is still one.
 */
export const BRANCH_FILE_FORMAT = storedFormat(2, [branchFileV1toV2])
