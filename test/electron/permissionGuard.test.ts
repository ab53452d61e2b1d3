import { describe, expect, it } from 'vitest'
import { decidePermissionCheck, decidePermissionRequest } from '../../electron/main/permissionGuard'

const hub = 'http://127.0.0.1:8420'
const page = `${hub}/#/kiosk`

describe('decidePermissionRequest', () => {
  it('grants the microphone alone and the choice of speakers to the hub’s top frame', () => {
    expect(
      decidePermissionRequest(
        { permission: 'media', requestingUrl: page, isMainFrame: true, mediaTypes: ['audio'] },
        hub,
      ),
    ).toBe(true)
    expect(
      decidePermissionRequest({ permission: 'speaker-selection', requestingUrl: page, isMainFrame: true }, hub),
    ).toBe(true)
  })

  it('denies the camera, and media requests that do not say what they want', () => {
    expect(
      decidePermissionRequest(
        { permission: 'media', requestingUrl: page, isMainFrame: true, mediaTypes: ['video'] },
        hub,
      ),
    ).toBe(false)
    expect(
      decidePermissionRequest(
        { permission: 'media', requestingUrl: page, isMainFrame: true, mediaTypes: ['audio', 'video'] },
        hub,
      ),
    ).toBe(false)
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: page, isMainFrame: true }, hub)).toBe(false)
  })

  it('denies everything else, whoever asks', () => {
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'openExternal',
      'pointerLock',
      'keyboardLock',
      'midi',
      'midiSysex',
      'idle-detection',
      'window-management',
      'fileSystem',
      'unknown',
    ]) {
      expect(decidePermissionRequest({ permission, requestingUrl: page, isMainFrame: true }, hub), permission).toBe(
        false,
      )
    }
  })

  it('denies sound to sub-frames and other origins', () => {
    const audio = { permission: 'media', mediaTypes: ['audio'] }
    expect(decidePermissionRequest({ ...audio, requestingUrl: page, isMainFrame: false }, hub)).toBe(false)
    expect(decidePermissionRequest({ ...audio, requestingUrl: 'https://example.com/', isMainFrame: true }, hub)).toBe(
      false,
    )
  })
})

describe('decidePermissionCheck', () => {
  it('answers checks the same way', () => {
    expect(decidePermissionCheck('media', hub, 'audio', hub)).toBe(true)
    expect(decidePermissionCheck('media', hub, 'video', hub)).toBe(false)
    expect(decidePermissionCheck('media', 'http://127.0.0.1:9999', 'audio', hub)).toBe(false)
    expect(decidePermissionCheck('hid', hub, undefined, hub)).toBe(false)
    expect(decidePermissionCheck('serial', hub, undefined, hub)).toBe(false)
  })
})
