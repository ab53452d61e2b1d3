import type { Certificate, Session, WebContents } from 'electron'
import { decideCertificate } from './hubCertificate'
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

/**
 * The hub's certificate is checked against the CA pinned at pairing (`hubCertificate.ts`): for
 * the hub's host only, and only certificates chained to exactly that CA are accepted; every
 * other host keeps Chromium's own verdict (and its requests are cancelled above anyway). Without
 * a pin (a plain-HTTP hub on loopback, or a bank certificate the operating system trusts) the
 * verification is Chromium's, untouched.
 */
export function pinHubCertificate(
  session: Session,
  hubOrigin: string,
  caFingerprint: string | null,
  clock: () => number,
  log: TerminalLog,
): void {
  if (caFingerprint === null) return
  const hostname = new URL(hubOrigin).hostname.replace(/^\[|\]$/g, '')
  session.setCertificateVerifyProc((request, callback) => {
    const { result, verdict } = decideCertificate(
      { hostname: request.hostname, chain: chainOf(request.certificate) },
      { hostname, caFingerprint },
      clock(),
    )
    if (verdict !== null && !verdict.ok)
      log.error('certificate.refused', { host: request.hostname, reason: verdict.reason })
    callback(result)
  })
}

/** The chain Chromium was presented, server certificate first (PEM). */
export function chainOf(certificate: Certificate): string[] {
  const chain: string[] = []
  for (let c: Certificate | undefined = certificate; c !== undefined && chain.length < 5; c = c.issuerCert) {
    if (chain.includes(c.data)) break
    chain.push(c.data)
  }
  return chain
}
