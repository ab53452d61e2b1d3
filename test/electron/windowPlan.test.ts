import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ScreenAssignment } from '../../shared/desktop/terminalConfig'
import {
  keepsDisplayAwake,
  orderMonitors,
  planSetupWindow,
  planWindows,
  routeFor,
  tileOf,
  type DisplayInfo,
} from '../../electron/main/windowPlan'

const monitor = (id: number, x: number, y = 0, width = 1920, height = 1080): DisplayInfo => ({
  id,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
})
const touch = monitor(10, 0)
const tv = monitor(20, 1920)

const kioskAndTv: ScreenAssignment[] = [
  { role: { kind: 'kiosk' }, monitor: 1 },
  { role: { kind: 'display' }, monitor: 2 },
]

describe('orderMonitors', () => {
  it('puts the primary display first, the others left to right then top to bottom', () => {
    const left = monitor(3, -1920)
    const below = monitor(4, 1920, 1080)
    expect(orderMonitors([below, tv, touch, left], touch.id).map((d) => d.id)).toEqual([10, 3, 20, 4])
  })
})

describe('planWindows', () => {
  it('covers each monitor with its locked customer screen', () => {
    const plan = planWindows(kioskAndTv, [tv, touch], touch.id, 'locked')
    expect(plan.warnings).toEqual([])
    expect(plan.windows.map((w) => [w.key, w.route, w.displayId, w.fullScreen, w.locked])).toEqual([
      ['kiosk', '#/kiosk', 10, true, true],
      ['display', '#/display', 20, true, true],
    ])
    expect(plan.windows[1]?.bounds).toEqual(tv.bounds)
  })

  it('moves a screen whose monitor is missing to monitor 1 and says so', () => {
    const plan = planWindows(kioskAndTv, [touch], touch.id, 'locked')
    expect(plan.warnings).toEqual([
      'display asks for monitor 2 but 1 is attached; showing it on monitor 1 until it appears',
    ])
    const display = plan.windows[1]
    expect([display?.monitor, display?.shownOnMonitor, display?.displayId]).toEqual([2, 1, 10])
    // Forced together, neither covers the monitor, both stay locked down.
    expect(plan.windows.map((w) => [w.fullScreen, w.locked])).toEqual([
      [false, true],
      [false, true],
    ])
  })

  it('tiles the demo windows on one monitor as ordinary windows', () => {
    const screens: ScreenAssignment[] = [
      { role: { kind: 'kiosk' }, monitor: 1 },
      { role: { kind: 'display' }, monitor: 1 },
      { role: { kind: 'counter', counterId: 'c1' }, monitor: 1 },
      { role: { kind: 'counter', counterId: 'c2' }, monitor: 1 },
    ]
    const plan = planWindows(screens, [touch], touch.id, 'windowed')
    expect(plan.windows.map((w) => w.bounds)).toEqual([
      { x: 0, y: 0, width: 960, height: 520 },
      { x: 960, y: 0, width: 960, height: 520 },
      { x: 0, y: 520, width: 960, height: 520 },
      { x: 960, y: 520, width: 960, height: 520 },
    ])
    expect(plan.windows.every((w) => !w.locked && !w.fullScreen)).toBe(true)
  })

  it('never locks counter or manager windows', () => {
    const screens: ScreenAssignment[] = [
      { role: { kind: 'counter', counterId: 'c3' }, monitor: 1 },
      { role: { kind: 'manager' }, monitor: 2 },
    ]
    const plan = planWindows(screens, [touch, tv], touch.id, 'locked')
    expect(plan.windows.map((w) => [w.key, w.locked, w.route])).toEqual([
      ['counter:c3', false, '#/counter/c3'],
      ['manager', false, '#/manager'],
    ])
  })
})

describe('planSetupWindow', () => {
  it('centres one ordinary window on monitor 1', () => {
    const setup = planSetupWindow([tv, touch], touch.id)
    expect(setup).toMatchObject({ key: 'setup', route: '#/setup', displayId: 10, locked: false })
    expect(setup.bounds).toEqual({ x: 410, y: 120, width: 1100, height: 800 })
  })

  it('fits a small monitor', () => {
    expect(planSetupWindow([monitor(1, 0, 0, 1024, 600)], 1).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 560 })
  })
})

describe('routeFor', () => {
  it('routes each role to its screen, escaping the counter id', () => {
    expect(routeFor({ kind: 'counter', counterId: 'c1' })).toBe('#/counter/c1')
    expect(routeFor({ kind: 'counter', counterId: 'a/b' })).toBe('#/counter/a%2Fb')
    expect(routeFor({ kind: 'setup' })).toBe('#/setup')
  })
})

describe('tileOf', () => {
  it('splits an area into tiles that cover it exactly, without overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: -4000, max: 4000 }),
        (count, width, height, x) => {
          const area = { x, y: 0, width, height }
          const tiles = Array.from({ length: count }, (_, i) => tileOf(area, i, count))
          const columns = Math.ceil(Math.sqrt(count))
          const rows = Math.ceil(count / columns)
          // Every tile lies inside the area; tiles do not overlap; a full grid covers the area.
          for (const t of tiles) {
            expect(t.x >= area.x && t.y >= area.y).toBe(true)
            expect(t.x + t.width <= area.x + width && t.y + t.height <= height).toBe(true)
          }
          for (let i = 0; i < tiles.length; i++)
            for (let j = i + 1; j < tiles.length; j++) {
              const a = tiles[i]!
              const b = tiles[j]!
              const apart =
                a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
              expect(apart).toBe(true)
            }
          const gridArea = Array.from({ length: columns * rows }, (_, i) => tileOf(area, i, columns * rows)).reduce(
            (sum, t) => sum + t.width * t.height,
            0,
          )
          expect(gridArea).toBe(width * height)
        },
      ),
    )
  })
})

describe('keepsDisplayAwake', () => {
  it('keeps monitors awake for a kiosk or display, except in the demo', () => {
    const plan = planWindows(kioskAndTv, [touch, tv], touch.id, 'locked')
    expect(keepsDisplayAwake(plan.windows, false)).toBe(true)
    expect(keepsDisplayAwake(plan.windows, true)).toBe(false)
    const counter = planWindows([{ role: { kind: 'counter', counterId: 'c1' }, monitor: 1 }], [touch], 10, 'locked')
    expect(keepsDisplayAwake(counter.windows, false)).toBe(false)
  })
})
