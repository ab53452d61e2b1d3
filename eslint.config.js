// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/**
 * Layer rules (see docs/architecture.md): which folder may import what. The message says why,
 * the way vscode's code-layering rule does.
 * @param {string[]} paths @param {string[]} patterns @param {string} why
 */
const layer = (paths, patterns, why) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: why })),
      patterns: patterns.map((group) => ({ group: [group], message: why })),
    },
  ],
})

const HUB_HEADLESS = 'The hub also runs headless: it never imports Electron or the screens.'

const testsMustRun = {
  'no-restricted-properties': [
    'error',
    ...['describe', 'it', 'test'].flatMap((object) =>
      ['only', 'skip', 'todo'].map((property) => ({
        object,
        property,
        message: 'A skipped or exclusive test is a defect: make it pass or delete it.',
      })),
    ),
  ],
}

export default tseslint.config(
  {
    ignores: [
      '.scratch/**',
      'node_modules/**',
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // TypeScript (tsc, vue-tsc) already checks names against each layer's own globals.
      'no-undef': 'off',
    },
  },
  {
    // Every switch over a union names every member (or ends in assertNever): a new event,
    // command or status is never skipped in silence.
    files: ['**/*.ts'],
    ignores: ['*.config.ts', 'eslint.config.js'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...layer(
        [...nodeBuiltins, 'electron', 'serialport', 'lowdb', 'fastify', 'ws', 'vue', 'pinia', 'iconv-lite'],
        ['**/electron/**', '**/renderer/**', '**/hardware/**', '@serialport/*', 'lowdb/*', '@fastify/*'],
        'shared/ is pure domain logic: no I/O, no Node built-ins, nothing from electron/, renderer/ or hardware/.',
      ),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ takes time as a parameter.' },
        {
          object: 'Math',
          property: 'random',
          message: 'shared/ takes randomness as a parameter (a seeded generator).',
        },
        { object: 'performance', property: 'now', message: 'shared/ takes time as a parameter.' },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'setTimeout',
          'setInterval',
          'setImmediate',
          'queueMicrotask',
          'console',
          'process',
          'window',
          'document',
        ].map((name) => ({ name, message: 'shared/ is pure: no timers, no console, no host globals.' })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'shared/ takes time as a parameter: `new Date()` reads the clock.',
        },
      ],
    },
  },
  {
    files: ['hardware/**/*.ts'],
    rules: layer(
      ['electron', 'lowdb', 'fastify', 'vue', 'pinia'],
      ['**/electron/**', '**/renderer/**', '**/shared/queue/**', '**/shared/policy/**'],
      'hardware/ knows serial protocols and nothing of queues, Electron or the screens.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      ...layer(
        [...nodeBuiltins, 'electron', 'serialport', 'lowdb', 'fastify'],
        ['**/electron/**', '**/hardware/**', '@serialport/*'],
        'renderer/ talks to the hub only through its typed API client; no Node, Electron or hardware.',
      ),
      'vue/no-bare-strings-in-template': 'error',
    },
  },
  {
    files: ['electron/hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: HUB_HEADLESS },
            ...['fs', 'fs/promises', 'node:fs', 'node:fs/promises'].map((name) => ({
              name,
              message:
                "The hub's files go through electron/hub/persistence/fileSystem.ts (the crash tests trace it and inject disk faults there); file access that is not persistence is allowed file by file in eslint.config.js.",
            })),
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
              message: HUB_HEADLESS,
            },
          ],
        },
      ],
    },
  },
  {
    // Node's file system itself, two checks that a built file exists, and pruning old log files
    // (none of them persistence: nothing acknowledged lives there).
    files: [
      'electron/hub/persistence/nodeFileSystem.ts',
      'electron/hub/api/app.ts',
      'electron/hub/core/workerFile.ts',
      'electron/hub/log/hubLog.ts',
    ],
    rules: layer(['electron'], ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], HUB_HEADLESS),
  },
  {
    files: ['hq/**/*.ts'],
    rules: layer(
      ['electron', 'lowdb', 'serialport'],
      ['**/electron/**', '**/renderer/**', '**/hardware/**', '@serialport/*'],
      'hq/ is its own service: it shares only shared/ with the hub, and never reads a branch’s files.',
    ),
  },
  {
    files: ['test/**/*.ts', 'shared/**/*.test.ts'],
    rules: testsMustRun,
  },
  prettier,
)
