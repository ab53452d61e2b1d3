/**
 * Words of the lobby display (综合屏). The TV shows every text in both languages (the screen's
 * language large, the other one below it), so both sets are used at once; `announce` is also
 * the sentence the display speaks, word for word what it shows.
 */
export const display = {
  'zh-CN': {
    display: {
      title: '大厅综合屏',
      announce: '请 {number} 号到 {counter} 号窗口',
      now: {
        title: '正在叫号',
        again: '再次叫号',
        booked: '预约客户',
        number: '号码',
        counter: '窗口',
        none: '尚未开始叫号',
        noneLead: '取号后请留意屏幕和语音叫号',
        closed: '今日营业已结束',
      },
      recent: {
        title: '最近叫号',
        none: '暂无更早的叫号',
      },
      services: {
        title: '各业务等候情况',
        service: '业务',
        waiting: '等候人数',
        newTicket: '现在取号预计等候',
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
      rules: {
        fcfs: '同一业务按取号先后顺序叫号。',
        classRate: '{name}按 {rate} 倍速度累积等候时间,可能先于您办理。',
        classRateHeadStart: '{name}取号时计入 {min} 分钟,并按 {rate} 倍速度累积等候时间,可能先于您办理。',
        cap: '任何客户等候满 {min} 分钟后,不会再被后来的客户超过。',
        missed: '叫号 {calls} 次未到视为过号;{grace} 分钟内可到取号机重新排队,排在当时等候的 {behind} 位客户之后。',
        transfer: '转到其他窗口办理的客户,保留最初取号时的排队位置。',
      },
      sound: {
        enable: '开启叫号声音',
      },
    },
  },
  en: {
    display: {
      title: 'Lobby display',
      announce: 'Ticket {number}, please go to counter {counter}',
      now: {
        title: 'Now calling',
        again: 'Calling again',
        booked: 'Booked',
        number: 'Number',
        counter: 'Counter',
        none: 'No one called yet',
        noneLead: 'Please watch this screen and listen for your number',
        closed: 'Closed for today',
      },
      recent: {
        title: 'Recent calls',
        none: 'No earlier calls',
      },
      services: {
        title: 'Waiting now',
        service: 'Service',
        waiting: 'Waiting',
        newTicket: 'Wait if you take a ticket now',
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
      rules: {
        fcfs: 'Within each service, customers are called in the order they arrived.',
        classRate: '{name} gain their turn {rate}× as fast, and may go before you.',
        classRateHeadStart:
          '{name} start with {min} min credited and gain their turn {rate}× as fast, so may go before you.',
        cap: 'After {min} minutes, nobody who came after you is called before you.',
        missed:
          'If you miss {calls} calls, you can re-join at the kiosk within {grace} minutes, at the front of the queue. | If you miss {calls} calls, you can re-join at the kiosk within {grace} minutes, behind the next person waiting. | If you miss {calls} calls, you can re-join at the kiosk within {grace} minutes, behind the next {behind} people waiting.',
        transfer: 'A customer sent to another counter keeps the place they had when they first arrived.',
      },
      sound: {
        enable: 'Turn on call sound',
      },
    },
  },
}
