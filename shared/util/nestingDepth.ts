/**
 * Where a parsed JSON value nests arrays and objects deeper than `max`: the path of the first
 * value found below that depth (`scenario[0][0]…`, dotted as every field is named), or null.
 * Walked with a list, not by recursion: the value it guards against is the one that would
 * overflow the stack of whatever recursed into it next (a structured clone to a worker thread,
 * `JSON.stringify`). The value itself is depth 0; `{ "a": [1] }` has depth 2.
 *
 * @example
 * tooDeep({ a: [[1]] }, 2) //=> 'a[0]'
 * tooDeep({ a: [1] }, 2) //=> null
 */
export function tooDeep(value: unknown, max: number): string | null {
  const stack: { readonly value: unknown; readonly depth: number; readonly path: string }[] = [
    { value, depth: 0, path: '' },
  ]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: v, depth, path } = next
    if (typeof v !== 'object' || v === null) continue
    if (depth >= max) return path
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }))
    else
      for (const [key, item] of Object.entries(v))
        stack.push({ value: item, depth: depth + 1, path: path === '' ? key : `${path}.${key}` })
  }
  return null
}
