/**
 * Where a window's content may come from: the hub's origin and nothing else. These decisions
 * back the `will-navigate` / `will-redirect` / `will-frame-navigate` guards, the window-open
 * handler and the session's request filter, so a link, a redirect, an injected `<iframe>` or a
 * `fetch` to anywhere but the hub is stopped in main, whatever the page does.
 */

export type Decision = 'allow' | 'block'

/**
 * The origin of a URL (for `blob:` URLs, the origin that created the blob), or null when the
 * text is not a URL.
 *
 * @example
 * originOf('http://192.168.1.20:8420/#/kiosk') //=> 'http://192.168.1.20:8420'
 * originOf('blob:http://127.0.0.1:8420/3f2a') //=> 'http://127.0.0.1:8420'
 * originOf('not a url') //=> null
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'blob:') return originOf(parsed.pathname)
    return parsed.origin === 'null' ? null : parsed.origin
  } catch {
    return null
  }
}

/**
 * Whether a page address belongs to the hub (same scheme, host and port).
 *
 * @example
 * isHubPage('http://127.0.0.1:8420/#/display', 'http://127.0.0.1:8420') //=> true
 * isHubPage('http://127.0.0.1:8421/', 'http://127.0.0.1:8420') //=> false
 */
export function isHubPage(url: string, hubOrigin: string): boolean {
  const origin = originOf(url)
  return origin !== null && (origin.startsWith('http:') || origin.startsWith('https:')) && origin === hubOrigin
}

/**
 * A navigation the page starts (a link, `location = ...`, a form, a redirect): allowed only
 * within the hub's origin. Route changes inside the app are hash changes and never get here.
 *
 * @example
 * decideNavigation('https://example.com/', 'http://127.0.0.1:8420') //=> 'block'
 * decideNavigation('http://127.0.0.1:8420/#/kiosk', 'http://127.0.0.1:8420') //=> 'allow'
 */
export function decideNavigation(url: string, hubOrigin: string): Decision {
  return isHubPage(url, hubOrigin) ? 'allow' : 'block'
}

/**
 * A request from any window (page, script, image, socket): allowed to the hub's origin over
 * HTTP or its WebSocket, to `data:` and to `blob:` URLs the hub's pages made; developer tools'
 * own pages only while they are allowed. Everything else is cancelled.
 *
 * @example
 * decideRequest('ws://127.0.0.1:8420/api/v1/live', 'http://127.0.0.1:8420', false) //=> 'allow'
 * decideRequest('https://cdn.example.com/x.js', 'http://127.0.0.1:8420', false) //=> 'block'
 */
export function decideRequest(url: string, hubOrigin: string, allowDevTools: boolean): Decision {
  if (url.startsWith('data:')) return 'allow'
  if (allowDevTools && url.startsWith('devtools:')) return 'allow'
  const origin = originOf(url)
  if (origin === null) return 'block'
  const socketOrigin = hubOrigin.replace(/^http:/, 'ws:').replace(/^https:/, 'wss:')
  return origin === hubOrigin || origin === socketOrigin ? 'allow' : 'block'
}
