import { isHubPage, originOf } from './navigationGuard'

/**
 * Which browser permissions a terminal grants. Everything is denied except what the terminals
 * need for sound: the microphone alone (speech input on the kiosk, where a branch enables it)
 * and choosing the audio output (the lobby speakers), and only to the hub's own top frame.
 * Camera, screen capture, location, notifications, clipboard, MIDI, HID, serial, USB, pointer or
 * keyboard lock, full screen on request, opening external apps: all denied.
 */
export interface PermissionAsk {
  readonly permission: string
  /** The URL of the frame asking. */
  readonly requestingUrl: string
  readonly isMainFrame: boolean
  /** For `media`: what is asked for (`audio`, `video`). */
  readonly mediaTypes?: readonly string[]
}

const SOUND_PERMISSIONS = new Set(['speaker-selection'])

/**
 * The answer to a permission request (`setPermissionRequestHandler`).
 *
 * @example
 * decidePermissionRequest({ permission: 'media', requestingUrl: hub + '/#/kiosk',
 *   isMainFrame: true, mediaTypes: ['audio'] }, hub) //=> true
 * decidePermissionRequest({ permission: 'media', requestingUrl: hub + '/#/kiosk',
 *   isMainFrame: true, mediaTypes: ['audio', 'video'] }, hub) //=> false
 */
export function decidePermissionRequest(ask: PermissionAsk, hubOrigin: string): boolean {
  if (!ask.isMainFrame || !isHubPage(ask.requestingUrl, hubOrigin)) return false
  if (ask.permission === 'media') {
    const types = ask.mediaTypes ?? []
    return types.length > 0 && types.every((t) => t === 'audio')
  }
  return SOUND_PERMISSIONS.has(ask.permission)
}

/**
 * The answer to a synchronous permission check (`setPermissionCheckHandler`), which Chromium
 * asks before some APIs even try. Same rule as requests.
 *
 * @example
 * decidePermissionCheck('media', 'http://127.0.0.1:8420', 'audio', 'http://127.0.0.1:8420') //=> true
 * decidePermissionCheck('geolocation', 'http://127.0.0.1:8420', undefined, 'http://127.0.0.1:8420') //=> false
 */
export function decidePermissionCheck(
  permission: string,
  requestingOrigin: string,
  mediaType: string | undefined,
  hubOrigin: string,
): boolean {
  if (originOf(requestingOrigin) !== hubOrigin) return false
  if (permission === 'media') return mediaType === 'audio'
  return SOUND_PERMISSIONS.has(permission)
}
