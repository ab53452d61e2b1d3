/** A configuration error that names the field at fault: `devices[2].protocol.address`. */
export interface ConfigIssue {
  readonly path: string
  readonly message: string
}

/**
 * Appends a JSON-pointer path (`/protocol/registers/0`) to a dotted one.
 *
 * @example
 * joinPath('devices[2]', '/protocol/fields/0/kind') //=> 'devices[2].protocol.fields[0].kind'
 */
export function joinPath(base: string, pointer: string): string {
  let out = base
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`
  }
  return out
}
