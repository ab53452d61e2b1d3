import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

/**
 * electron-vite builds the main process and the preload only. The renderer is a web app the hub
 * serves (built by vite.config.ts into out/renderer), so there is no `renderer` entry here.
 *
 * - main → out/main/index.js (and the hub's estimation thread, out/main/estimationWorker.js), an ES module (package.json has "type": "module"; Electron ≥ 28
 *   loads ESM mains). Dependencies stay external and are loaded from node_modules (in the
 *   package: app.asar, with serialport's native binding unpacked), which electron-builder packs.
 * - preload → out/preload/index.cjs, one self-contained CommonJS file. A sandboxed preload
 *   cannot load ES modules or anything from node_modules: it may only `require('electron')`,
 *   so everything it imports is bundled into it.
 */
export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The hub's estimation thread: a file of its own beside index.js (estimationThread.ts).
          estimationWorker: resolve(__dirname, 'hub/estimation/estimationWorker.ts'),
          // The manager's what-if simulator, also on a thread of its own (reports/whatIf.ts).
          simulationWorker: resolve(__dirname, 'hub/reports/simulationWorker.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
      sourcemap: true,
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.cjs' } },
      sourcemap: true,
    },
  },
})
