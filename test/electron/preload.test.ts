import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { BranchLobbyBridge } from '../../shared/desktop/bridge'
import { CHANNELS } from '../../electron/preload/channels'
import { exposed, ipcRenderer, resetElectron } from './support/fakeElectron'

vi.mock('electron', async () => (await import('./support/fakeElectron')).electron)

let bridge: BranchLobbyBridge

beforeAll(async () => {
  resetElectron({ userDataDir: '/nonexistent', appPath: '/nonexistent', isPackaged: false })
  await import('../../electron/preload/index')
  bridge = exposed.get('branchLobby') as BranchLobbyBridge
})

describe('preload', () => {
  it('exposes one object, window.branchLobby, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['branchLobby'])
  })

  it('exposes exactly the named bridge functions: no ipcRenderer, no send(channel), no process', () => {
    expect(Object.keys(bridge).sort()).toEqual([
      'getTerminalConfig',
      'getTerminalInfo',
      'listMonitors',
      'onKioskExitRequested',
      'pairWithHub',
      'reportHubStatus',
      'requestKioskExit',
      'saveTerminalConfig',
    ])
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true)
  })

  it('maps each function to its own channel with exactly its arguments', async () => {
    ipcRenderer.invoked.length = 0
    await bridge.getTerminalInfo()
    await bridge.getTerminalConfig()
    await bridge.listMonitors()
    const draft = {
      terminalName: 'Kiosk',
      hub: { mode: 'connect', url: 'http://10.0.0.2:8420' },
      screens: [{ role: { kind: 'kiosk' }, monitor: 1 }],
      kioskMode: 'windowed',
      startAtLogin: true,
    } as const
    await bridge.saveTerminalConfig(draft, '2468')
    await bridge.pairWithHub('https://10.0.0.2:8420', '123456')
    await bridge.requestKioskExit('1357')
    expect(ipcRenderer.invoked).toEqual([
      { channel: CHANNELS.getTerminalInfo, args: [] },
      { channel: CHANNELS.getTerminalConfig, args: [] },
      { channel: CHANNELS.listMonitors, args: [] },
      { channel: CHANNELS.saveTerminalConfig, args: [draft, '2468'] },
      { channel: CHANNELS.pairWithHub, args: ['https://10.0.0.2:8420', '123456', undefined] },
      { channel: CHANNELS.requestKioskExit, args: ['1357'] },
    ])
    bridge.reportHubStatus('offline')
    expect(ipcRenderer.sentToMain).toEqual([{ channel: CHANNELS.reportHubStatus, args: ['offline'] }])
  })

  it('calls the page back with no arguments (never the IPC event) until unsubscribed', () => {
    const calls: unknown[][] = []
    const unsubscribe = bridge.onKioskExitRequested((...args: unknown[]) => {
      calls.push(args)
    })
    ipcRenderer.emit(CHANNELS.kioskExitRequested, { sender: 'the ipc event' })
    unsubscribe()
    ipcRenderer.emit(CHANNELS.kioskExitRequested, { sender: 'the ipc event' })
    expect(calls).toEqual([[]])
    expect(ipcRenderer.listenerCount(CHANNELS.kioskExitRequested)).toBe(0)
  })
})
