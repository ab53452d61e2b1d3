/**
 * A stand-in for the Electron binary, which is not installed here: the parts of `electron` the
 * shell and the preload use, as plain objects that record what was asked of them and let a test
 * emit Electron's events. Tests install it with
 * `vi.mock('electron', async () => (await import('./support/fakeElectron')).electron)`.
 * Behaviour follows Electron's documentation: `preventDefault()` on an event cancels it,
 * `app.quit()` emits `before-quit` and stops if it is prevented, closing a window emits `close`.
 */
import { EventEmitter } from 'node:events'

export interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
  readonly url?: string
  readonly isMainFrame?: boolean
}

export function fakeEvent(fields: { url?: string; isMainFrame?: boolean } = {}): FakeEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

let nextWebContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++
  readonly mainFrame: { url: string; parent: null } = { url: '', parent: null }
  readonly loads: string[] = []
  readonly sent: { channel: string; args: unknown[] }[] = []
  readonly css: string[] = []
  zoomLimits: [number, number] | null = null
  zoomFactor = 1
  forcedCrashes = 0
  destroyed = false
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  loadURL(url: string): Promise<void> {
    this.loads.push(url)
    this.mainFrame.url = url
    return Promise.resolve()
  }
  getURL(): string {
    return this.mainFrame.url
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  insertCSS(css: string): Promise<string> {
    this.css.push(css)
    return Promise.resolve(`css-${this.css.length}`)
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max]
    return Promise.resolve()
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor
  }
  forcefullyCrashRenderer(): void {
    this.forcedCrashes += 1
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Electron finishing a load of the current URL. */
  finishLoad(): void {
    this.emit('did-finish-load')
  }
}

interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }
  destroyed = false
  shown = false
  focused = 0
  menuRemoved = false
  kiosk: boolean
  alwaysOnTop: boolean
  closable: boolean
  bounds: Bounds

  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    this.kiosk = options.kiosk === true
    this.alwaysOnTop = options.alwaysOnTop === true
    this.closable = options.closable !== false
    this.bounds = {
      x: Number(options.x),
      y: Number(options.y),
      width: Number(options.width),
      height: Number(options.height),
    }
    FakeBrowserWindow.all.push(this)
    app.emit('web-contents-created', fakeEvent(), this.webContents)
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  removeMenu(): void {
    this.menuRemoved = true
  }
  show(): void {
    this.shown = true
  }
  focus(): void {
    this.focused += 1
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
  /** What the user's close button (or Alt+F4) does. */
  close(): void {
    const event = fakeEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  setKiosk(on: boolean): void {
    this.kiosk = on
  }
  isKiosk(): boolean {
    return this.kiosk
  }
  setBounds(bounds: Bounds): void {
    this.bounds = bounds
  }
  setAlwaysOnTop(on: boolean): void {
    this.alwaysOnTop = on
  }
  setClosable(on: boolean): void {
    this.closable = on
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown

class FakeApp extends EventEmitter {
  isPackaged = false
  gotLock = true
  userDataDir = '/nonexistent'
  appPath = '/nonexistent'
  quitRequests = 0
  quitted = false
  exitCode: number | null = null
  relaunches: unknown[] = []
  loginItems: unknown[] = []
  switches: string[][] = []
  sandboxEnabled = false
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      this.switches.push(value === undefined ? [name] : [name, value])
    },
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock
  }
  enableSandbox(): void {
    this.sandboxEnabled = true
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app has no path ${name}`)
    return this.userDataDir
  }
  getAppPath(): string {
    return this.appPath
  }
  getVersion(): string {
    return '0.1.0-test'
  }
  whenReady(): Promise<void> {
    return Promise.resolve()
  }
  quit(): void {
    this.quitRequests += 1
    const event = fakeEvent()
    this.emit('before-quit', event)
    if (!event.defaultPrevented) this.quitted = true
  }
  exit(code = 0): void {
    this.exitCode = code
  }
  relaunch(options?: unknown): void {
    this.relaunches.push(options)
  }
  setLoginItemSettings(settings: unknown): void {
    this.loginItems.push(settings)
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>()
  readonly listeners = new Map<string, Handler>()
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }
  on(channel: string, listener: Handler): void {
    this.listeners.set(channel, listener)
  }
}

type Listener = (...args: unknown[]) => unknown

class FakeSession extends EventEmitter {
  beforeRequest: Listener | null = null
  headersReceived: Listener | null = null
  permissionRequest: Listener | null = null
  permissionCheck: Listener | null = null
  devicePermission: Listener | null = null
  certificateVerify: Listener | null = null
  readonly webRequest = {
    onBeforeRequest: (listener: Listener) => {
      this.beforeRequest = listener
    },
    onHeadersReceived: (listener: Listener) => {
      this.headersReceived = listener
    },
  }
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequest = handler
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheck = handler
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermission = handler
  }
  setCertificateVerifyProc(proc: Listener | null): void {
    this.certificateVerify = proc
  }
}

export interface FakeDisplay {
  id: number
  bounds: Bounds
  workArea: Bounds
}

class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = []
  primaryId = 1
  getAllDisplays(): FakeDisplay[] {
    return this.displays
  }
  getPrimaryDisplay(): FakeDisplay {
    const primary = this.displays.find((d) => d.id === this.primaryId)
    if (primary === undefined) throw new Error('no primary display')
    return primary
  }
}

/** The renderer side of IPC: `invoke` reaches main's handler as if sent from `sender`. */
class FakeIpcRenderer extends EventEmitter {
  sender: FakeWebContents | null = null
  readonly invoked: { channel: string; args: unknown[] }[] = []
  readonly sentToMain: { channel: string; args: unknown[] }[] = []
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    const handler = ipcMain.handlers.get(channel)
    if (handler === undefined || this.sender === null) return undefined
    return handler({ sender: this.sender, senderFrame: this.sender.mainFrame }, ...args)
  }
  send(channel: string, ...args: unknown[]): void {
    this.sentToMain.push({ channel, args })
    const listener = ipcMain.listeners.get(channel)
    if (listener !== undefined && this.sender !== null) {
      listener({ sender: this.sender, senderFrame: this.sender.mainFrame }, ...args)
    }
  }
}

export const app = new FakeApp()
export const ipcMain = new FakeIpcMain()
export const ipcRenderer = new FakeIpcRenderer()
export const screen = new FakeScreen()
export const defaultSession = new FakeSession()
export const exposed = new Map<string, unknown>()
export const menus: unknown[] = []
export const powerSaveBlocks: string[] = []
export const errorBoxes: string[] = []
export const messageBoxes: { options: Record<string, unknown> }[] = []
/** The button index the next message boxes answer with, first in first out (default 0). */
export const messageBoxAnswers: number[] = []

export const electron = {
  app,
  ipcMain,
  ipcRenderer,
  screen,
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession },
  Menu: { setApplicationMenu: (menu: unknown) => menus.push(menu) },
  powerSaveBlocker: {
    start: (type: string) => powerSaveBlocks.push(type),
  },
  dialog: {
    showErrorBox: (title: string, content: string) => errorBoxes.push(`${title}: ${content}`),
    showMessageBox: (_window: unknown, options: Record<string, unknown>) => {
      messageBoxes.push({ options })
      return Promise.resolve({ response: messageBoxAnswers.shift() ?? 0, checkboxChecked: false })
    },
  },
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api),
  },
}

/** A monitor `width`×`height` at `x`, with a 40-pixel taskbar. */
export function display(id: number, x: number, width = 1920, height = 1080): FakeDisplay {
  return { id, bounds: { x, y: 0, width, height }, workArea: { x, y: 0, width, height: height - 40 } }
}

/** Back to a freshly started process. */
export function resetElectron(where: { userDataDir: string; appPath: string; isPackaged: boolean }): void {
  for (const emitter of [app, screen, defaultSession, ipcRenderer]) emitter.removeAllListeners()
  Object.assign(app, {
    isPackaged: where.isPackaged,
    gotLock: true,
    userDataDir: where.userDataDir,
    appPath: where.appPath,
    quitRequests: 0,
    quitted: false,
    exitCode: null,
    sandboxEnabled: false,
  })
  for (const list of [app.relaunches, app.loginItems, app.switches]) list.length = 0
  ipcMain.handlers.clear()
  ipcMain.listeners.clear()
  ipcRenderer.sender = null
  ipcRenderer.invoked.length = 0
  ipcRenderer.sentToMain.length = 0
  screen.displays = [display(1, 0)]
  screen.primaryId = 1
  Object.assign(defaultSession, {
    beforeRequest: null,
    headersReceived: null,
    permissionRequest: null,
    permissionCheck: null,
    devicePermission: null,
    certificateVerify: null,
  })
  FakeBrowserWindow.all = []
  // `exposed` is kept: the preload registers its bridge once, when first imported.
  for (const list of [menus, powerSaveBlocks, errorBoxes, messageBoxes, messageBoxAnswers]) list.length = 0
}
