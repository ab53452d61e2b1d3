import type { TicketLayout } from '../../hardware/escpos/ticketLayout'

/** A Chinese ticket as the hub would fill it: three documents, a QR code to the status page. */
export const CHINESE_TICKET: TicketLayout = {
  language: 'zh-CN',
  branchName: '演示银行 中山路支行',
  number: 'A023',
  serviceName: '个人业务',
  peopleAhead: '您前面还有 5 人',
  estimate: '预计等候 8–15 分钟',
  issuedAt: '取号时间 2026-11-24 09:12',
  lines: [],
  documentsTitle: '请准备:',
  documents: ['本人身份证', '银行卡或存折', '风险评估问卷(可在等候区填写)'],
  callingNote: '叫号时请留意屏幕和语音。如果错过叫号,会再叫两次;30 分钟内可重新排队,排在当时等候的第 2 人之后。',
  qr: { url: 'https://lobby.example.cn/t/20261124-A023', caption: '扫码查看实时排队进度' },
  footer: '感谢您的耐心等候',
}

export const ENGLISH_TICKET: TicketLayout = {
  language: 'en',
  branchName: 'Demo Bank, Zhongshan Road Branch',
  number: 'B005',
  serviceName: 'Business accounts',
  peopleAhead: '2 people ahead of you',
  estimate: 'Estimated wait 4–9 min',
  issuedAt: 'Issued 2026-11-24 09:12',
  lines: ['Priority: premier customer'],
  documentsTitle: 'Please have ready:',
  documents: ['Business licence', "Agent's ID card and letter of authority"],
  callingNote:
    'Watch the screen and listen for your number. If you miss your call, you are called twice more; you can re-join within 30 minutes, behind the next 2 people waiting.',
  qr: { url: 'https://lobby.example.cn/t/20261124-B005', caption: 'Scan for live queue progress' },
  footer: 'Thank you for waiting',
}
