import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * Starts a hub worker thread by name, found beside the calling module: `<name>.js` in the
 * built app (electron-vite builds each worker as an entry next to index.js), `<name>.ts`
 * through tsx in development and tests. Null when neither exists.
 */
export function startWorker(callerUrl: string, name: string, workerData?: unknown): Worker | null {
  const here = dirname(fileURLToPath(callerUrl))
  const built = join(here, `${name}.js`)
  if (existsSync(built)) return new Worker(built, { workerData })
  const source = join(here, `${name}.ts`)
  if (!existsSync(source)) return null
  // Node 20 does not apply `--import` to workers: the worker registers tsx's loader itself.
  const api = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(source).href)}) })`
  return new Worker(code, { eval: true, workerData })
}
