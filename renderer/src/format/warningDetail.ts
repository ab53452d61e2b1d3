import type { HubWarningView } from '../../../shared/api/health'
import { localDate } from '../../../shared/domain/localTime'
import type { Translate } from './say'

/** Whether the messages have a key (vue-i18n's `te`). */
type HasKey = (key: string) => boolean

/**
 * The warnings the screen words itself (`health.warnings.details.<event>`), each with the facts
 * its wording needs: the contract with the hub's log lines. Any other event, or one logged
 * without these facts (another version of the hub), is shown in the log's own words.
 */
const DETAILS: Readonly<Record<string, readonly string[]>> = {
  'customerAddress.unreachable': ['problem'],
  device: ['deviceId', 'state', 'problem'],
  'speech.noVoice': ['terminal', 'missing'],
  'speech.speechUnavailable': ['terminal'],
  'speech.speechFailed': ['terminal'],
  'speech.soundBlocked': ['terminal'],
  'pairing.codeWithdrawn': ['terminal', 'tries'],
  'pairing.paused': [],
  'signIn.lockedOut': ['staffId'],
  'journal.tornJournalLine': ['keptIn'],
  'journal.damagedJournalLine': ['keptIn'],
  'tls.expiring': ['what', 'expiresAt', 'source'],
  'tls.off': [],
  'request.refused': ['code'],
  'log.noFile': ['dir', 'error'],
  'log.fileStopped': ['file', 'error'],
  'sessions.newerFormat': ['file'],
  'sessions.unreadable': ['file', 'error'],
  'sessions.notKept': ['error'],
  'estimation.shownUnreadable': ['error'],
  'estimation.shownNotKept': ['error'],
  'replication.notStarted': [],
  'hub.notStarted': ['error'],
}

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
  const needs = w.event === null ? undefined : DETAILS[w.event]
  const key = `health.warnings.details.${w.event ?? ''}`
  if (needs === undefined || !te(key) || needs.some((p) => w.params[p] === undefined)) return w.message
  const named: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(w.params))
    named[name] = wordOf(w.event ?? '', name, value, t, te, utcOffsetMinutes)
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
      // a device's problem as the device list words it; phones' reach as the address banner does
      return known(event === 'device' ? `health.problems.${String(value)}` : `health.address.${String(value)}`)
    case 'state':
      return known(`manager.devices.states.${String(value)}`)
    case 'what':
      return known(`health.warnings.certificates.${String(value)}`)
    case 'source':
      return known(`health.tls.renew.${String(value)}`)
    case 'expiresAt':
      return typeof value === 'number' ? localDate(value, utcOffsetMinutes) : value
    case 'missing':
      return (Array.isArray(value) ? value : [String(value)])
        .map((l) => (te(`health.warnings.languages.${l}`) ? t(`health.warnings.languages.${l}`) : l))
        .join(t('health.warnings.languagesJoin'))
    default:
      return value
  }
}
