import { describe, expect, it } from 'vitest'
import { parseTerminalConfig } from '../../shared/desktop/parseTerminalConfig'
import type { TerminalConfig } from '../../shared/desktop/terminalConfig'
import { RESTART_AFTER_SAVE_MS, decideConfigSave, type SaveRequest } from '../../electron/main/configSave'
import { hashPin, verifyPin } from '../../electron/main/pinHash'
import { NO_ATTEMPTS } from '../../electron/main/pinLockout'

const draft = {
  terminalName: 'Lobby kiosk',
  hub: { mode: 'host', bindAddress: '0.0.0.0', port: 8420 },
  screens: [
    { role: { kind: 'kiosk' }, monitor: 1 },
    { role: { kind: 'display' }, monitor: 2 },
  ],
  kioskMode: 'locked',
  startAtLogin: true,
}

const request = (over: Partial<SaveRequest>): SaveRequest => ({
  draft,
  managerPin: undefined,
  current: null,
  newerOnDisk: null,
  senderRole: 'setup',
  attempts: NO_ATTEMPTS,
  now: 0,
  ...over,
})

async function savedWithPin(pin: string): Promise<TerminalConfig> {
  const { ...rest } = draft
  const r = parseTerminalConfig({ version: 1, ...rest, exitPinHash: await hashPin(pin) })
  if (!r.ok) throw new Error('fixture is invalid')
  return r.value
}

describe('decideConfigSave', () => {
  it('saves a first configuration with its new exit PIN hashed', async () => {
    const d = await decideConfigSave(request({ draft: { ...draft, newExitPin: '2468' } }))
    expect(d.result).toEqual({ ok: true, restartInMs: RESTART_AFTER_SAVE_MS })
    expect(d.config).toMatchObject({ version: 1, terminalName: 'Lobby kiosk', kioskMode: 'locked' })
    expect(d.config).not.toHaveProperty('newExitPin')
    expect(JSON.stringify(d.config)).not.toContain('2468')
    expect(await verifyPin('2468', d.config?.exitPinHash ?? '')).toBe(true)
  })

  it('lets only the setup and manager windows save', async () => {
    for (const senderRole of ['kiosk', 'display', 'counter'] as const) {
      const d = await decideConfigSave(request({ senderRole, draft: { ...draft, newExitPin: '2468' } }))
      expect(d.result, senderRole).toEqual({ ok: false, reason: 'notAllowed' })
      expect(d.config).toBeUndefined()
    }
    const manager = await decideConfigSave(request({ senderRole: 'manager', draft: { ...draft, newExitPin: '2468' } }))
    expect(manager.result.ok).toBe(true)
  })

  it('needs the current exit PIN once one is set, and keeps it unless replaced', async () => {
    const current = await savedWithPin('2468')
    expect((await decideConfigSave(request({ current }))).result).toEqual({ ok: false, reason: 'pinRequired' })
    const kept = await decideConfigSave(
      request({ current, managerPin: '2468', draft: { ...draft, terminalName: 'Kiosk A' } }),
    )
    expect(kept.result.ok).toBe(true)
    expect(kept.config?.terminalName).toBe('Kiosk A')
    expect(kept.config?.exitPinHash).toBe(current.exitPinHash)
    const replaced = await decideConfigSave(
      request({ current, managerPin: '2468', draft: { ...draft, newExitPin: '1357' } }),
    )
    expect(await verifyPin('1357', replaced.config?.exitPinHash ?? '')).toBe(true)
  })

  it('counts wrong PINs and locks saving out like the kiosk exit', async () => {
    const current = await savedWithPin('2468')
    let attempts = NO_ATTEMPTS
    const reasons: string[] = []
    for (let i = 0; i < 4; i++) {
      const d = await decideConfigSave(request({ current, managerPin: '0000', attempts }))
      attempts = d.attempts
      reasons.push(d.result.ok ? 'ok' : d.result.reason)
    }
    expect(reasons).toEqual(['wrongPin', 'wrongPin', 'wrongPin', 'lockedOut'])
  })

  it('never saves over a file of a newer release, however valid the draft', async () => {
    const d = await decideConfigSave(request({ draft: { ...draft, newExitPin: '2468' }, newerOnDisk: 2 }))
    expect(d.config).toBeUndefined()
    expect(d.result).toEqual({ ok: false, reason: 'newerFile', format: 2, readsUpTo: 1 })
  })

  it('returns the problems of an invalid draft and writes nothing', async () => {
    const d = await decideConfigSave(request({ draft: { ...draft, screens: [] } }))
    expect(d.config).toBeUndefined()
    expect(d.result).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [{ path: 'screens', message: 'must not have fewer than 1 items' }],
    })
  })

  it('asks for an exit PIN when a draft locks the terminal for the first time', async () => {
    const d = await decideConfigSave(request({}))
    expect(d.result).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { path: 'newExitPin', message: 'a locked kiosk or display needs a manager exit PIN of 4 to 8 digits' },
      ],
    })
  })
})
