/**
 * The preload script: runs sandboxed, with context isolation, before the hub's page. It exposes
 * one object, `window.branchLobby`, of named functions (shared/desktop/bridge.ts). The page never
 * sees `ipcRenderer`, an event object, or a channel name; callbacks receive no arguments.
 * Main validates every argument again: this file is convenience, not the security boundary.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { BranchLobbyBridge, BridgeGlobalName } from '../../shared/desktop/bridge'
import { CHANNELS } from './channels'

const bridge: BranchLobbyBridge = {
  getTerminalInfo: () => ipcRenderer.invoke(CHANNELS.getTerminalInfo),
  getTerminalConfig: () => ipcRenderer.invoke(CHANNELS.getTerminalConfig),
  listMonitors: () => ipcRenderer.invoke(CHANNELS.listMonitors),
  saveTerminalConfig: (draft, managerPin) => ipcRenderer.invoke(CHANNELS.saveTerminalConfig, draft, managerPin),
  pairWithHub: (hubUrl, code, expectedFingerprint) =>
    ipcRenderer.invoke(CHANNELS.pairWithHub, hubUrl, code, expectedFingerprint),
  requestKioskExit: (pin) => ipcRenderer.invoke(CHANNELS.requestKioskExit, pin),
  onKioskExitRequested: (listener) => {
    // Wrap so the page's callback never receives the IpcRendererEvent (it carries `sender`).
    const wrapped = (): void => listener()
    ipcRenderer.on(CHANNELS.kioskExitRequested, wrapped)
    return () => {
      ipcRenderer.removeListener(CHANNELS.kioskExitRequested, wrapped)
    }
  },
  reportHubStatus: (status) => {
    ipcRenderer.send(CHANNELS.reportHubStatus, status)
  },
}

const name: BridgeGlobalName = 'branchLobby'
contextBridge.exposeInMainWorld(name, bridge)
