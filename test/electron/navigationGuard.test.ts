import { describe, expect, it } from 'vitest'
import { decideNavigation, decideRequest, isHubPage, originOf } from '../../electron/main/navigationGuard'

const hub = 'http://192.168.1.20:8420'

describe('originOf', () => {
  it('reads the origin of page, socket and blob URLs', () => {
    expect(originOf('http://192.168.1.20:8420/#/kiosk')).toBe(hub)
    expect(originOf('ws://192.168.1.20:8420/api/v1/live')).toBe('ws://192.168.1.20:8420')
    expect(originOf('blob:http://192.168.1.20:8420/5b1c')).toBe(hub)
  })

  it('has no origin for non-URLs and opaque URLs', () => {
    expect(originOf('not a url')).toBeNull()
    expect(originOf('data:text/html,hi')).toBeNull()
    expect(originOf('file:///etc/passwd')).toBeNull()
  })
})

describe('decideNavigation', () => {
  it("allows the hub's own pages", () => {
    expect(decideNavigation(`${hub}/#/counter/c1`, hub)).toBe('allow')
    expect(decideNavigation(`${hub}/index.html?x=1`, hub)).toBe('allow')
  })

  it('blocks every other origin, including look-alikes', () => {
    for (const url of [
      'https://example.com/',
      'http://192.168.1.20:8421/',
      'https://192.168.1.20:8420/',
      'http://192.168.1.20:8420.evil.example/',
      'http://192.168.1.20:8420@evil.example/',
      'http://192.168.1.2:8420/',
      'file:///C:/Windows/System32/cmd.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'chrome://settings',
    ]) {
      expect(decideNavigation(url, hub), url).toBe('block')
    }
  })
})

describe('decideRequest', () => {
  it("allows the hub's HTTP and WebSocket, data: and the hub's blobs", () => {
    expect(decideRequest(`${hub}/assets/index.js`, hub, false)).toBe('allow')
    expect(decideRequest('ws://192.168.1.20:8420/api/v1/live', hub, false)).toBe('allow')
    expect(decideRequest('data:image/png;base64,AAAA', hub, false)).toBe('allow')
    expect(decideRequest(`blob:${hub}/9f2e`, hub, false)).toBe('allow')
  })

  it('cancels requests anywhere else', () => {
    for (const url of [
      'https://cdn.example.com/vue.js',
      'ws://192.168.1.21:8420/',
      'wss://192.168.1.20:8420/',
      'blob:https://example.com/1',
      'file:///home/user/.ssh/id_rsa',
    ]) {
      expect(decideRequest(url, hub, false), url).toBe('block')
    }
  })

  it("allows developer tools' own pages only when developer tools are allowed", () => {
    expect(decideRequest('devtools://devtools/bundled/inspector.html', hub, true)).toBe('allow')
    expect(decideRequest('devtools://devtools/bundled/inspector.html', hub, false)).toBe('block')
  })

  it('maps an https hub to secure WebSockets', () => {
    expect(decideRequest('wss://hub.branch.local/live', 'https://hub.branch.local', false)).toBe('allow')
    expect(decideRequest('ws://hub.branch.local/live', 'https://hub.branch.local', false)).toBe('block')
  })
})

describe('isHubPage', () => {
  it('is true only for http(s) pages of the hub', () => {
    expect(isHubPage(`${hub}/`, hub)).toBe(true)
    expect(isHubPage('ws://192.168.1.20:8420/', 'ws://192.168.1.20:8420')).toBe(false)
  })
})
