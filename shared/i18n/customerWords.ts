import type { Shape } from './shape'

/**
 * What a customer reads or hears wherever it is put: the printed ticket and the kiosk's ticket
 * screen (`ticket`, `wait`, `people`: one wording on paper and on screen), the lobby's voice
 * (`call`) and its delay explanations (`delay`). Banking-branch tone: 您 in Chinese, short
 * plain sentences in English.
 */
export const customerZh = {
  /** Between the items of a list of names: services, counters, staff (screens and the lobby alike). */
  listSeparator: '、',
  ticket: {
    /** The label of the ticket's number, on the kiosk's ticket, the status page and the check-in. */
    yourNumber: '您的号码',
    /** The label of the people ahead; the kiosk shows it above the count, the paper before it. */
    ahead: '您前面还有',
    /** The label of the shown wait, on the kiosk, the paper and the status page. */
    estimate: '预计等候',
    /** One printed line of a fact the kiosk shows as label and value. */
    line: { ahead: '{label} {value}', estimate: '{label}:{value}', priority: '{label}:{value}' },
    issued: '取号时间 {time}',
    documents: '请提前准备',
    calling: '叫号时大厅屏幕和语音都会通知您。',
    /**
     * The missed-call rule, before it applies (`missedRuleRef`): on the paper and the kiosk's
     * ticket after `calling`, on the status page, and among the calling rules of the kiosk and
     * the lobby. The one wording of it.
     */
    missedRule: {
      /** How many calls before the ticket counts as missed (the calls, not the recalls: at least 1). */
      calls: '叫号 {calls} 次未到视为过号。',
      /** The minutes to re-join after that; its own sentence, so it takes its own plural form. */
      rejoin: '过号后 {grace} 分钟内可到取号机重新排队。',
      /** Where a re-joined customer goes: chosen by the people let ahead (none, one, more). */
      place:
        '重新排队后排在队首。 | 重新排队后排在当时等候的 {behind} 位客户之后。 | 重新排队后排在当时等候的 {behind} 位客户之后。',
    },
    /**
     * A wait that may run past the counters' planned end (`closingWords`): on the kiosk's service
     * button before the tap, the ticket on screen and paper, the status page. About the counters'
     * plan, not the doors: staff serve who is inside after the doors close.
     */
    closing: {
      mayNot: '窗口计划 {time} 停止办理,届时可能仍未轮到您',
      unlikely: '窗口计划 {time} 停止办理,届时很可能仍未轮到您',
      /** The same on the kiosk's service button, where a menu of long queues must still fit one screen. */
      button: { mayNot: '窗口计划 {time} 停办,可能轮不到您', unlikely: '窗口计划 {time} 停办,很可能轮不到您' },
    },
    qr: '扫码查看实时排队进度',
    footer: '感谢您的耐心等候',
    /** The ticket's priority class: a label and a value by how it stands (`priorityFact`). */
    priority: {
      label: '优先服务',
      declared: '{name}(客户自行申报,柜员会核对)',
      confirmed: '{name}(已确认)',
      pending: '{name}(已申请,确认后生效;确认前按普通顺序排队)',
    },
  },
  /**
   * A shown wait, read after its label ("预计等候:约 5–10 分钟", "Expected wait: about 5–10 min")
   * or in a sentence, so English starts in lower case.
   */
  wait: {
    soon: '即将叫号',
    range: '约 {low}–{high} 分钟',
    upTo: '约 {high} 分钟内',
    none: '暂无法估计',
  },
  /**
   * Why nobody can call a waiting ticket now (`callHold`), where "即将叫号" would otherwise be
   * shown: the status page's reason line (`holdWords`), and the wait's words while held
   * (`waitWords`: never "soon" then).
   */
  hold: {
    paused: {
      break: '{counter} 号窗口暂停服务(工作人员短暂休息),恢复后继续叫号',
      cashCount: '{counter} 号窗口暂停服务(清点现金),恢复后继续叫号',
      systemIssue: '{counter} 号窗口暂停服务(系统故障处理中),恢复后继续叫号',
      meeting: '{counter} 号窗口暂停服务(内部会议),恢复后继续叫号',
      complexBusiness: '{counter} 号窗口暂停服务(处理复杂业务),恢复后继续叫号',
      other: '{counter} 号窗口暂停服务,恢复后继续叫号',
    },
    opensAt: '办理此业务的窗口 {time} 开始服务',
    closed: '目前没有办理此业务的窗口开放',
    /** The wait's words while held and the estimate has no range to give. */
    wait: { paused: '窗口恢复后叫号', opensAt: '{time} 后叫号' },
    /**
     * The kiosk's service button, in place of a wait when no counter is open or planned (a pause
     * or a later opening has a wait to give: `wait`).
     */
    button: { closed: '暂无窗口开放' },
  },
  people: '{n} 人',
  call: {
    /** What the lobby shows under "now calling" and says aloud, word for word. */
    announce: '请 {number} 号到 {counter} 号窗口',
    /**
     * The second line of a counter's two-line customer (pole) display under the called number:
     * at most 20 columns (10 Chinese glyphs), the width of the common pole displays.
     */
    caption: '请到 {counter} 号窗口',
  },
  delay: {
    counterPaused: '{counter} 号窗口暂停服务({why}),请您耐心等候',
    counterClosed: '{counter} 号窗口暂未开放,其他窗口正在为您服务',
    /**
     * A closed counter that leaves people with no open counter for their service (`strandedTickets`):
     * "other counters are serving you" would not be true. `resumes`: when the roster opens one.
     */
    noCounter: {
      resumes: '目前没有办理{service}的窗口开放,{time} 起恢复办理',
      none: '目前没有办理{service}的窗口开放',
    },
    longTransaction: '{counter} 号窗口正在办理较复杂的业务,请您耐心等候',
    fewerCounters: '当前开放窗口少于平时,我们正在尽快为您办理',
    arrivalsAboveNormal: '目前办理{service}的客户多于平时,请您耐心等候',
    pause: {
      break: '工作人员短暂休息',
      cashCount: '清点现金',
      systemIssue: '系统故障处理中',
      meeting: '内部会议',
      complexBusiness: '处理复杂业务',
      other: '处理其他事务',
    },
  },
}

