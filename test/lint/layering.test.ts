import { resolve } from 'node:path'
import { RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, it } from 'vitest'
import { layering } from '../../eslint/layering.js'
import { LAYERS } from '../../eslint/layers.js'

const root = resolve(import.meta.dirname, '../..')
RuleTester.describe = describe
RuleTester.it = it
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } })
const options = [{ root, layers: LAYERS }]
const at = (file: string) => resolve(root, file)
const ok = (file: string, code: string) => ({ filename: at(file), code, options })
const bad = (file: string, code: string) => ({
  filename: at(file),
  code,
  options,
  errors: [{ messageId: 'badLayering' }],
})

tester.run('layering', layering, {
  valid: [
    ok('shared/queue/x.ts', "import { a } from '../domain/ids'"),
    ok('shared/sim/x.ts', "import { Heap } from 'heap-js'"),
    ok('hub/devices/x.ts', "import { DeviceSupervisor } from '../../hardware/index'"),
    ok('hub/api/x.ts', "import fastify from 'fastify'; import { join } from 'node:path'"),
    ok(
      'hub/persistence/nodeFileSystem.ts',
      "import { open } from 'node:fs/promises'; import { x } from './fileSystem'",
    ),
    ok(
      'renderer/src/views/X.ts',
      "import { ref } from 'vue'; import type { Ticket } from '../../../shared/queue/ticket'",
    ),
    ok(
      'electron/preload/index.ts',
      "import { contextBridge } from 'electron'; import type { Bridge } from '../../shared/desktop/bridge'",
    ),
    ok(
      'test/hub/x.test.ts',
      "import { readFile } from 'node:fs/promises'; import { y } from '../../hardware/link/link'",
    ),
  ],
  invalid: [
    bad('shared/queue/x.ts', "import { readFile } from 'node:fs/promises'"),
    bad('shared/queue/x.ts', "import { z } from '../../hub/startHub'"),
    bad('shared/queue/x.ts', "import fastify from 'fastify'"),
    bad('hub/devices/x.ts', "import { Link } from '../../hardware/link/link'"),
    bad('hub/api/x.ts', "import { app } from 'electron'"),
    bad('hub/queue/x.ts', "import { open } from 'node:fs/promises'"),
    bad('hardware/escpos/x.ts', "import { decide } from '../../shared/queue/decide'"),
    bad('renderer/src/views/X.ts', "import { ipcRenderer } from 'electron'"),
    bad('renderer/src/views/X.ts', "import { startHub } from '../../../hub/startHub'"),
    bad('electron/preload/index.ts', "import { join } from 'node:path'"),
    bad('hq/x.ts', "import { QueueHost } from '../hub/queue/queueHost'"),
    bad('shared/queue/x.ts', "const m = await import('node:os')"),
  ],
})
