import { learnUsualPattern, type UsualPattern } from '../../shared/delays/usualPattern'
import { usualDayWeights } from '../../shared/delays/usualDayWeights'
import type { BranchCalendar } from '../../shared/domain/branchCalendar'
import { NO_CALIBRATION, type WaitCalibration } from '../../shared/estimate/calibration'
import { learnCalibration } from '../../shared/estimate/calibrationFeed'
import { summariseServiceTimes, type ServiceTimeStats } from '../../shared/estimate/serviceTimeStats'
import { pauseSums } from '../../shared/estimate/pauseLengths'
import type { QueueEvent } from '../../shared/queue/events'
import { replay } from '../../shared/queue/applyEvent'
import { EMPTY_STATE } from '../../shared/queue/state'
import type { JournalFolder } from '../persistence/journal'

/** What the hub has learned from recent days: how long services take, what a usual day is. */
export interface BranchKnowledge {
  readonly serviceTimes: readonly ServiceTimeStats[]
  readonly usual: UsualPattern | null
  /** The wait range's calibration as the recent days left it (their ranges against their waits). */
  readonly calibration: WaitCalibration
  /** The branch's clock (minutes east of UTC): the calibration's hours are local hours. */
  readonly utcOffsetMin: number
}

export const NO_KNOWLEDGE: BranchKnowledge = {
  serviceTimes: [],
  usual: null,
  calibration: NO_CALIBRATION,
  utcOffsetMin: 0,
}

/** Days looked back at: four weeks, enough for every weekday's pattern to count. */
const DAYS = 28

/**
 * Learns from the journals of the recent days before `today` (the journals are the history:
 * nothing else has to be kept in step with them). A damaged old journal is skipped, never fatal.
 * The usual day is that of `today`'s kind (`usualDayWeights`: a Saturday's of the Saturdays and
 * Sundays, by the branch's calendar); what a service takes and the range's calibration are
 * learned from every day.
 */
export async function loadBranchKnowledge(
  journals: JournalFolder,
  today: string,
  utcOffsetMinutes: number,
  calendar: Pick<BranchCalendar, 'holidays' | 'workingWeekends'>,
): Promise<BranchKnowledge> {
  const dates = (await journals.dates()).filter((d) => d < today).slice(-DAYS)
  const days: QueueEvent[][] = []
  const learnedDates: string[] = []
  const serviceTimes: ServiceTimeStats[] = []
  for (const date of dates) {
    try {
      const { records } = await journals.read(date)
      const events = records.map((r) => r.e)
      if (events.length === 0) continue
      days.push(events)
      learnedDates.push(date)
      const state = replay(events, EMPTY_STATE)
      serviceTimes.push({ ...summariseServiceTimes(date, [...state.done, ...state.open]), pauses: pauseSums(events) })
    } catch {
      // An unreadable old day only means less to learn from.
    }
  }
  return {
    serviceTimes,
    usual:
      days.length === 0
        ? null
        : learnUsualPattern(days, utcOffsetMinutes, usualDayWeights(learnedDates, today, calendar)),
    calibration: learnCalibration(days, utcOffsetMinutes),
    utcOffsetMin: utcOffsetMinutes,
  }
}

/**
 * What the hub knows of recent days, kept current: learned at start, again after each day
 * closes (the day just closed is history for tomorrow), and when a day opens that it was not
 * learned for (Monday, after a close that learned for Saturday).
 */
export class RecentDays {
  private knowledge: BranchKnowledge = NO_KNOWLEDGE
  private day: string | null = null
  private asked = 0

  constructor(
    private readonly journals: JournalFolder,
    private readonly utcOffsetMinutes: () => number,
    private readonly calendar: () => Pick<BranchCalendar, 'holidays' | 'workingWeekends'>,
    /** Told of each learning kept: the day it was for and how many recent days it learned from. */
    private readonly onLearned?: (today: string, days: number) => void,
  ) {}

  get current(): BranchKnowledge {
    return this.knowledge
  }

  /** The day the current knowledge was learned for (null before the first learning). */
  get learnedFor(): string | null {
    return this.day
  }

  /**
   * Learns from the days before `today`. Of two learnings under way, the one asked last is kept
   * (a close learns for the next date, an opening after a closed weekend for its own).
   */
  async learnFor(today: string): Promise<void> {
    const ask = ++this.asked
    const knowledge = await loadBranchKnowledge(this.journals, today, this.utcOffsetMinutes(), this.calendar())
    if (ask !== this.asked) return
    this.knowledge = knowledge
    this.day = today
    this.onLearned?.(today, knowledge.serviceTimes.length)
  }
}
