import type { Delay } from '../../../../shared/queue/delay'
import type { Slide } from './lobbySlides'

/** What the lobby's rotating panel shows for one turn: an explanation of a delay, or a slide. */
export type LobbyTurn =
  { readonly kind: 'delay'; readonly delay: Delay } | { readonly kind: 'slide'; readonly slide: Slide }

/**
 * The turns of the lobby's rotating panel: delays and slides alternate, each list cycling at its
 * own pace, so neither starves the other (rule 5: delays are explained; rule 1: the wait is
 * filled). One cycle shows every delay and every slide at least once; with no delays it is the
 * slides alone, with no slides the delays alone.
 *
 * @example
 * lobbyTurns([d1], [s1, s2]).map((t) => t.kind) //=> ['delay', 'slide', 'delay', 'slide']
 */
export function lobbyTurns(delays: readonly Delay[], slides: readonly Slide[]): LobbyTurn[] {
  const out: LobbyTurn[] = []
  const n = Math.max(delays.length, slides.length)
  for (let i = 0; i < n; i++) {
    const delay = delays[i % Math.max(1, delays.length)]
    const slide = slides[i % Math.max(1, slides.length)]
    if (delay !== undefined) out.push({ kind: 'delay', delay })
    if (slide !== undefined) out.push({ kind: 'slide', slide })
  }
  return out
}
