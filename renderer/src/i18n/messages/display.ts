/**
 * Words of the lobby display (综合屏). The TV shows every text in both languages (the screen's
 * language large, the other one below it), so both sets are used at once. The call it shows
 * and speaks (`call.announce`) is in the shared catalogue (`shared/i18n/customerWords.ts`).
 */
export const display = {
  'zh-CN': {
    display: {
      title: '大厅综合屏',
      now: {
        title: '正在叫号',
        again: '再次叫号',
        booked: '预约客户',
        number: '号码',
        counter: '窗口',
        none: '尚未开始叫号',
        between: '请留意下一位叫号',
        noneLead: '取号后请留意屏幕和语音叫号',
        closed: '今日营业已结束',
      },
      /** Between calls while people wait and no counter can call any of them (`nextCall`). */
      held: {
        paused: '窗口暂停叫号,恢复后继续',
        at: '{time} 开始叫号',
      },
      recent: {
        title: '最近叫号',
        none: '暂无更早的叫号',
      },
      services: {
        title: '各业务等候情况',
        service: '业务',
        waiting: '等候人数',
        newTicket: '预计等候',
        /** A three-digit range under the "expected wait" heading: the heading says "about". */
        longRange: '{low}–{high} 分钟',
        closing: {
          mayNot: '{services}:计划 {time} 停办,现在取号可能轮不到您',
          unlikely: '{services}:计划 {time} 停办,现在取号很可能轮不到您',
        },
      },
      delays: {
        title: '等候说明',
      },
      counters: {
        title: '窗口状态',
        closed: '未开放',
        idle: '空闲',
        paused: '暂停服务',
        calling: '叫号 {number}',
        serving: '办理 {number}',
      },
      slides: {
        notice: '温馨提示',
        rules: '叫号规则',
        documents: '{service}:请提前准备',
        list: '、',
      },
      sound: {
        enable: '开启叫号声音',
      },
    },
  },
  en: {
    display: {
      title: 'Lobby display',
      now: {
        title: 'Now calling',
        again: 'Calling again',
        booked: 'Booked',
        number: 'Number',
        counter: 'Counter',
        none: 'No one called yet',
        between: 'Next call coming up',
        noneLead: 'Please watch this screen and listen for your number',
        closed: 'Closed for today',
      },
      held: {
        paused: 'Calls are on hold until a counter reopens',
        at: 'Calls start at {time}',
      },
      recent: {
        title: 'Recent calls',
        none: 'No earlier calls',
      },
      services: {
        title: 'Waiting now',
        service: 'Service',
        waiting: 'Waiting',
        newTicket: 'Wait if you join',
        longRange: '{low}–{high} min',
        closing: {
          mayNot: '{services}: planned close {time}, a ticket now may not be served',
          unlikely: '{services}: planned close {time}, a ticket now is unlikely to be served',
        },
      },
      delays: {
        title: 'About the wait',
      },
      counters: {
        title: 'Counters',
        closed: 'Closed',
        idle: 'Open',
        paused: 'Paused',
        calling: 'Calling {number}',
        serving: 'Serving {number}',
      },
      slides: {
        notice: 'Good to know',
        rules: 'How we call',
        documents: '{service}: please have ready',
        list: '; ',
      },
      sound: {
        enable: 'Turn on call sound',
      },
    },
  },
}
