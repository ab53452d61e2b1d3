import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { app } from 'electron'
import type { TerminalConfig } from '../../shared/desktop/terminalConfig'
import { planLoginItem } from './loginItem'
import type { TerminalLog } from './terminalLog'

/** What start-at-login needs from the process (passed in, so nothing else reads the environment). */
export interface AutoStartFacts {
  readonly platform: string
  readonly execPath: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/** Registers or removes start-at-login as a configured terminal says (see loginItem.ts). */
export function applyAutoStart(facts: AutoStartFacts, config: TerminalConfig, log: TerminalLog): void {
  const plan = planLoginItem({
    platform: facts.platform,
    isPackaged: app.isPackaged,
    demo: false,
    startAtLogin: config.startAtLogin,
    execPath: facts.execPath,
    appImagePath: facts.env.APPIMAGE,
    configHome: facts.env.XDG_CONFIG_HOME ?? `${facts.env.HOME ?? ''}/.config`,
  })
  try {
    if (plan.kind === 'loginItem') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin })
    if (plan.kind === 'xdgAutostart' && plan.contents === null) rmSync(plan.file, { force: true })
    if (plan.kind === 'xdgAutostart' && plan.contents !== null) {
      mkdirSync(dirname(plan.file), { recursive: true })
      writeFileSync(plan.file, plan.contents)
    }
    log.info('login-item', plan.kind === 'none' ? { skipped: plan.reason } : { kind: plan.kind })
  } catch (error) {
    log.error('login-item.failed', { error: error as Error })
  }
}
