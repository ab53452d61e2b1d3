import type { HubWarningView } from '../../../shared/api/health'
import { HUB_WARNINGS, isHubWarningEvent } from '../../../shared/api/hubWarnings'
import { localDate } from '../../../shared/domain/localTime'
import type { Translate } from './say'

/** Whether the messages have a key (vue-i18n's `te`). */
type HasKey = (key: string) => boolean

/**
 * What a warning says, in the manager's language: its event's wording filled in from the facts
 * logged with it (a display's name, the languages it lacks, a certificate's date), or the log's
 * own (English) words when the screen does not know the event.
 *
 * @example
 * warningDetail({ event: 'device', params: { deviceId: 'p1', state: 'error', problem: 'paperOut' }, message: '…' }, t, te, 480)
 * //=> '设备 p1:故障,缺纸。'
 */
export function warningDetail(
  w: Pick<HubWarningView, 'event' | 'params' | 'message'>,
  t: Translate,
  te: HasKey,
  utcOffsetMinutes: number,
): string {
  // Every event the hub logs has its wording and facts in `HUB_WARNINGS`; a line of another version
  // of the hub, or one logged without those facts, is shown in the log's own words.
  if (w.event === null || !isHubWarningEvent(w.event)) return w.message
  const needs: readonly string[] = HUB_WARNINGS[w.event]
  const key = `health.warnings.details.${w.event}`
  if (!te(key) || needs.some((p) => w.params[p] === undefined)) return w.message
  const named: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(w.params))
    named[name] = wordOf(w.event, name, value, t, te, utcOffsetMinutes)
  return t(key, named)
}

/** One fact as the wording reads it: codes in words, a date in the branch's time, lists joined. */
function wordOf(
  event: string,
  name: string,
  value: HubWarningView['params'][string],
  t: Translate,
  te: HasKey,
  utcOffsetMinutes: number,
): unknown {
  const known = (key: string): string => (te(key) ? t(key) : String(value))
  switch (name) {
    case 'problem':
      // phones' reach as the address banner words it; a device's or printer's as the device list does
      return known(
        event === 'customerAddress.unreachable'
          ? `health.address.${String(value)}`
          : `health.problems.${String(value)}`,
      )
    case 'failure':
      return known(`health.warnings.storage.${String(value)}`)
    case 'task':
      return known(`health.warnings.tasks.${String(value)}`)
    case 'state':
      return known(`manager.devices.states.${String(value)}`)
    case 'what':
      return known(`health.warnings.certificates.${String(value)}`)
    case 'source':
      return known(`health.tls.renew.${String(value)}`)
    case 'expiresAt':
      return typeof value === 'number' ? localDate(value, utcOffsetMinutes) : value
    case 'days':
      // A list of dates (bookings on days the calendar now closes): words, not the list's JSON.
      return (Array.isArray(value) ? value.map(String) : [String(value)]).join(t('listSeparator'))
    case 'missing':
      return (Array.isArray(value) ? value : [String(value)])
        .map((l) => (te(`health.warnings.languages.${l}`) ? t(`health.warnings.languages.${l}`) : l))
        .join(t('health.warnings.languagesJoin'))
    default:
      return value
  }
}
