/**
 * The ports `fetch` refuses to connect to, whatever the server: the Fetch Standard's "bad port"
 * list (https://fetch.spec.whatwg.org/#bad-port, "port blocking"), which Node's `fetch` (undici,
 * `lib/web/fetch/constants.js` `badPorts`) and every browser apply. A request to one fails
 * before it leaves the machine ("bad port"), so an address on one can never work.
 * Copied from the standard as of 2026-12; `test/shared/fetchBadPorts.test.ts` checks that Node's
 * own `fetch` refuses each (but 0, which it tries and cannot reach), so a runtime whose list
 * differs is noticed.
 */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
])

/**
 * Why an `http(s)://host[:port]` address can never be fetched, or null when its port is one
 * `fetch` uses: a blocked port (`FETCH_BAD_PORTS`) or no port at all (0, above 65535). The scheme's
 * own port (80, 443) when none is written.
 *
 * @example
 * addressPortProblem('http://hq.example.com:6000') //=> 'port 6000 is one that fetch refuses to connect to (…)'
 * addressPortProblem('https://hq.example.com:8430') //=> null
 */
export function addressPortProblem(address: string): string | null {
  const match = /^https?:\/\/(?:\[[^\]]*\]|[^:/]*)(?::(\d+))?$/.exec(address)
  const written = match?.[1]
  if (written === undefined) return null
  const port = Number(written)
  // 0 is on the standard's list too, but says more as this (Node's fetch tries it, and fails)
  if (port === 0 || port > 65_535) return `port ${written} is not one a server can listen on (1 to 65535)`
  if (FETCH_BAD_PORTS.has(port))
    return `port ${port} is one that fetch refuses to connect to (the Fetch Standard's "bad ports", kept for other protocols); serve HQ on another port, such as 8430`
  return null
}
