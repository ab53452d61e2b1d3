/** Words of the phone status page. */
export const status = {
  'zh-CN': {
    status: {
      title: '排队进度',
      number: '您的号码',
      ahead: '您前面还有',
      wait: '预计等候',
      waiting: '等候中',
      called: '请到 {counter} 号窗口办理',
      serving: '正在 {counter} 号窗口办理',
      parked: '已暂离,请准备好后回到窗口',
      noShow: '已过号:{grace} 分钟内可在取号机重新排队',
      done: '业务已办结,感谢您的耐心等候',
      updated: '每 10 秒自动更新',
      notFound: '没有找到这张号票(只在当天有效)。',
    },
  },
  en: {
    status: {
      title: 'Your place in the queue',
      number: 'Your number',
      ahead: 'Ahead of you',
      wait: 'Expected wait',
      waiting: 'Waiting',
      called: 'Please go to counter {counter}',
      serving: 'Being served at counter {counter}',
      parked: 'Stepped aside: come back to the counter when ready',
      noShow: 'Missed: re-join at the kiosk within {grace} minutes',
      done: 'Done. Thank you for your patience',
      updated: 'Updates every 10 seconds',
      notFound: 'This ticket was not found (tickets are valid for the day only).',
    },
  },
}
