import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import type { PriorityClassId } from '../../../../shared/domain/ids'
import type { Availability } from '../../logic/counter/counterActions'
import { ratingKey, shortcutOf, type ShortcutAction } from '../../logic/counter/shortcuts'
import type { CounterDesk } from './useCounterDesk'

/** The dialogs of the counter screen; while one is open the screen's own keys rest. */
export type DeskDialog = 'pause' | 'transfer' | 'callTicket' | 'resumeParked' | 'priority' | 'close'

/**
 * One way in for every action, whether from a button or a key: it checks that the action is
 * allowed now (a key for a disabled button does nothing), opens the dialog an action needs, and
 * otherwise sends the command. Also listens to the keyboard.
 */
export function useCounterControl(desk: CounterDesk, signOut: () => Promise<void>) {
  const dialog = ref<DeskDialog | null>(null)
  /** The class the priority dialog opens with (confirm: the claim; downgrade: none). */
  const priorityChoice = ref<PriorityClassId | null>(null)
  const status = computed(() => desk.counter.value?.status ?? 'closed')
  /** What the close dialog does once confirmed: close, or close and sign out. */
  const closeThen = ref<'stay' | 'signOut'>('stay')

  function availability(action: ShortcutAction): Availability {
    const a = desk.actions.value
    if (action === 'pauseResume') return status.value === 'paused' ? a.resume : a.pause
    return a[action]
  }

  /**
   * A key pressed while a command is still on its way waits for it (the newest press wins), then
   * is checked against the state that command produced: a fast hand is neither lost nor able to
   * act on the state from before. Pressing F1 twice calls one customer.
   */
  let pending: ShortcutAction | null = null
  watch(desk.busy, (busy) => {
    if (busy || pending === null) return
    const next = pending
    pending = null
    void act(next)
  })

  /** A dialog starts clean: an earlier refusal belongs to the screen, not to this dialog. */
  function openDialog(which: DeskDialog): void {
    desk.dismissError()
    dialog.value = which
  }

  async function act(action: ShortcutAction): Promise<void> {
    if (desk.busy.value) {
      pending = action
      return
    }
    if (!availability(action).enabled || dialog.value !== null) return
    switch (action) {
      case 'open':
        await desk.open()
        return
      case 'pauseResume':
        if (status.value === 'paused') await desk.resume()
        else openDialog('pause')
        return
      case 'close':
        await closeOrAsk('stay')
        return
      case 'signOut':
        // Nobody is left behind an open counter: it closes first, then the teller leaves. With
        // the hub out of reach the teller still leaves; the manager closes the counter.
        if (desk.live.value && (status.value === 'idle' || status.value === 'paused')) {
          await closeOrAsk('signOut')
          return
        }
        await signOut()
        return
      case 'callNext':
        await desk.callNext()
        return
      case 'recall':
        await desk.recall()
        return
      case 'start':
        await desk.start()
        return
      case 'complete':
        await desk.complete()
        return
      case 'addTransaction':
        await desk.addTransaction()
        return
      case 'noShow':
        await desk.noShow()
        return
      case 'park':
        await desk.park()
        return
      case 'transfer':
        openDialog('transfer')
        return
      case 'callTicket':
        openDialog('callTicket')
        return
      case 'resumeParked': {
        const parked = desk.parked.value
        const only = parked.length === 1 ? parked[0] : undefined
        // One customer back: resume them. Several: the teller picks who from the list.
        if (only !== undefined) await desk.resumeParked(only.ticket.id)
        else openDialog('resumeParked')
        return
      }
      case 'explain':
        await desk.toggleExplain()
        return
    }
  }

  /**
   * Closes at once when another open counter serves everyone this one could call; when the close
   * would leave people with nobody to call them (`desk.stranded`), asks first (the close dialog).
   */
  async function closeOrAsk(then: 'stay' | 'signOut'): Promise<void> {
    if (desk.stranded.value.length > 0) {
      closeThen.value = then
      openDialog('close')
      return
    }
    await closeAnyway(then)
  }

  /** The close itself, confirmed or not needing it; then the sign-out it was asked with. */
  async function closeAnyway(then: 'stay' | 'signOut' = closeThen.value): Promise<boolean> {
    if ((await desk.close()) === null) return false
    if (then === 'signOut') await signOut()
    return true
  }

  function onKeyDown(e: KeyboardEvent): void {
    const shortcut = shortcutOf(e)
    if (shortcut !== undefined) {
      // Always ours on this screen, even when not allowed now: F5 must never reload the
      // teller's screen, F1 never open a help window.
      e.preventDefault()
      if (!e.repeat && dialog.value === null) void act(shortcut.action)
      return
    }
    if (dialog.value !== null || desk.toRate.value === null || e.altKey || e.ctrlKey || e.metaKey) return
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return
    if (e.target instanceof HTMLSelectElement) return
    const score = ratingKey(e.code)
    if (score !== null) {
      e.preventDefault()
      if (!e.repeat) void desk.rate(score)
    } else if (e.code === 'Escape') {
      desk.skipRating()
    }
  }

  onMounted(() => window.addEventListener('keydown', onKeyDown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeyDown))

  /** Opens the priority dialog of the customer at the counter, with a class chosen. */
  function openPriority(choice: PriorityClassId | null): void {
    if (desk.busy.value || dialog.value !== null || desk.ticket.value === undefined) return
    priorityChoice.value = choice
    openDialog('priority')
  }

  return {
    dialog,
    status,
    availability,
    act,
    priorityChoice,
    openPriority,
    closeThen,
    closeAnyway,
    closeDialog: () => (dialog.value = null),
  }
}

export type CounterControl = ReturnType<typeof useCounterControl>