export const customerEn: Shape<typeof customerZh> = {
  listSeparator: ', ',
  ticket: {
    yourNumber: 'Your number',
    ahead: 'Ahead of you',
    estimate: 'Expected wait',
    line: { ahead: '{label}: {value}', estimate: '{label}: {value}', priority: '{label}: {value}' },
    issued: 'Issued {time}',
    documents: 'Please have ready',
    calling: 'We will call you on the lobby screen and by voice.',
    missedRule: {
      calls:
        'If you do not come after {calls} call, your ticket counts as missed. | If you do not come after {calls} calls, your ticket counts as missed.',
      rejoin:
        'You can then re-join at the kiosk within {grace} minute. | You can then re-join at the kiosk within {grace} minutes.',
      place:
        'Re-joining puts you at the front of the queue. | Re-joining puts you behind the next person waiting. | Re-joining puts you behind the next {behind} people waiting.',
    },
    closing: {
      mayNot: 'Counters planned to close at {time}: you may not be served by then',
      unlikely: 'Counters planned to close at {time}: you are unlikely to be served by then',
      button: {
        mayNot: 'Planned close {time}: may not be served',
        unlikely: 'Planned close {time}: unlikely to be served',
      },
    },
    qr: 'Scan to follow the queue live',
    footer: 'Thank you for your patience',
    priority: {
      label: 'Priority service',
      declared: '{name} (self-declared; the teller will check)',
      confirmed: '{name} (confirmed)',
      pending: '{name} (requested: it applies once confirmed, and until then you wait in the ordinary order)',
    },
  },
  wait: {
    soon: 'soon',
    range: 'about {low}–{high} min',
    upTo: 'within about {high} min',
    none: 'no estimate yet',
  },
  hold: {
    paused: {
      break: 'Counter {counter} is paused (a short staff break); calls resume when it reopens',
      cashCount: 'Counter {counter} is paused (cash count); calls resume when it reopens',
      systemIssue: 'Counter {counter} is paused (a system issue is being fixed); calls resume when it reopens',
      meeting: 'Counter {counter} is paused (staff meeting); calls resume when it reopens',
      complexBusiness: 'Counter {counter} is paused (a complex case); calls resume when it reopens',
      other: 'Counter {counter} is paused; calls resume when it reopens',
    },
    opensAt: 'Counters for this service open at {time}',
    closed: 'No counter for this service is open right now',
    wait: { paused: 'once the counter reopens', opensAt: 'after {time}' },
    button: { closed: 'No counter open' },
  },
  people: 'no one | 1 person | {n} people',
  call: {
    announce: 'Ticket {number}, please go to counter {counter}',
    caption: 'Counter {counter}',
  },
  delay: {
    counterPaused: 'Counter {counter} is paused ({why}); thank you for your patience',
    counterClosed: 'Counter {counter} is not open at the moment; our other counters are serving you',
    noCounter: {
      resumes: 'No counter for {service} is open now; service resumes at {time}',
      none: 'No counter is open for {service} now',
    },
    longTransaction: 'Counter {counter} is handling a complex transaction; thank you for your patience',
    fewerCounters: 'Fewer counters are open than usual; we are serving you as quickly as we can',
    arrivalsAboveNormal: 'More customers than usual are here for {service}; thank you for your patience',
    pause: {
      break: 'a short staff break',
      cashCount: 'cash count',
      systemIssue: 'a system issue is being fixed',
      meeting: 'staff meeting',
      complexBusiness: 'a complex case',
      other: 'other duties',
    },
  },
}
