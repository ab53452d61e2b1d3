import { computed, ref, shallowRef } from 'vue'
import type { MonitorInfo, PairWithHubResult, SaveConfigResult } from '../../../shared/desktop/bridge'
import {
  DEFAULT_HUB_PORT,
  type ConfigProblem,
  type HubSetting,
  type KioskMode,
  type TerminalConfigDraft,
  type TerminalRoleKind,
} from '../../../shared/desktop/terminalConfig'

/** One screen row of the form (a counter id only for counter windows). */
export interface ScreenRow {
  kind: TerminalRoleKind
  counterId: string
  monitor: number
  deviceToken: string | undefined
}

/**
 * The terminal setup form (desktop app only): loads the saved configuration through the
 * Electron bridge, edits it, and saves a draft that main validates and writes. Problems come
 * back field by field (`screens[1].monitor: …`).
 */
export function useTerminalSetup() {
  const bridge = window.branchLobby
  const available = bridge !== undefined
  const terminalName = ref('')
  const hubMode = ref<'host' | 'connect'>('host')
  const bindAddress = ref('0.0.0.0')
  const port = ref(DEFAULT_HUB_PORT)
  const url = ref('https://')
  /** The hub CA's fingerprint (pinned: the windows trust only that CA); '' for none. */
  const caFingerprint = ref('')
  /** The manager's one-time code, to pair this PC's kiosk or display with a hub on another PC. */
  const pairingCode = ref('')
  const pairing = shallowRef<PairWithHubResult | null>(null)
  const screens = ref<ScreenRow[]>([{ kind: 'kiosk', counterId: '', monitor: 1, deviceToken: undefined }])
  const kioskMode = ref<KioskMode>('locked')
  const startAtLogin = ref(true)
  const newExitPin = ref('')
  const managerPin = ref('')
  const exitPinSet = ref(false)
  const monitors = shallowRef<readonly MonitorInfo[]>([])
  const problems = shallowRef<readonly ConfigProblem[]>([])
  const result = shallowRef<SaveConfigResult | null>(null)
  const configPath = ref('')

  async function load(): Promise<void> {
    if (bridge === undefined) return
    const [view, mons] = await Promise.all([bridge.getTerminalConfig(), bridge.listMonitors()])
    monitors.value = mons
    problems.value = view.problems
    exitPinSet.value = view.exitPinSet
    configPath.value = view.configPath
    const c = view.config
    if (c === null) return
    terminalName.value = c.terminalName
    if (c.hub.mode === 'host') {
      hubMode.value = 'host'
      bindAddress.value = c.hub.bindAddress
      port.value = c.hub.port
    } else {
      hubMode.value = 'connect'
      url.value = c.hub.url
      caFingerprint.value = c.hub.caFingerprint ?? ''
    }
    screens.value = c.screens.map((s) => ({
      kind: s.role.kind,
      counterId: s.role.kind === 'counter' ? s.role.counterId : '',
      monitor: s.monitor,
      deviceToken: s.deviceToken,
    }))
    kioskMode.value = c.kioskMode
    startAtLogin.value = c.startAtLogin
  }

  const draft = computed<TerminalConfigDraft>(() => {
    const hub: HubSetting =
      hubMode.value === 'host'
        ? { mode: 'host', bindAddress: bindAddress.value.trim(), port: Number(port.value) }
        : {
            mode: 'connect',
            url: url.value.trim(),
            ...(caFingerprint.value.trim() === '' ? {} : { caFingerprint: caFingerprint.value.trim() }),
          }
    return {
      terminalName: terminalName.value.trim(),
      hub,
      screens: screens.value.map((s) => ({
        role: s.kind === 'counter' ? { kind: 'counter', counterId: s.counterId.trim() } : { kind: s.kind },
        monitor: Number(s.monitor),
        ...(s.deviceToken === undefined ? {} : { deviceToken: s.deviceToken }),
      })),
      kioskMode: kioskMode.value,
      startAtLogin: startAtLogin.value,
      ...(newExitPin.value === '' ? {} : { newExitPin: newExitPin.value }),
    }
  })

  async function save(): Promise<void> {
    if (bridge === undefined) return
    const r = await bridge.saveTerminalConfig(draft.value, managerPin.value === '' ? undefined : managerPin.value)
    result.value = r
    problems.value = !r.ok && r.reason === 'invalid' ? r.problems : []
  }

  /**
   * Pairs with the hub at the address typed (from main, over TLS): the hub's CA fingerprint is
   * then pinned, and the device token goes to the screen of the paired role (added if missing).
   */
  async function pair(): Promise<void> {
    if (bridge === undefined) return
    const typed = caFingerprint.value.trim()
    const r = await bridge.pairWithHub(url.value.trim(), pairingCode.value.trim(), typed === '' ? undefined : typed)
    pairing.value = r
    if (!r.ok) return
    pairingCode.value = ''
    caFingerprint.value = r.caFingerprint ?? ''
    const row = screens.value.find((s) => s.kind === r.role)
    screens.value =
      row === undefined
        ? [...screens.value, { kind: r.role, counterId: '', monitor: 1, deviceToken: r.deviceToken }]
        : screens.value.map((s) => (s === row ? { ...s, deviceToken: r.deviceToken } : s))
  }

  function addScreen(): void {
    screens.value = [...screens.value, { kind: 'counter', counterId: '', monitor: 1, deviceToken: undefined }]
  }

  function removeScreen(i: number): void {
    screens.value = screens.value.filter((_, j) => j !== i)
  }

  void load()
  return {
    available,
    terminalName,
    hubMode,
    bindAddress,
    port,
    url,
    caFingerprint,
    pairingCode,
    pairing,
    pair,
    screens,
    kioskMode,
    startAtLogin,
    newExitPin,
    managerPin,
    exitPinSet,
    monitors,
    problems,
    result,
    configPath,
    save,
    addScreen,
    removeScreen,
  }
}
