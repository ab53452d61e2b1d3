import { describe, expect, it } from 'vitest'
import { observedSpeech, speechHealthOf } from '../../renderer/src/logic/display/speechHealth'
import type { SpeechEngine, SpeechOutcome } from '../../renderer/src/logic/display/soundEngines'
import { speechProblem } from '../../hub/devices/speechBoard'

const voices = (...langs: string[]) => ({ getVoices: () => langs.map((lang) => ({ lang, localService: true })) })

describe('speechHealthOf', () => {
  it('finds a voice per language the way the announcer picks one', () => {
    expect(speechHealthOf(voices('zh-CN', 'en-GB'), 'spoken')).toEqual({
      available: true,
      voices: { 'zh-CN': true, en: true },
      lastOutcome: 'spoken',
    })
    // A Cantonese voice is never used for Mandarin calls, so it does not count.
    expect(speechHealthOf(voices('zh-HK', 'en-US'), null).voices).toEqual({ 'zh-CN': false, en: true })
  })

  it('says when there is no speech synthesis at all', () => {
    expect(speechHealthOf(undefined, null)).toEqual({
      available: false,
      voices: { 'zh-CN': false, en: false },
      lastOutcome: null,
    })
  })

  it('gives the hub what it turns into the manager’s problem', () => {
    expect(speechProblem(speechHealthOf(voices('en-US'), 'spoken'))).toEqual({
      code: 'noVoice',
      detail: 'no voice installed for zh-CN',
    })
    expect(speechProblem(speechHealthOf(voices('zh-CN', 'en-US'), 'spoken'))).toBeNull()
  })
})

describe('observedSpeech', () => {
  it('tells how each sentence ended, and answers it unchanged', async () => {
    const seen: SpeechOutcome[] = []
    const outcomes: SpeechOutcome[] = ['spoken', 'failed']
    const engine: SpeechEngine = { speak: async () => outcomes.shift() ?? 'spoken', cancel: () => undefined }
    const observed = observedSpeech(engine, (o) => seen.push(o))
    expect(await observed.speak('请 A001 号到 1 号窗口', 'zh-CN')).toBe('spoken')
    expect(await observed.speak('Ticket A001, counter 1', 'en')).toBe('failed')
    expect(seen).toEqual(['spoken', 'failed'])
  })
})
