// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import { layering } from './eslint/layering.js'
import { LAYERS } from './eslint/layers.js'

/** The layering rule and its allow-lists (eslint/layers.js; docs/architecture.md). */
const local = { rules: { layering } }

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
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: { 'vue/no-bare-strings-in-template': 'error' },
  },
  {
    // The preload runs sandboxed, where Node's globals do not exist. A tsconfig of its own cannot
    // say so (electron.d.ts pulls in Node's types), so this does; the layering rule already
    // refuses Node's modules there.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map(
          (name) => ({ name, message: 'The sandboxed preload has no Node globals.' }),
        ),
      ],
    },
  },
  {
    // Every folder imports only what eslint/layers.js allows it (tests, scripts and benches are
    // not layers).
    files: ['**/*.ts', '**/*.vue'],
    plugins: { local },
    rules: { 'local/layering': ['error', { root: import.meta.dirname, layers: LAYERS }] },
  },
  {
    files: ['test/**/*.ts', 'shared/**/*.test.ts'],
    rules: testsMustRun,
  },
  prettier,
)
