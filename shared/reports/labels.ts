import type { LocalizedText } from '../domain/text'
import type { FeedbackKind } from '../feedback/feedback'
import type { FeedbackStatus } from '../feedback/feedbackStatus'
import type { PauseReasonCode } from '../queue/counterState'
import type { TicketOutcome } from '../queue/ticket'
import type { FiveTime } from './fiveTimes'
import type { KpiKey } from './kpis'
import type { OvertakeReason } from './overtakes'

/**
 * The report's words in both languages, kept in one table so the CSV headers, the screen and the
 * printed page say the same thing. The renderer may copy these into its vue-i18n messages.
 */

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en })

export const KPI_LABELS: Readonly<Record<KpiKey, LocalizedText>> = {
  issued: t('取号数', 'Tickets issued'),
  served: t('已办理', 'Served'),
  noShows: t('过号未到', 'No-shows'),
  cancelled: t('取消', 'Cancelled'),
  removedAtClose: t('营业结束未办理', 'Unserved at close'),
  transferred: t('转移', 'Transferred'),
  waitMeanSec: t('平均等候(秒)', 'Mean wait (s)'),
  waitMedianSec: t('等候中位数(秒)', 'Median wait (s)'),
  waitP90Sec: t('90%等候(秒)', '90th percentile wait (s)'),
  waitMaxSec: t('最长等候(秒)', 'Longest wait (s)'),
  waitWithinTargetShare: t('目标时间内叫号(%)', 'Called within target (%)'),
  guaranteeKeptShare: t('保证时间达成(%)', 'Guaranteed time kept (%)'),
  responseWithinShare: t('回应时间达标(%)', 'Response within standard (%)'),
  appointmentWithinShare: t('预约准时(%)', 'Appointments on time (%)'),
  transactionMeanSec: t('平均办理时间(秒)', 'Mean transaction (s)'),
  transactionWithinStandardShare: t('办理时间达标(%)', 'Transactions within standard (%)'),
  estimateMeanErrorSec: t('预计等候平均偏差(秒)', 'Estimate mean error (s)'),
  estimateRmseSec: t('预计等候均方根误差(秒)', 'Estimate RMSE (s)'),
  estimateInsideRangeShare: t('实际等候落在预计范围内(%)', 'Actual wait inside shown range (%)'),
  overtakes: t('被后到者超越次数', 'Overtakes'),
  fcfsExceptions: t('同业务先到先服务例外', 'FCFS exceptions within a service'),
  unexplainedOvertakes: t('无规则可解释的超越', 'Unexplained overtakes'),
  maxOrdinaryOvertakenWaitSec: t('普通客户被超越时最长已等(秒)', 'Longest ordinary wait when overtaken (s)'),
  raqfm: t('公平指数 RAQFM', 'Fairness index (RAQFM)'),
  ratings: t('评价数', 'Ratings'),
  ratingMean: t('平均评分', 'Mean rating'),
  counterHours: t('窗口开放时长(小时)', 'Counter-hours open'),
  pausedHours: t('窗口暂停时长(小时)', 'Counter-hours paused'),
}

export const FIVE_TIME_LABELS: Readonly<Record<FiveTime, LocalizedText>> = {
  waiting: t('等候时间', 'Waiting time'),
  response: t('回应时间', 'Response time'),
  service: t('服务时间', 'Service time'),
  appointment: t('预约时间', 'Appointment time'),
  guaranteed: t('保证时间', 'Guaranteed time'),
}

export const OVERTAKE_LABELS: Readonly<Record<OvertakeReason, LocalizedText>> = {
  priority: t('优先客户(已公示规则)', 'Declared priority'),
  outOfOrder: t('柜员指定叫号(附原因)', 'Called out of turn (with reason)'),
  transfer: t('转窗口保留原位', 'Transfer keeping its place'),
  resume: t('暂离后返回原窗口', 'Back from stepping aside'),
  rejoin: t('过号重新排队', 'Re-joined after a missed call'),
  counterPreference: t('窗口优先办理的业务', "Counter's preferred service"),
  other: t('其他(无规则解释)', 'Other (no rule explains it)'),
}

export const OUTCOME_LABELS: Readonly<Record<TicketOutcome, LocalizedText>> = {
  served: t('已办理', 'Served'),
  noShow: t('过号未到', 'No-show'),
  cancelled: t('取消', 'Cancelled'),
  removedAtClose: t('营业结束未办理', 'Unserved at close'),
}

export const PAUSE_LABELS: Readonly<Record<PauseReasonCode, LocalizedText>> = {
  break: t('休息', 'Break'),
  cashCount: t('现金清点', 'Cash count'),
  systemIssue: t('系统故障', 'System issue'),
  meeting: t('会议', 'Meeting'),
  complexBusiness: t('复杂业务', 'Complex business'),
  other: t('其他', 'Other'),
}

export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, LocalizedText>> = {
  complaint: t('投诉', 'Complaint'),
  suggestion: t('建议', 'Suggestion'),
  praise: t('表扬', 'Praise'),
}

export const FEEDBACK_STATUS_LABELS: Readonly<Record<FeedbackStatus, LocalizedText>> = {
  open: t('待回复', 'Awaiting reply'),
  overdue: t('已超期', 'Overdue'),
  resolvedOnTime: t('按时回复', 'Answered on time'),
  resolvedLate: t('超期回复', 'Answered late'),
}

/** RAQFM for a manager, in one sentence. */
export const RAQFM_EXPLANATION = t(
  '公平指数:每一刻窗口的服务应由在场所有客户平分,每位客户实际得到的与应得份额之差的平方平均,以一笔业务的平均时长为单位;0 表示完全公平,繁忙网点严格先到先服务约为 0.6。',
  'Fairness index: at every moment the counters’ service is owed equally to everyone in the branch; this is the average squared difference between what each customer got and their share, in units of a typical transaction — 0 is perfectly fair, strict first-come-first-served in a busy branch gives about 0.6.',
)

export const YES_NO: Readonly<Record<'yes' | 'no', LocalizedText>> = { yes: t('是', 'yes'), no: t('否', 'no') }
