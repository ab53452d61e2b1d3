import { createRenderer, defineComponent, h, type App } from 'vue'
import WebSocket from 'ws'

/**
 * A terminal's page in Node, for stores and composables against a real hub: the page's origin is
 * the hub's, Node's `ws` stands in for the browser's WebSocket, and localStorage and the
 * document's language are kept in memory.
 */
export function asPage(origin: string): void {
  const stored = new Map<string, string>()
  Object.assign(globalThis as Record<string, unknown>, {
    window: { location: { origin } },
    WebSocket,
    document: { documentElement: { lang: '' } },
    localStorage: {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    },
  })
}

export function leavePage(): void {
  for (const name of ['window', 'WebSocket', 'document', 'localStorage'])
    delete (globalThis as Record<string, unknown>)[name]
}

/** Nothing is drawn: a composable runs in a real component, with its mount and unmount hooks. */
const { createApp } = createRenderer<object, object>({
  createElement: () => ({}),
  createText: () => ({}),
  createComment: () => ({}),
  setText: () => {},
  setElementText: () => {},
  insert: () => {},
  remove: () => {},
  patchProp: () => {},
  parentNode: () => null,
  nextSibling: () => null,
})

/** Runs `use` inside a mounted component; `unmount` runs its clean-up as leaving the screen does. */
export function mountComposable<T>(
  use: () => T,
  plugins: readonly { install(app: App): void }[] = [],
): {
  readonly result: T
  unmount(): void
} {
  let result: T | undefined
  const app = createApp(
    defineComponent({
      setup() {
        result = use()
        return () => h('div')
      },
    }),
  )
  for (const p of plugins) app.use(p)
  app.mount({})
  return { result: result as T, unmount: () => app.unmount() }
}

/** Polls until `ok` (up to 10 s), for what arrives over the live channel. */
export async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A server at the page's origin that answers every request with the same scripted body. */
export async function garbageServer(
  body: string,
  status = 200,
): Promise<{ readonly url: string; readonly requests: () => number; close(): Promise<void> }> {
  const { createServer } = await import('node:http')
  let requests = 0
  const server = createServer((_req, res) => {
    requests++
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
