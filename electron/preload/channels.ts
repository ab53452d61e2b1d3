/**
 * The IPC channels between the preload bridge and main: one per bridge function, nothing
 * generic. Main registers exactly these and nothing else; the preload calls exactly these.
 */
export const CHANNELS = {
  getTerminalInfo: 'branch-lobby:get-terminal-info',
  getTerminalConfig: 'branch-lobby:get-terminal-config',
  listMonitors: 'branch-lobby:list-monitors',
  saveTerminalConfig: 'branch-lobby:save-terminal-config',
  pairWithHub: 'branch-lobby:pair-with-hub',
  requestKioskExit: 'branch-lobby:request-kiosk-exit',
  reportHubStatus: 'branch-lobby:report-hub-status',
  /** main → renderer: the secret exit gesture was seen, show the PIN pad. */
  kioskExitRequested: 'branch-lobby:kiosk-exit-requested',
} as const

export type InvokeChannel = Exclude<
  (typeof CHANNELS)[keyof typeof CHANNELS],
  typeof CHANNELS.kioskExitRequested | typeof CHANNELS.reportHubStatus
>
