import type { LocalizedText } from '../domain/text'

/** The per-ticket CSV's columns and their headers in both languages. */
export const TICKET_COLUMNS = {
  number: { 'zh-CN': '号码', en: 'Ticket' },
  service: { 'zh-CN': '业务', en: 'Service' },
  finalService: { 'zh-CN': '实际办理业务', en: 'Service done' },
  priorityClass: { 'zh-CN': '优先类别', en: 'Priority class' },
  issuedAt: { 'zh-CN': '取号时间', en: 'Issued' },
  calledAt: { 'zh-CN': '叫号时间', en: 'Called' },
  startedAt: { 'zh-CN': '开始办理', en: 'Started' },
  endedAt: { 'zh-CN': '离开时间', en: 'Ended' },
  outcome: { 'zh-CN': '结果', en: 'Outcome' },
  waitSec: { 'zh-CN': '等候时间(秒)', en: 'Wait (s)' },
  targetWaitSec: { 'zh-CN': '目标等候(秒)', en: 'Target wait (s)' },
  withinTarget: { 'zh-CN': '目标内叫号', en: 'Within target' },
  responseSec: { 'zh-CN': '回应时间(秒)', en: 'Response (s)' },
  serviceSec: { 'zh-CN': '服务时间(秒)', en: 'Service (s)' },
  withinStandard: { 'zh-CN': '办理达标', en: 'Within standard' },
  appointmentSec: { 'zh-CN': '预约延误(秒)', en: 'Appointment delay (s)' },
  guaranteeKept: { 'zh-CN': '保证时间达成', en: 'Guarantee kept' },
  estimateSec: { 'zh-CN': '预计等候(秒)', en: 'Estimated wait (s)' },
  estimateRange: { 'zh-CN': '预计范围(秒)', en: 'Estimate range (s)' },
  estimateErrorSec: { 'zh-CN': '预计偏差(秒)', en: 'Estimate error (s)' },
  counters: { 'zh-CN': '窗口', en: 'Counters' },
  staff: { 'zh-CN': '柜员', en: 'Tellers' },
  transfers: { 'zh-CN': '转移次数', en: 'Transfers' },
  recalls: { 'zh-CN': '重复呼叫', en: 'Recalls' },
  overtaken: { 'zh-CN': '被超越次数', en: 'Times overtaken' },
  rating: { 'zh-CN': '评分', en: 'Rating' },
} as const satisfies Record<string, LocalizedText>

export type TicketColumn = keyof typeof TICKET_COLUMNS
