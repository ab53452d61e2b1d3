import { describe, expect, it } from 'vitest'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import {
  counterClosedMessage,
  counterPausedMessage,
  longTransactionMessage,
} from '../../../shared/delays/delayMessages'

const counter = DEMO_BRANCH.counters[0]
if (counter === undefined) throw new Error('the demo branch has no counters')

describe('delay messages', () => {
  it('name a counter as every other screen does: "1 号窗口", with the space', () => {
    const zh = [
      counterPausedMessage(counter, 'break'),
      counterClosedMessage(counter),
      longTransactionMessage(counter),
    ].map((m) => m['zh-CN'])
    for (const line of zh) expect(line).toMatch(new RegExp(`^${counter.number} 号窗口`))
  })
})
