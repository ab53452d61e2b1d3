import { dialog } from 'electron'
import type { KioskExitResult } from '../../shared/desktop/bridge'
import type { PinHash } from '../../shared/desktop/terminalConfig'
import { choiceAt, exitMenu } from './exitMenu'
import { checkManagerPin } from './managerPin'
import type { PinAttempts } from './pinLockout'
import type { TerminalLog } from './terminalLog'
import type { TerminalWindow } from './terminalWindow'

/** The PIN attempts of this PC, shared by the kiosk exit and configuration saves. */
export interface PinAttemptsBox {
  attempts: PinAttempts
}

export interface KioskExitDeps {
  readonly windows: ReadonlyMap<string, TerminalWindow>
  readonly exitPinHash: PinHash | undefined
  /** This PC runs the hub, so quitting stops the queue for every counter. */
  readonly hostsHub: boolean
  readonly pins: PinAttemptsBox
  readonly log: TerminalLog
  readonly clock: () => number
  readonly openSetup: () => void
  readonly quit: () => void
}

export interface KioskExit {
  /** A PIN from the keyboard capture or the page's PIN pad. */
  request(window: TerminalWindow, pin: unknown): Promise<KioskExitResult>
  relockAll(): void
}

/**
 * The way out of the lock-down: checks the PIN (under the lock-out), then unlocks every window
 * and shows the exit dialog, whose answer quits, opens setup, or locks everything again.
 */
export function createKioskExit(deps: KioskExitDeps): KioskExit {
  const relockAll = (): void => deps.windows.forEach((w) => w.relock())

  const showMenu = async (from: TerminalWindow): Promise<void> => {
    deps.windows.forEach((w) => w.unlock())
    const menu = exitMenu(deps.hostsHub)
    const { response } = await dialog.showMessageBox(from.window, {
      type: 'question',
      title: 'Branch Lobby',
      message: menu.message,
      detail: menu.detail,
      buttons: [...menu.buttons],
      defaultId: menu.defaultId,
      cancelId: menu.cancelId,
      noLink: true,
    })
    const choice = choiceAt(menu, response)
    deps.log.info('exit.choice', { window: from.key, choice })
    if (choice === 'quit') deps.quit()
    else if (choice === 'setup') deps.openSetup()
    else relockAll()
  }

  const request = async (window: TerminalWindow, pin: unknown): Promise<KioskExitResult> => {
    if (!window.plan.locked) return { ok: false, reason: 'notLocked' }
    const result = await checkManagerPin(pin, deps.exitPinHash, deps.pins.attempts, deps.clock())
    deps.pins.attempts = result.attempts
    deps.log.info('exit.pin', { window: window.key, outcome: result.check.outcome })
    switch (result.check.outcome) {
      case 'correct':
        void showMenu(window)
        return { ok: true }
      case 'lockedOut':
        return { ok: false, reason: 'lockedOut', retryInSec: result.check.retryInSec }
      case 'badPin':
        return { ok: false, reason: 'badPin' }
      case 'wrongPin':
      case 'noPinSet':
        return { ok: false, reason: 'wrongPin' }
    }
  }

  return { request, relockAll }
}
