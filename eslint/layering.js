// @ts-check
// The layering rule (in the manner of vscode's `.eslint-plugin-local/code-layering.ts`): each
// folder names exactly what it may import — other folders of this repository, and packages —
// and anything else is an error. Allow-lists, not deny-lists: a new dependency is a decision
// written here, never an accident.
import { dirname, relative, resolve, sep } from 'node:path'
import { builtinModules } from 'node:module'

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])

/**
 * @typedef {object} Layer
 * @property {string} name
 * @property {string[]} files       repository paths (prefixes) that belong to the layer
 * @property {string[]} mayImport   repository paths (prefixes) its files may import
 * @property {string[]} packages    packages it may import (a name also allows its subpaths)
 * @property {boolean | string[]} [node]  Node's built-in modules: all, or these (without `node:`)
 * @property {string} why           said with every refusal
 */

/** @param {string} spec */
function packageName(spec) {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec)
}

/**
 * @param {string} path repository-relative, with forward slashes
 * @param {string[]} prefixes
 */
const under = (path, prefixes) => {
  const bare = withoutExtension(path)
  return prefixes.some((p) => bare === withoutExtension(p) || path.startsWith(p.endsWith('/') ? p : `${p}/`))
}

/** @param {string} path */
const withoutExtension = (path) => path.replace(/\.(ts|vue|js|mjs)$/, '')

/** @type {import('eslint').Rule.RuleModule} */
export const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names.' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'array' } },
        required: ['root', 'layers'],
      },
    ],
    messages: {
      badLayering:
        'Bad layering: {{layer}} may not import {{what}}. {{why}} (allowed: {{allowed}}; see eslint/layers.js)',
    },
  },
  create(context) {
    const options = /** @type {{ root: string, layers: Layer[] }} */ (context.options[0])
    const file = relative(options.root, context.filename).split(sep).join('/')
    // The most specific layer wins: hub/persistence/nodeFileSystem.ts before hub/.
    const layer = options.layers
      .filter((l) => under(file, l.files))
      .sort((a, b) => Math.max(...b.files.map((f) => f.length)) - Math.max(...a.files.map((f) => f.length)))[0]
    if (layer === undefined) return {}
    /** @param {import('estree').Node} node @param {unknown} value */
    const check = (node, value) => {
      if (typeof value !== 'string') return
      let ok
      let what = value
      if (value.startsWith('.')) {
        const target = relative(options.root, resolve(dirname(context.filename), value))
          .split(sep)
          .join('/')
        what = target
        ok = under(target, layer.files) || under(target, layer.mayImport)
      } else if (NODE.has(value)) {
        const name = value.replace(/^node:/, '')
        ok = layer.node === true || (Array.isArray(layer.node) && layer.node.includes(name))
      } else {
        ok = layer.packages.includes(packageName(value))
      }
      if (!ok) {
        const builtins =
          layer.node === true ? ['node:*'] : Array.isArray(layer.node) ? layer.node.map((m) => `node:${m}`) : []
        const allowed = [...layer.mayImport, ...layer.packages, ...builtins]
        context.report({
          node,
          messageId: 'badLayering',
          data: { layer: layer.name, what, why: layer.why, allowed: allowed.join(', ') || 'nothing else' },
        })
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source != null && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    }
  },
}
