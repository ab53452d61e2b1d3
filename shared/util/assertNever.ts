/**
 * Ends an exhaustive `switch` over a discriminated union: adding a variant without handling it
 * becomes a compile error, and a value that slipped past the types becomes a loud one.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`)
}
