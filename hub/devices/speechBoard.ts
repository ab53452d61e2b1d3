import type { SpeechHealth } from '../../shared/api/health'
import type { DeviceStatusView } from '../../shared/api/live'
import { LANGUAGES } from '../../shared/domain/text'
import type { LobbyDevices } from './lobbyDevices'

/** Why a lobby display cannot announce calls as it should, as the manager's screen translates it. */
export type SpeechProblemCode = 'speechUnavailable' | 'speechFailed' | 'soundBlocked' | 'noVoice'

/**
 * What is wrong with a display's voice, worst first; null when it speaks every language.
 *
 * @example
 * speechProblem({ available: true, voices: { 'zh-CN': false, en: true }, lastOutcome: 'spoken' })
 * //=> { code: 'noVoice', detail: 'no voice installed for zh-CN' }
 */
export function speechProblem(h: SpeechHealth): { code: SpeechProblemCode; detail: string } | null {
  if (!h.available || h.lastOutcome === 'unavailable')
    return { code: 'speechUnavailable', detail: 'this browser has no speech synthesis' }
  if (h.lastOutcome === 'failed' || h.lastOutcome === 'timedOut')
    return {
      code: 'speechFailed',
      detail: `the last announcement ${h.lastOutcome === 'failed' ? 'failed' : 'timed out'}`,
    }
  if (h.lastOutcome === 'blocked')
    return { code: 'soundBlocked', detail: 'the browser blocks sound until someone touches the screen' }
  const missing = LANGUAGES.filter((l) => !h.voices[l])
  return missing.length === 0 ? null : { code: 'noVoice', detail: `no voice installed for ${missing.join(', ')}` }
}

interface Report {
  readonly name: string
  readonly health: SpeechHealth
  readonly problem: ReturnType<typeof speechProblem>
  readonly since: number
}

/**
 * The voice of each lobby display, as the displays report it, listed with the lobby devices on
 * the manager's screen. Kept in memory: a display reports again when it starts and whenever its
 * voice changes, so a restarted hub learns it again.
 */
export class SpeechBoard {
  private readonly reports = new Map<string, Report>()
  private readonly listeners = new Set<() => void>()

  /** Records a report; answers the problem when it is new (to be logged), else undefined. */
  report(deviceId: string, name: string, health: SpeechHealth, now: number): Report['problem'] | undefined {
    const before = this.reports.get(deviceId)
    const problem = speechProblem(health)
    const changed = before?.problem?.code !== problem?.code
    this.reports.set(deviceId, { name, health, problem, since: changed || before === undefined ? now : before.since })
    if (changed || before?.problem?.detail !== problem?.detail) for (const l of this.listeners) l()
    return changed ? problem : undefined
  }

  /** A revoked display is no longer listed. */
  forget(deviceId: string): void {
    if (this.reports.delete(deviceId)) for (const l of this.listeners) l()
  }

  statuses(): DeviceStatusView[] {
    return [...this.reports].map(([id, r]) => ({
      id: `speech:${id}`,
      role: 'displaySpeech',
      label: r.name,
      state: r.problem === null ? 'connected' : 'error',
      problem: r.problem?.code ?? null,
      detail: r.problem?.detail ?? null,
      paper: null,
      since: r.since,
    }))
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** The lobby devices with the displays' voices listed after them. */
export function withSpeech(devices: LobbyDevices, speech: SpeechBoard): LobbyDevices {
  const statuses = (): readonly DeviceStatusView[] => [...devices.statuses(), ...speech.statuses()]
  return {
    printTicket: (facts) => devices.printTicket(facts),
    test: (deviceId) => devices.test(deviceId),
    statuses,
    onChange: (listener) => {
      const stops = [devices.onChange(() => listener(statuses())), speech.onChange(() => listener(statuses()))]
      return () => {
        for (const stop of stops) stop()
      }
    },
  }
}
