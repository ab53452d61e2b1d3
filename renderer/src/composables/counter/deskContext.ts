import { inject, provide, type InjectionKey } from 'vue'
import type { CounterDesk } from './useCounterDesk'
import type { CounterControl } from './useCounterControl'

/** The counter's desk and its controls, shared by the panels of one counter screen. */
export interface DeskContext {
  readonly desk: CounterDesk
  readonly control: CounterControl
}

const key: InjectionKey<DeskContext> = Symbol('counterDesk')

export function provideDesk(context: DeskContext): void {
  provide(key, context)
}

/** The desk of the counter screen this component is part of. */
export function useDesk(): DeskContext {
  const context = inject(key)
  if (context === undefined) throw new Error('A counter panel is used outside the counter screen')
  return context
}
