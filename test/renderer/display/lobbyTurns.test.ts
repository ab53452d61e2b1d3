import { describe, expect, it } from 'vitest'
import { delayId } from '../../../shared/domain/ids'
import type { Delay } from '../../../shared/queue/delay'
import { lobbyTurns } from '../../../renderer/src/logic/display/lobbyTurns'
import type { Slide } from '../../../renderer/src/logic/display/lobbySlides'

const delay = (id: string) => ({ id: delayId(id) }) as unknown as Delay
const slide = (key: string): Slide => ({
  key,
  kind: 'notice',
  title: { main: key, sub: '' },
  body: { main: key, sub: '' },
})
const names = (turns: ReturnType<typeof lobbyTurns>) =>
  turns.map((t) => (t.kind === 'delay' ? `d:${t.delay.id}` : `s:${t.slide.key}`))

describe('lobbyTurns', () => {
  it('alternates delays and slides, so neither starves the other', () => {
    expect(names(lobbyTurns([delay('x')], [slide('a'), slide('b'), slide('c')]))).toEqual([
      'd:x',
      's:a',
      'd:x',
      's:b',
      'd:x',
      's:c',
    ])
  })

  it('shows every delay and every slide in one cycle, whichever list is longer', () => {
    const turns = names(lobbyTurns([delay('x'), delay('y'), delay('z')], [slide('a')]))
    expect(turns).toEqual(['d:x', 's:a', 'd:y', 's:a', 'd:z', 's:a'])
  })

  it('is the slides alone without delays, and the delays alone without slides', () => {
    expect(names(lobbyTurns([], [slide('a'), slide('b')]))).toEqual(['s:a', 's:b'])
    expect(names(lobbyTurns([delay('x')], []))).toEqual(['d:x'])
    expect(lobbyTurns([], [])).toEqual([])
  })
})
