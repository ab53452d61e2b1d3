import { afterEach, describe, expect, it } from 'vitest'
import { CardReaderEmulator, TEST_CARDS } from './emulators/cardReaderEmulator'
import { sleep, waitFor } from './emulators/waitFor'
import { Harness, serial, statusOf, untilState } from './support/harness'

const h = new Harness()
afterEach(() => h.dispose())

async function reader(protocol: Record<string, unknown> = {}) {
  const { pair, emulator } = await h.pty(new CardReaderEmulator())
  const { sup, events } = h.supervisor([
    {
      id: 'kiosk-reader',
      name: 'Kiosk card reader',
      role: 'cardReader',
      kiosk: 'Lobby kiosk',
      connection: serial(pair.hostPath),
      protocol: { dialect: 'cardLine', ...protocol },
    },
  ])
  const reads: { token: string; masked: string; kiosk: string | null; kind: string }[] = []
  sup.on('card', (r) => reads.push(r))
  await untilState(sup, 'kiosk-reader', 'connected')
  return { pair, emulator, sup, events, reads }
}

/** Every log line, to check that no card number is ever written out in full. */
const logText = (events: { logs: { message: string }[] }): string => events.logs.map((l) => l.message).join('\n')

describe('a serial card reader over a PTY', () => {
  it('reads a bank card swipe and an ID card scan, and logs them masked', async () => {
    const { emulator, events, reads } = await reader()
    emulator.swipe(TEST_CARDS.track2)
    await waitFor(() => reads.length === 1, 'the swipe')
    emulator.swipe(TEST_CARDS.idCard, '\r')
    await waitFor(() => reads.length === 2, 'the ID scan')
    expect(reads).toEqual([
      expect.objectContaining({ token: TEST_CARDS.pan, masked: '***************0123', kiosk: 'Lobby kiosk' }),
      expect.objectContaining({ token: TEST_CARDS.idCard, masked: '**************002X', kind: 'id' }),
    ])
    expect(logText(events)).toContain('card read: ***************0123')
    expect(logText(events)).not.toContain(TEST_CARDS.pan)
    expect(logText(events)).not.toContain(TEST_CARDS.idCard)
  })

  it('counts one swipe sent as track 1 and track 2 on two lines once', async () => {
    const { emulator, reads } = await reader()
    emulator.swipe(TEST_CARDS.track1)
    emulator.swipe(TEST_CARDS.track2)
    await waitFor(() => reads.length === 1, 'the swipe')
    await sleep(200)
    expect(reads).toHaveLength(1)
  })

  it('follows a configured terminator, byte by byte', async () => {
    const { emulator, reads } = await reader({ terminator: 'lf' })
    for (const b of Buffer.from(`${TEST_CARDS.idCard}\n`, 'latin1')) emulator.send([b])
    await waitFor(() => reads.length === 1, 'the scan')
    expect(reads[0]?.token).toBe(TEST_CARDS.idCard)
  })

  describe('edge cases', () => {
    it('shows noise as the reader’s problem, reads nothing from it, and clears it on the next good read', async () => {
      const { emulator, sup, events, reads } = await reader()
      emulator.send([0x00, 0xff, 0x13, 0x88, 0x0d])
      const bad = await untilState(sup, 'kiosk-reader', 'error', 'badRead')
      expect(bad.problem?.detail).toMatch(/not printable text/)
      emulator.swipe(';E?')
      await waitFor(() => events.logs.some((l) => /could not be read/.test(l.message)), 'the failed swipe logged')
      emulator.swipe(TEST_CARDS.track2)
      await untilState(sup, 'kiosk-reader', 'connected')
      expect(reads.map((r) => r.token)).toEqual([TEST_CARDS.pan])
    })

    it('throws away an over-long read and a cut-off one, saying so without their content', async () => {
      const { emulator, sup, events, reads } = await reader({ maxLength: 32, timeoutMs: 100 })
      emulator.swipe('6'.repeat(100))
      await untilState(sup, 'kiosk-reader', 'error', 'badRead')
      expect(statusOf(sup, 'kiosk-reader').problem?.detail).toMatch(/100 byte\(s\) without a line end/)
      emulator.send(Buffer.from(TEST_CARDS.track2.slice(0, 12), 'latin1'))
      await waitFor(
        () => /12 byte\(s\) and then nothing/.test(statusOf(sup, 'kiosk-reader').problem?.detail ?? ''),
        'the cut-off read reported',
      )
      expect(reads).toEqual([])
      expect(logText(events)).not.toContain('6666666666')
      expect(logText(events)).not.toContain(TEST_CARDS.pan.slice(0, 11))
    })

    it('reconnects after the reader is unplugged and reads again', async () => {
      const { pair, emulator, sup, reads } = await reader()
      await pair.unplug()
      await untilState(sup, 'kiosk-reader', 'disconnected')
      await pair.replug((path) => emulator.attach(path))
      await untilState(sup, 'kiosk-reader', 'connected')
      emulator.swipe(TEST_CARDS.track2)
      await waitFor(() => reads.length === 1, 'the swipe after replugging')
    })
  })
})
