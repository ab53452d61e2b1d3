import type { HubStatus } from '../../shared/desktop/bridge'
import { EXIT_PIN_PATTERN } from '../../shared/desktop/terminalConfig'
import { isHubPage } from './navigationGuard'

/** What main knows about the frame behind an IPC message. */
export interface SenderFacts {
  /** The URL of the sending frame, or null when the frame is gone. */
  readonly frameUrl: string | null
  /** The frame is its window's top frame (not an iframe). */
  readonly isTopFrame: boolean
  /** The frame belongs to a window this shell opened (not a stray web contents). */
  readonly knownWindow: boolean
}

/**
 * Whether main answers an IPC message: only from the top frame of a window it opened, showing a
 * page of the hub's origin. A page that navigated elsewhere, an iframe, or the offline notice
 * gets nothing.
 *
 * @example
 * isTrustedSender({ frameUrl: 'http://127.0.0.1:8420/#/kiosk', isTopFrame: true, knownWindow: true },
 *   'http://127.0.0.1:8420') //=> true
 */
export function isTrustedSender(facts: SenderFacts, hubOrigin: string): boolean {
  return facts.knownWindow && facts.isTopFrame && facts.frameUrl !== null && isHubPage(facts.frameUrl, hubOrigin)
}

/**
 * A PIN argument, or null unless it is 4 to 8 digits.
 *
 * @example
 * parsePinArgument('2468') //=> '2468'
 * parsePinArgument({ toString: () => '2468' }) //=> null
 */
export function parsePinArgument(value: unknown): string | null {
  return typeof value === 'string' && EXIT_PIN_PATTERN.test(value) ? value : null
}

/**
 * A hub-status argument, or null.
 *
 * @example
 * parseHubStatusArgument('offline') //=> 'offline'
 * parseHubStatusArgument('down') //=> null
 */
export function parseHubStatusArgument(value: unknown): HubStatus | null {
  return value === 'online' || value === 'offline' ? value : null
}
