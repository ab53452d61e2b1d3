import { describe, expect, it } from 'vitest'
import { addressPortProblem, FETCH_BAD_PORTS } from '../../shared/config/fetchBadPorts'

/** Why `fetch` failed to reach `port` on loopback: "bad port" when it refused to try. */
async function fetchFailure(port: number): Promise<string> {
  try {
    await fetch(`http://127.0.0.1:${port}/`)
    return 'answered'
  } catch (e) {
    return (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message
  }
}

describe('addressPortProblem', () => {
  it('refuses a port fetch blocks, saying why and what to do', () => {
    expect(addressPortProblem('http://hq.example.com:6000')).toMatch(
      /port 6000 is one that fetch refuses.*another port/,
    )
    expect(addressPortProblem('https://10.0.0.5:9')).toMatch(/^port 9 /)
    expect(addressPortProblem('http://[fd00::1]:0010080')).toMatch(/^port 10080 /)
  })

  it('takes the ports HQ is served on, and no port at all', () => {
    for (const ok of [
      'https://hq.example.com:8430',
      'http://127.0.0.1:8080',
      'https://hq.example.com',
      'http://[::1]:443',
    ])
      expect(addressPortProblem(ok)).toBeNull()
  })

  describe('edge cases', () => {
    it('refuses ports no server listens on', () => {
      expect(addressPortProblem('http://hq:0')).toMatch(/not one a server can listen on/)
      expect(addressPortProblem('http://hq:70000')).toMatch(/not one a server can listen on/)
    })
  })
})

describe('FETCH_BAD_PORTS', () => {
  it("is the list this runtime's fetch refuses: each listed port fails as a bad port, its neighbours do not", async () => {
    // 0 is on the standard's list, but Node's fetch tries it (and cannot connect)
    for (const port of [...FETCH_BAD_PORTS].filter((p) => p !== 0))
      expect([port, await fetchFailure(port)]).toEqual([port, 'bad port'])
    for (const port of [2, 8, 24, 6001, 8430, 10081]) expect(await fetchFailure(port)).not.toBe('bad port')
  })
})
