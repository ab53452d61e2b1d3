/** Words of the phone status page. */
export const status = {
  'zh-CN': {
    status: {
      title: '排队进度',
      waiting: '等候中',
      called: '请到 {counter} 号窗口办理',
      serving: '正在 {counter} 号窗口办理',
      parked: '已暂离,请准备好后回到窗口',
      noShow: '已过号:{grace} 分钟内可在取号机重新排队',
      done: '业务已办结,感谢您的耐心等候',
      cancelled: '此号已取消。如仍需办理,请重新取号。',
      live: '实时更新',
      reconnecting: '连接中断,正在重新连接…',
      callCount: '第 {n} 次叫号(共 {calls} 次)。',
      enableAlerts: '开启叫号提醒(声音和振动)',
      alertsOn: '叫号时将响铃并振动(手机支持时)',
      notFound: '没有找到这张号票。请用号票上的二维码或链接完整打开(号票只在当天有效)。',
    },
    /** A ticket left unserved when the day was closed (`closedUnserved`): said plainly, with what to do. */
    statusClosed: {
      headline: '今日营业已结束,您的业务未能办理',
      why: '网点在叫到您之前结束了今天的营业,很抱歉让您久等。',
      unknown: '下次营业时间请咨询网点工作人员。',
      advice: '请在下次营业时重新取号,或预约到店时间。',
      book: '预约到店时间',
    },
  },
  en: {
    status: {
      title: 'Your place in the queue',
      waiting: 'Waiting',
      called: 'Please go to counter {counter}',
      serving: 'Being served at counter {counter}',
      parked: 'Stepped aside: come back to the counter when ready',
      noShow:
        'Missed: re-join at the kiosk within {grace} minute | Missed: re-join at the kiosk within {grace} minutes',
      done: 'Done. Thank you for your patience',
      cancelled: 'This ticket was cancelled. If you still need the service, please take a new ticket.',
      live: 'Live',
      reconnecting: 'Connection lost, reconnecting…',
      callCount: 'Call {n} of {calls}.',
      enableAlerts: 'Turn on call alerts (sound and vibration)',
      alertsOn: 'Your phone will ring and vibrate when you are called (where it can)',
      notFound:
        'This ticket was not found. Open the whole link or QR code from your ticket (tickets are valid for the day only).',
    },
    statusClosed: {
      headline: 'Not served: the branch has closed for the day',
      why: 'The branch closed for the day before your number was called. We are sorry for your wait.',
      unknown: 'Please ask the branch staff when it opens next.',
      advice: 'Please take a new ticket when we open, or book a time to come in.',
      book: 'Book a time',
    },
  },
}
