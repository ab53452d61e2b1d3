/**
 * Versioned formats of the files a hub keeps (branch.json, security.json, history.json, …).
 * Each file records the format it was written in as `version`; a file without one is format 1,
 * what the first release wrote. A newer hub brings an older file to its own format through a
 * chain of pure upgrades, one per version, before checking it against its schema; a file from
 * a newer format than the hub knows is refused, never downgraded.
 */

/** A stored file's top-level object, as JSON gave it. */
export type StoredObject = { readonly [field: string]: unknown }

/**
 * One step: a file of format n as format n + 1. Pure, total on any object (a field it expects
 * may be missing or wrong: leave it for the schema check to name), and it need not set
 * `version` (the chain does).
 */
export type FormatUpgrade = (older: StoredObject) => StoredObject

export interface StoredFormat {
  /** The format this hub writes, and the newest it reads. */
  readonly version: number
  /** `upgrades[n - 1]` takes format n to n + 1: exactly `version - 1` of them. */
  readonly upgrades: readonly FormatUpgrade[]
}

/**
 * A stored format, checked: as many upgrades as versions before this one.
 *
 * @example
 * storedFormat(2, [(v1) => ({ ...v1, calendar: { holidays: [] } })]).version //=> 2
 */
export function storedFormat(version: number, upgrades: readonly FormatUpgrade[]): StoredFormat {
  if (!Number.isInteger(version) || version < 1 || upgrades.length !== version - 1)
    throw new Error(`format ${version} needs ${version - 1} upgrade(s), not ${upgrades.length}`)
  return { version, upgrades }
}

/** What reading a stored value in a format found. */
export type StoredUpgrade =
  /** Already in this format (or not a versioned object at all: the schema check will say why). */
  | { readonly kind: 'current'; readonly value: unknown }
  /** Brought from format `from` to this one: the value to check, then write. */
  | { readonly kind: 'upgraded'; readonly from: number; readonly value: StoredObject }
  /** Written in format `version`, newer than this one: not to be read or touched. */
  | { readonly kind: 'newer'; readonly version: number }

/**
 * Brings a stored value to `format`'s version: the version it records (absent: 1), then each
 * upgrade after it in turn. Nothing is checked here beyond the version; the caller checks the
 * result against the format's schema.
 *
 * @example
 * upgradeStored(storedFormat(2, [(v) => ({ ...v, devices: [] })]), { version: 1, staff: [] })
 * //=> { kind: 'upgraded', from: 1, value: { version: 2, staff: [], devices: [] } }
 * upgradeStored(storedFormat(1, []), { version: 3 }) //=> { kind: 'newer', version: 3 }
 */
export function upgradeStored(format: StoredFormat, value: unknown): StoredUpgrade {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'current', value }
  const stored = value as StoredObject
  const recorded = stored.version
  const from = recorded === undefined ? 1 : recorded
  // A version that is not a format number is damage, not a format: the schema check names it.
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { kind: 'current', value }
  if (from > format.version) return { kind: 'newer', version: from }
  if (from === format.version && recorded !== undefined) return { kind: 'current', value }
  let upgraded: StoredObject = stored
  for (let n = from; n < format.version; n++) {
    const step = format.upgrades[n - 1]
    if (step === undefined) throw new Error(`no upgrade from format ${n}`)
    upgraded = step(upgraded)
  }
  const { version: _, ...fields } = upgraded
  return { kind: 'upgraded', from, value: { version: format.version, ...fields } }
}
