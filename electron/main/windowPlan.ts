import {
  isCustomerFacing,
  roleKey,
  type KioskMode,
  type ScreenAssignment,
  type TerminalRole,
} from '../../shared/desktop/terminalConfig'

/** What a window shows: a terminal role, or the setup screen. */
export type WindowRole = TerminalRole | { readonly kind: 'setup' }

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** A monitor as Electron's `screen` reports it, reduced to what planning needs. */
export interface DisplayInfo {
  readonly id: number
  readonly bounds: Rect
  /** The bounds minus the taskbar: where ordinary windows go. */
  readonly workArea: Rect
}

/** One window to open: where, showing what, and whether it is locked down. */
export interface PlannedWindow {
  /** Stable name of the window: `kiosk`, `display`, `counter:c1`, `manager`, `setup`. */
  readonly key: string
  readonly role: WindowRole
  /** The hash route of the renderer, e.g. `#/counter/c1`. */
  readonly route: string
  /** The monitor the configuration asked for, and the one it got (they differ when unplugged). */
  readonly monitor: number
  readonly shownOnMonitor: number
  readonly displayId: number
  readonly bounds: Rect
  /** Locked down: no way out but the exit gesture and PIN. */
  readonly locked: boolean
  /** Covers its whole monitor (a locked window alone on it). */
  readonly fullScreen: boolean
}

export interface WindowPlan {
  readonly windows: readonly PlannedWindow[]
  /** Why the plan differs from the configuration (a missing monitor), for the log. */
  readonly warnings: readonly string[]
}

/**
 * Orders monitors the way the terminal configuration numbers them: the primary display is 1,
 * the others follow left to right, then top to bottom, so the numbering does not depend on the
 * order the OS happened to enumerate them in.
 *
 * @example
 * const tv = { id: 7, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, workArea: ... }
 * orderMonitors([tv, desk], desk.id) //=> [desk, tv]
 */
export function orderMonitors(displays: readonly DisplayInfo[], primaryId: number): readonly DisplayInfo[] {
  return [...displays].sort((a, b) => {
    if (a.id === primaryId) return -1
    if (b.id === primaryId) return 1
    return a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id
  })
}

/**
 * The hash route of the renderer for a role.
 *
 * @example
 * routeFor({ kind: 'counter', counterId: 'c1' }) //=> '#/counter/c1'
 * routeFor({ kind: 'display' }) //=> '#/display'
 */
export function routeFor(role: WindowRole): string {
  return role.kind === 'counter' ? `#/counter/${encodeURIComponent(role.counterId)}` : `#/${role.kind}`
}

/**
 * The windows to open for a terminal's screens on the monitors attached now. A screen whose
 * monitor is missing (the lobby TV is switched off at boot) goes to monitor 1 and is moved back
 * when the monitor appears (main re-plans on display changes). Windows sharing a monitor are
 * tiled; a locked kiosk or display covers its monitor when it is alone there, and is tiled and
 * still locked down when a missing monitor forced company on it.
 *
 * @example
 * planWindows([{ role: { kind: 'kiosk' }, monitor: 1 }, { role: { kind: 'display' }, monitor: 2 }],
 *   [desk, tv], desk.id, 'locked').windows.map((w) => [w.key, w.shownOnMonitor, w.fullScreen])
 * //=> [['kiosk', 1, true], ['display', 2, true]]
 */
export function planWindows(
  screens: readonly ScreenAssignment[],
  displays: readonly DisplayInfo[],
  primaryId: number,
  kioskMode: KioskMode,
): WindowPlan {
  const monitors = orderMonitors(displays, primaryId)
  const warnings: string[] = []
  const placed = screens.map((screen) => {
    const available = screen.monitor <= monitors.length
    if (!available) {
      warnings.push(
        `${roleKey(screen.role)} asks for monitor ${screen.monitor} but ${monitors.length} ` +
          `${monitors.length === 1 ? 'is' : 'are'} attached; showing it on monitor 1 until it appears`,
      )
    }
    return { screen, shownOnMonitor: available ? screen.monitor : 1 }
  })
  const windows = placed.map(({ screen, shownOnMonitor }): PlannedWindow => {
    const display = monitors[shownOnMonitor - 1]
    if (display === undefined) throw new Error('planWindows needs at least one display')
    const company = placed.filter((p) => p.shownOnMonitor === shownOnMonitor)
    const locked = kioskMode === 'locked' && isCustomerFacing(screen.role)
    const fullScreen = locked && company.length === 1
    const tile = company.findIndex((p) => p.screen === screen)
    return {
      key: roleKey(screen.role),
      role: screen.role,
      route: routeFor(screen.role),
      monitor: screen.monitor,
      shownOnMonitor,
      displayId: display.id,
      bounds: fullScreen ? display.bounds : tileOf(display.workArea, tile, company.length),
      locked,
      fullScreen,
    }
  })
  return { windows, warnings }
}

/**
 * The setup screen's window: one ordinary window centred on monitor 1.
 *
 * @example
 * planSetupWindow([desk], desk.id).route //=> '#/setup'
 */
export function planSetupWindow(displays: readonly DisplayInfo[], primaryId: number): PlannedWindow {
  const display = orderMonitors(displays, primaryId)[0]
  if (display === undefined) throw new Error('planSetupWindow needs at least one display')
  const area = display.workArea
  const width = Math.min(1100, area.width)
  const height = Math.min(800, area.height)
  const bounds = {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  }
  const role = { kind: 'setup' } as const
  return {
    key: 'setup',
    role,
    route: routeFor(role),
    monitor: 1,
    shownOnMonitor: 1,
    displayId: display.id,
    bounds,
    locked: false,
    fullScreen: false,
  }
}

/**
 * The `index`-th of `count` tiles of an area, in a near-square grid filled row by row.
 *
 * @example
 * tileOf({ x: 0, y: 0, width: 1000, height: 800 }, 3, 4) //=> { x: 500, y: 400, width: 500, height: 400 }
 */
export function tileOf(area: Rect, index: number, count: number): Rect {
  const columns = Math.ceil(Math.sqrt(count))
  const rows = Math.ceil(count / columns)
  const column = index % columns
  const row = Math.floor(index / columns)
  const x0 = area.x + Math.round((area.width * column) / columns)
  const x1 = area.x + Math.round((area.width * (column + 1)) / columns)
  const y0 = area.y + Math.round((area.height * row) / rows)
  const y1 = area.y + Math.round((area.height * (row + 1)) / rows)
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/**
 * Whether the shell keeps the monitors awake: a branch terminal showing a kiosk or the lobby
 * display must not blank its screen after ten idle minutes. A demo on a developer's PC may.
 *
 * @example
 * keepsDisplayAwake(plan.windows, false) //=> true when a kiosk or display is planned
 */
export function keepsDisplayAwake(windows: readonly PlannedWindow[], demo: boolean): boolean {
  return !demo && windows.some((w) => w.role.kind === 'kiosk' || w.role.kind === 'display')
}
