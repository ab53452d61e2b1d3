import type { CounterConfig, ServiceConfig } from '../domain/branch'
import type { LocalizedText } from '../domain/text'
import type { PauseReasonCode } from '../queue/counterState'

/**
 * The words of the automatic explanations, in both languages. Short, calm and about the
 * customer's wait, never about a person ("counter 3", not "Ms Li"): they are shown in the lobby.
 * They name what is known when the explanation starts and carry no figures that would go stale
 * while it is shown.
 */

const PAUSE: Readonly<Record<PauseReasonCode, LocalizedText>> = {
  break: { 'zh-CN': '工作人员短暂休息', en: 'staff break' },
  cashCount: { 'zh-CN': '现金清点', en: 'cash count' },
  systemIssue: { 'zh-CN': '系统故障处理中', en: 'system issue being fixed' },
  meeting: { 'zh-CN': '内部会议', en: 'staff meeting' },
  complexBusiness: { 'zh-CN': '处理复杂业务', en: 'handling a complex case' },
  other: { 'zh-CN': '暂停服务', en: 'paused' },
}

export function counterPausedMessage(counter: CounterConfig, reason: PauseReasonCode): LocalizedText {
  const why = PAUSE[reason]
  return {
    'zh-CN': `${counter.number}号窗口暂停服务(${why['zh-CN']}),请您耐心等候`,
    en: `Counter ${counter.number} is paused (${why.en}); thank you for your patience`,
  }
}

export function counterClosedMessage(counter: CounterConfig): LocalizedText {
  return {
    'zh-CN': `${counter.number}号窗口暂未开放,其他窗口正在为您服务`,
    en: `Counter ${counter.number} is closed at the moment; the other counters are serving you`,
  }
}

export function longTransactionMessage(counter: CounterConfig): LocalizedText {
  return {
    'zh-CN': `${counter.number}号窗口正在办理较复杂的业务,请您耐心等候`,
    en: `A complex transaction is in progress at counter ${counter.number}`,
  }
}

export function fewerCountersMessage(): LocalizedText {
  return {
    'zh-CN': '当前开放窗口少于平时,我们正在尽快为您办理',
    en: 'Fewer counters are open than usual at this hour; we are serving you as fast as we can',
  }
}

export function arrivalsAboveNormalMessage(service: ServiceConfig): LocalizedText {
  return {
    'zh-CN': `目前办理${service.name['zh-CN']}的客户多于平时,请您耐心等候`,
    en: `More customers than usual are here for ${service.name.en}; thank you for your patience`,
  }
}
