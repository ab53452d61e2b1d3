/// <reference types="vite/client" />
import type { BranchLobbyBridge } from '../shared/desktop/bridge'

declare global {
  interface Window {
    /** Present only inside the Electron shell (see shared/desktop/bridge.ts). */
    readonly branchLobby?: BranchLobbyBridge
  }
}

export {}
