import type { Chime } from './soundEngines'

/** Two notes, high then low (E5 → C5), the "ding-dong" lobbies know: [Hz, start s, length s]. */
const NOTES: readonly (readonly [number, number, number])[] = [
  [659.25, 0, 0.7],
  [523.25, 0.45, 1.1],
]
const LENGTH_MS = 1600
/** A blocked `resume()` never settles; this long is enough for an allowed one. */
const RESUME_WAIT_MS = 400

/**
 * A chime made with Web Audio oscillators: no audio files to ship or to fail to load. Sine
 * tones with a soft attack and a long decay, quiet enough not to startle.
 *
 * @example
 * await webAudioChime().play() //=> 'played'
 */
export function webAudioChime(): Chime {
  let ctx: AudioContext | null = null

  async function running(): Promise<AudioContext | null> {
    if (typeof globalThis.AudioContext !== 'function') return null
    ctx ??= new AudioContext()
    if (ctx.state !== 'running') {
      await Promise.race([ctx.resume().catch(() => undefined), wait(RESUME_WAIT_MS)])
    }
    return ctx
  }

  return {
    async play() {
      const audio = await running()
      if (audio === null) return 'unavailable'
      if (audio.state !== 'running') return 'blocked'
      const t0 = audio.currentTime + 0.05
      for (const [hz, start, length] of NOTES) {
        const osc = audio.createOscillator()
        const gain = audio.createGain()
        osc.type = 'sine'
        osc.frequency.value = hz
        gain.gain.setValueAtTime(0.0001, t0 + start)
        gain.gain.exponentialRampToValueAtTime(0.25, t0 + start + 0.02)
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + length)
        osc.connect(gain).connect(audio.destination)
        osc.start(t0 + start)
        osc.stop(t0 + start + length + 0.05)
      }
      await wait(LENGTH_MS)
      return 'played'
    },
    async unlock() {
      const audio = await running()
      return audio !== null && audio.state === 'running'
    },
    close() {
      void ctx?.close().catch(() => undefined)
      ctx = null
    },
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
