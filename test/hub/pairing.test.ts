import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import type { ApiError } from '../../shared/api/views'
import { WRONG_TRIES_PER_CODE, WRONG_TRIES_PER_MINUTE } from '../../hub/auth/pairedDevices'
import { requestFrom } from './support/fromAddress'
import { HubFixture } from './support/hubFixture'

/**
 * Pairing codes against a guesser with many addresses: the audit's 50 guesses from 50 loopback
 * addresses were all answered. The per-address limit stays (20 a minute here, the default);
 * a code dies after a few wrong tries, and wrong tries from all addresses together pause pairing.
 */
let f: HubFixture
let manager: string

beforeEach(async () => {
  f = await HubFixture.start({ authAttemptsPerMinute: 20 })
  manager = await f.manager()
})
afterEach(async () => {
  await f.stop()
})

const newCode = async (name: string): Promise<string> =>
  (await f.request<{ code: string }>('POST', '/api/v1/pairing-codes', { role: 'display', name }, manager)).body.code
/** A code that is not `code`. */
const wrong = (code: string, i: number): string => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0')
const guess = (i: number, code: string) =>
  requestFrom<ApiError>(f.url, `127.0.0.${10 + i}`, 'POST', '/api/v1/pair', { code })

describe('pairing codes', () => {
  it(`withdraws a code after ${WRONG_TRIES_PER_CODE} wrong tries, from however many addresses, and tells the manager`, async () => {
    const code = await newCode('TV 2')
    for (let i = 0; i < WRONG_TRIES_PER_CODE; i++) {
      const r = await guess(i, wrong(code, i))
      expect(r.status).toBe(401)
      expect(r.body.code).toBe('badPairingCode')
    }
    const right = await guess(99, code)
    expect(right.status).toBe(401)
    expect(right.body.message).toMatch(/wrong, used or expired/)
    const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)
    expect(status.body.warnings.find((w) => w.event === 'pairing.codeWithdrawn')?.message).toMatch(
      /pairing code for 'TV 2' was withdrawn after 5 wrong tries/,
    )
    // The warning names the terminal, never the code.
    expect(JSON.stringify(status.body)).not.toContain(code)
    // A new code works.
    expect((await guess(98, await newCode('TV 2'))).status).toBe(200)
  })

  it(`pauses pairing for everyone after ${WRONG_TRIES_PER_MINUTE} wrong tries in a minute`, async () => {
    // No code is waiting, so no code dies; the guesses are still counted.
    for (let i = 0; i < WRONG_TRIES_PER_MINUTE; i++) expect((await guess(i, '123456')).status).toBe(401)
    const code = await newCode('Kiosk 2')
    const paused = await guess(50, code)
    expect(paused.status).toBe(429)
    expect(paused.body).toMatchObject({ code: 'pairingPaused' })
    expect(paused.body.message).toMatch(/try again in \d+ s/)
    f.clock.advance(61)
    expect((await guess(51, code)).status).toBe(200)
  })

  it('still limits one address on its own', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 21; i++)
      statuses.push((await requestFrom(f.url, '127.0.0.200', 'POST', '/api/v1/pair', { code: 'abc' })).status)
    // Malformed codes are refused before any code is checked, so only the address limit applies.
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true)
    expect(statuses[20]).toBe(429)
  })
})
