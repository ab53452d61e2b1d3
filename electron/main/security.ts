import type { Session, WebContents } from 'electron'
import { contentSecurityPolicy, splitPolicyHeaders } from './contentSecurityPolicy'
import { decideNavigation, decideRequest } from './navigationGuard'
import { decidePermissionCheck, decidePermissionRequest } from './permissionGuard'
import type { TerminalLog } from './terminalLog'

/**
 * Session-wide guards, installed once before any window opens: every request outside the hub's
 * origin is cancelled, every response carries main's Content-Security-Policy, permissions are
 * denied except sound, device pickers (HID, serial, USB) and downloads are refused.
 */
export function hardenSession(session: Session, hubOrigin: string, allowDevTools: boolean, log: TerminalLog): void {
  const policy = contentSecurityPolicy(hubOrigin)
  session.webRequest.onBeforeRequest((details, callback) => {
    const blocked = decideRequest(details.url, hubOrigin, allowDevTools) === 'block'
    if (blocked) log.warn('request.blocked', { url: details.url.slice(0, 200), type: details.resourceType })
    callback({ cancel: blocked })
  })
  session.webRequest.onHeadersReceived((details, callback) => {
    const { rest, policies } = splitPolicyHeaders(details.responseHeaders)
    callback({ responseHeaders: { ...rest, 'Content-Security-Policy': [policy, ...policies] } })
  })
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = decidePermissionRequest(
      {
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        ...('mediaTypes' in details && details.mediaTypes !== undefined ? { mediaTypes: details.mediaTypes } : {}),
      },
      hubOrigin,
    )
    if (!granted) log.warn('permission.denied', { permission, url: details.requestingUrl.slice(0, 200) })
    callback(granted)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermissionCheck(permission, requestingOrigin, details.mediaType, hubOrigin),
  )
  session.setDevicePermissionHandler(() => false)
  session.on('will-download', (event, item) => {
    log.warn('download.blocked', { url: item.getURL().slice(0, 200) })
    event.preventDefault()
  })
}

/**
 * Guards on one web contents (every one Electron creates, through `web-contents-created`): no
 * navigation or redirect away from the hub, no new windows, no `<webview>`.
 */
export function hardenWebContents(contents: WebContents, hubOrigin: string, log: TerminalLog): void {
  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url, hubOrigin) === 'allow') return
    log.warn('navigation.blocked', { url: event.url.slice(0, 200) })
    event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (decideNavigation(event.url, hubOrigin) === 'allow') return
    log.warn('navigation.blocked', { url: event.url.slice(0, 200), frame: event.isMainFrame ? 'main' : 'sub' })
    event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, hubOrigin) === 'allow') return
    log.warn('redirect.blocked', { url: event.url.slice(0, 200) })
    event.preventDefault()
  })
  contents.setWindowOpenHandler((details) => {
    log.warn('window-open.denied', { url: details.url.slice(0, 200) })
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    log.warn('webview.blocked')
    event.preventDefault()
  })
}
