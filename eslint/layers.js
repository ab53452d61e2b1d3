// @ts-check
// What each folder may import, as allow-lists (checked by ./layering.js; docs/architecture.md
// draws the picture). Tests, scripts and benchmarks are not layers: they may reach anything.

const FASTIFY = ['fastify', '@fastify/websocket', '@fastify/swagger', '@fastify/static', '@fastify/rate-limit']
const HUB_NODE = ['path', 'crypto', 'worker_threads', 'os', 'util', 'url', 'net', 'http', 'https', 'module', 'events']
// @peculiar/x509 (+ the reflect-metadata polyfill it needs) makes the branch CA and the server certificate.
const HUB_PACKAGES = [
  ...FASTIFY,
  'typebox',
  'lowdb',
  'ws',
  'pino',
  'pino-roll',
  'open',
  '@peculiar/x509',
  'reflect-metadata',
]

/** @type {import('./layering.js').Layer[]} */
export const LAYERS = [
  {
    name: 'shared/',
    files: ['shared'],
    mayImport: [],
    packages: ['typebox', 'pure-rand', 'heap-js'],
    why: 'shared/ is pure domain logic: no I/O, no Node, no other folder, only its three pure packages.',
  },
  {
    name: 'hardware/',
    files: ['hardware'],
    mayImport: ['shared/domain', 'shared/util'],
    packages: ['serialport', 'iconv-lite', 'modbus-serial', 'typebox'],
    node: ['events', 'net'],
    why: 'hardware/ knows serial protocols and nothing of queues, the hub, Electron or the screens.',
  },
  {
    name: 'hub/',
    files: ['hub'],
    mayImport: ['shared', 'server', 'hardware/index.ts'],
    packages: HUB_PACKAGES,
    node: HUB_NODE,
    why:
      'The hub runs headless (never Electron or the screens), reaches hardware only through hardware/index.ts, ' +
      'and keeps its files behind hub/persistence/fileSystem.ts (the crash tests trace it and inject disk faults there).',
  },
  {
    name: 'hub/ file access that is not persistence',
    // Node's file system itself, two checks that a built file exists, and pruning old log files.
    files: ['hub/persistence/nodeFileSystem.ts', 'hub/api/app.ts', 'hub/workerFile.ts', 'hub/log/hubLog.ts'],
    mayImport: ['hub', 'shared', 'server', 'hardware/index.ts'],
    packages: HUB_PACKAGES,
    node: [...HUB_NODE, 'fs', 'fs/promises'],
    why: 'These files are allowed the file system by name; everything else in the hub goes through fileSystem.ts.',
  },
  {
    name: 'server/',
    files: ['server'],
    mayImport: ['shared'],
    packages: ['fastify', 'typebox'],
    node: true,
    why: 'server/ holds what the hub and headquarters share as HTTP services, and knows neither.',
  },
  {
    name: 'hq/',
    files: ['hq'],
    mayImport: ['shared', 'server'],
    packages: [...FASTIFY, 'typebox', 'pg', '@electric-sql/pglite'],
    node: true,
    why: 'Headquarters is its own service: it shares the pure code, never a branch hub’s.',
  },
  {
    name: 'renderer/',
    files: ['renderer'],
    mayImport: ['shared'],
    packages: ['vue', 'vue-i18n', 'vue-router', 'pinia', 'echarts', 'vue-echarts', 'typebox', 'qrcode'],
    why: 'renderer/ talks to the hub only through its typed API client: no Node, Electron, hub or hardware.',
  },
  {
    name: 'electron/main',
    files: ['electron/main'],
    mayImport: ['shared', 'hub/startHub.ts', 'electron/preload/channels.ts'],
    packages: ['electron'],
    node: true,
    why: 'The shell is thin: it starts the hub and opens windows; the rest is the hub’s and the screens’.',
  },
  {
    name: 'electron/preload',
    files: ['electron/preload'],
    mayImport: ['shared/desktop'],
    packages: ['electron'],
    why: 'The sandboxed preload exposes a few named functions: no Node, nothing but the bridge’s types.',
  },
]
