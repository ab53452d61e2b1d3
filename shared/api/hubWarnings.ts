import type { WarningParam } from './health'

/**
 * Every warning and error the hub logs for the manager's screen, by its stable name, with the
 * facts its wording needs (`health.warnings.events.<event>` and `health.warnings.details.<event>`
 * in the renderer's words). The contract between the hub's log lines and the screen: the hub logs
 * a warning only through `hub/log/hubWarning.ts`, typed by this table, so a new kind cannot be
 * logged without being named here, and `test/renderer/hubWarningWords.test.ts` fails until both
 * languages word it. A fact may be logged beside these (for whoever reads the log file); these
 * must be.
 */
export const HUB_WARNINGS = {
  // the address phones reach
  'customerAddress.unreachable': ['problem'],
  // lobby devices: printers, caller keypads, card readers, displays, rating pads
  device: ['deviceId', 'state', 'problem'],
  'devices.listenerFailed': [],
  'printer.replacedCharacters': ['deviceId'],
  'printing.failed': ['ticket', 'problem'],
  'keypad.notSent': ['deviceId'],
  'keypad.ignoredKey': ['deviceId'],
  'keypad.garbledInput': [],
  'keypad.noCounter': ['deviceId', 'counter'],
  'keypad.transferNeedsCounter': ['deviceId'],
  'cardReader.unreadable': ['deviceId'],
  'cardRead.refused': ['deviceId', 'ticket'],
  'cardRead.failed': [],
  // lobby displays' voices
  'speech.noVoice': ['terminal', 'missing'],
  'speech.speechUnavailable': ['terminal'],
  'speech.speechFailed': ['terminal'],
  'speech.soundBlocked': ['terminal'],
  // terminals and staff
  'pairing.codeWithdrawn': ['terminal', 'tries'],
  'pairing.paused': [],
  'signIn.lockedOut': ['staffId'],
  // the journal and the hub's files
  'journal.tornJournalLine': ['keptIn'],
  'journal.damagedJournalLine': ['keptIn'],
  'storage.writeRefused': ['failure'],
  'log.noFile': ['dir', 'error'],
  'log.fileStopped': ['file', 'error'],
  'sessions.newerFormat': ['file'],
  'sessions.unreadable': ['file', 'error'],
  'sessions.notKept': ['error'],
  'estimation.shownUnreadable': ['error'],
  'estimation.shownNotKept': ['error'],
  'reports.keptOldRules': ['span'],
  // encryption
  'tls.expiring': ['what', 'expiresAt', 'source'],
  'tls.off': [],
  // requests from the screens
  'request.refused': ['code'],
  'request.failed': [],
  'request.errored': [],
  // shipping to headquarters
  'replication.notStarted': [],
  'replication.diverged': [],
  'replication.cursorInvalid': [],
  'replication.stopNotKept': ['error'],
  'replication.failing': [],
  'replication.refused': ['retrySec'],
  'replication.gap': ['from', 'day'],
  // appointments
  'appointments.closedDays': ['count', 'days'],
  // the hub's own work and worker threads
  'estimation.thread': [],
  'whatIf.thread': [],
  'whatIf.tooSlow': ['limitSec'],
  'queue.afterCommit': [],
  'hub.task': ['task'],
  'hub.notStarted': ['error'],
} as const satisfies Readonly<Record<string, readonly string[]>>

export type HubWarningEvent = keyof typeof HUB_WARNINGS

/** The facts a warning of `event` must be logged with. */
export type HubWarningFacts<E extends HubWarningEvent> = {
  readonly [K in (typeof HUB_WARNINGS)[E][number]]: WarningParam
}

/** The hub's recurring work that `hub.task` names when it fails (`task`). */
export const HUB_TASKS = ['estimating', 'delays', 'minuteTimer', 'bookings'] as const
export type HubTask = (typeof HUB_TASKS)[number]

/** How `storage.writeRefused` names what the disk did (`failure`): the API's codes for it. */
export const STORAGE_FAILURES = ['diskFull', 'diskFailed', 'journalBroken'] as const

/** Whether `event` is one the hub logs as a warning: a name of this table. */
export function isHubWarningEvent(event: string): event is HubWarningEvent {
  return Object.hasOwn(HUB_WARNINGS, event)
}
