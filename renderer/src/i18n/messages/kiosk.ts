/** Words of the kiosk (取号机). */
export const kiosk = {
  'zh-CN': {
    kiosk: {
      welcome: '欢迎光临,请选择您要办理的业务',
      waiting: '等候 {n} 人',
      selfServiceBadge: '可自助办理',
      priorityChosen: '{name}:请选择业务',
      priorityChosenCard: '{name}:请选择业务,取号后在读卡器上刷卡或身份证',
      priorityChosenNoReader: '{name}:请选择业务,本机没有读卡器,请到柜台出示卡或证件',
      back: '返回',
      rules: { title: '叫号规则' },
      selfService: {
        title: '此业务可在自助设备上办理',
        lead: '{service}中的查询、转账、存取现金可在大厅自助设备上办理,无需排队。',
        useMachine: '去自助设备办理',
        takeTicket: '仍然取号',
      },
      /** The printer is unplugged or out of paper, before any tap: there is no number yet to remember. */
      printerUnavailable: '号票打印机暂不可用:取号后,您的号码将只显示在屏幕上。',
      issuing: '正在出号…',
      ticket: {
        printed: '请取走打印的号票',
        printFailed: '号票打印失败:请记住您的号码或扫码,工作人员已收到通知。',
        noPrinter: '请记住您的号码或扫码查看进度。',
        /** Without a QR code (a hub on this computer only): nothing to scan. */
        printFailedNoQr: '号票打印失败:请记住您的号码,工作人员已收到通知。',
        noPrinterNoQr: '请记住您的号码。',
        done: '完成',
        countdown: '{n} 秒后返回首页',
        /** How to get a claim confirmed, under the priority line (`ticket.priority.*`). */
        priority: {
          awaitingStaff: '请向工作人员出示证明。',
          awaitingReader: '请现在在读卡器上刷卡或身份证。',
          awaitingNoReader: '本机没有读卡器:请到柜台向柜员出示卡或证件。',
        },
      },
      rejoin: {
        open: '过号重新排队',
        title: '过号重新排队',
        lead: '请输入您的号码(例如 A023)。',
        number: '号码',
        submit: '重新排队',
        done: '已重新排队,请留意叫号。',
        doneAt: '{number} 已重新排队。{ahead},{wait}。请留意叫号。',
        notFound: '没有找到可重新排队的号码 {number}。',
        /** A second re-join of a ticket already back in the queue: where it stands, not "not found". */
        alreadyWaiting: '{number} 已在排队中,无需再次排队。{ahead},{wait}。请留意叫号。',
        /** A number typed again once it has been called (after re-joining): where to go, not an error. */
        called: '{number} 已被叫号,请按大厅屏幕提示前往窗口。',
      },
      unavailable: '暂停取号',
      /** Outside the branch's hours (`lobbyHours`): said instead of the menu, and when it opens. */
      hours: {
        ended: '今日营业已结束',
        before: '网点尚未开门',
        opensToday: '今天 {time} 开门营业,届时开始取号。',
        opensTomorrow: '明天 {time} 开门营业,届时开始取号。',
        opensOn: '{date} {time} 开门营业,届时开始取号。',
        unknown: '下次营业时间请咨询工作人员。',
        thanks: '感谢您的光临。',
      },
      now: { title: '当前叫号', none: '—' },
    },
    /** The kiosk's on-screen keypad (booking code, ticket number). */
    keypad: {
      label: '屏幕键盘',
      backspace: '删除最后一个字符',
      clear: '清空',
    },
  },
  en: {
    kiosk: {
      welcome: 'Welcome. Please choose your service',
      waiting: '{n} waiting',
      selfServiceBadge: 'Self-service available',
      priorityChosen: '{name}: choose your service',
      priorityChosenCard: '{name}: choose your service, then scan your card or ID at the reader',
      priorityChosenNoReader:
        '{name}: choose your service; this kiosk has no card reader, show your card at the counter',
      back: 'Back',
      rules: { title: 'How we call' },
      selfService: {
        title: 'This can be done at a self-service machine',
        lead: 'Enquiries, transfers and cash for {service} can be done at the self-service machines, with no wait.',
        useMachine: 'Use a self-service machine',
        takeTicket: 'Take a ticket anyway',
      },
      printerUnavailable:
        'The ticket printer is not available: when you take a ticket, your number is shown on screen only.',
      issuing: 'Issuing your ticket…',
      ticket: {
        printed: 'Please take your printed ticket',
        printFailed:
          'The ticket could not be printed. Please note your number or scan the code; our staff have been told.',
        noPrinter: 'Please note your number or scan the code to follow the queue.',
        printFailedNoQr: 'The ticket could not be printed. Please note your number; our staff have been told.',
        noPrinterNoQr: 'Please note your number.',
        done: 'Done',
        countdown:
          'Back to the start in {n} seconds | Back to the start in {n} second | Back to the start in {n} seconds',
        priority: {
          awaitingStaff: 'Please show proof to a member of staff.',
          awaitingReader: 'Please scan your card or ID at the reader now.',
          awaitingNoReader: 'This kiosk has no card reader: please show your card or ID to the teller.',
        },
      },
      rejoin: {
        open: 'Missed your call? Re-join',
        title: 'Re-join the queue',
        lead: 'Enter your number (for example A023).',
        number: 'Number',
        submit: 'Re-join',
        done: 'You are back in the queue. Please listen for your number.',
        doneAt: '{number} is back in the queue. {ahead}. {wait}. Please listen for your number.',
        notFound: 'No missed ticket {number} can re-join.',
        alreadyWaiting:
          '{number} is already in the queue; there is no need to re-join. {ahead}. {wait}. Please listen for your number.',
        called: 'Ticket {number} has been called. Please go to the counter shown on the lobby screen.',
      },
      unavailable: 'Tickets paused',
      hours: {
        ended: 'We are closed for today',
        before: 'The branch is not open yet',
        opensToday: 'We open today at {time}. Tickets from then.',
        opensTomorrow: 'We open tomorrow at {time}. Tickets from then.',
        opensOn: 'We open on {date} at {time}. Tickets from then.',
        unknown: 'Please ask our staff when we open next.',
        thanks: 'Thank you for visiting.',
      },
      now: { title: 'Now calling', none: '—' },
    },
    /** The kiosk's on-screen keypad (booking code, ticket number). */
    keypad: {
      label: 'Keypad',
      backspace: 'Delete the last character',
      clear: 'Clear',
    },
  },
}
