import type { CounterConfig, ServiceConfig } from '../domain/branch'
import type { Language, LocalizedText } from '../domain/text'
import { CATALOGUE, type Catalogue } from '../i18n/catalogue'
import { formatMessage } from '../i18n/format'
import type { PauseReasonCode } from '../queue/counterState'

/**
 * The automatic explanations, in both languages, worded by the shared catalogue's `delay` words
 * (`shared/i18n/catalogue.ts`). Short, calm and about the
 * customer's wait, never about a person ("counter 3", not "Ms Li"): they are shown in the lobby.
 * They name what is known when the explanation starts and carry no figures that would go stale
 * while it is shown.
 */

/** One message of the catalogue's `delay` words, in both languages. */
function both(
  message: (words: Catalogue['delay']) => string,
  params: (language: Language) => Readonly<Record<string, string | number>> = () => ({}),
): LocalizedText {
  const one = (language: Language) => formatMessage(message(CATALOGUE[language].delay), params(language))
  return { 'zh-CN': one('zh-CN'), en: one('en') }
}

export function counterPausedMessage(counter: CounterConfig, reason: PauseReasonCode): LocalizedText {
  return both(
    (w) => w.counterPaused,
    (language) => ({ counter: counter.number, why: CATALOGUE[language].delay.pause[reason] }),
  )
}

export function counterClosedMessage(counter: CounterConfig): LocalizedText {
  return both(
    (w) => w.counterClosed,
    () => ({ counter: counter.number }),
  )
}

/**
 * A closed counter that leaves people with no open counter for their services: says so, and
 * when service resumes where the roster says (`clock`, "09:00"; null: it does not say).
 *
 * @example
 * noCounterMessage([personal], '09:00').en //=> 'No counter for Personal is open now; service resumes at 09:00'
 */
export function noCounterMessage(services: readonly ServiceConfig[], clock: string | null): LocalizedText {
  return both(
    (w) => (clock === null ? w.noCounter.none : w.noCounter.resumes),
    (language) => ({
      service: services.map((s) => s.name[language]).join(CATALOGUE[language].listSeparator),
      ...(clock === null ? {} : { time: clock }),
    }),
  )
}

export function longTransactionMessage(counter: CounterConfig): LocalizedText {
  return both(
    (w) => w.longTransaction,
    () => ({ counter: counter.number }),
  )
}

export function fewerCountersMessage(): LocalizedText {
  return both((w) => w.fewerCounters)
}

export function arrivalsAboveNormalMessage(service: ServiceConfig): LocalizedText {
  return both(
    (w) => w.arrivalsAboveNormal,
    (language) => ({ service: service.name[language] }),
  )
}
