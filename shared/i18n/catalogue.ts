import type { Language } from '../domain/text'

/**
 * The words a customer reads wherever they are put, in vue-i18n's message syntax: the printed
 * ticket (`ticket`) and the lobby's delay explanations (`delay`). The renderer merges this
 * table into its vue-i18n messages (`renderer/src/i18n`), the hub fills the same messages with
 * `formatMessage` for the printer and the delay notices; neither side keeps its own copy.
 * English must have exactly the keys of Chinese (a type error otherwise, and a test).
 */
const zhCN = {
  ticket: {
    ahead: '前面还有 {n} 人',
    soon: '预计等候:即将叫号',
    range: '预计等候:约 {low}–{high} 分钟',
    none: '预计等候:暂无法估计',
    issued: '取号时间 {time}',
    documents: '请提前准备:',
    calling: '叫号时大厅屏幕和语音都会通知您。叫号 {calls} 次未到,可在 {grace} 分钟内到取号机重新排队。',
    qr: '扫码查看实时排队进度',
    footer: '感谢您的耐心等候',
    priority: {
      declared: '优先服务:{name}(客户自行申报)',
      confirmed: '优先服务:{name}(已确认)',
      claimed: '已申请优先服务:{name},确认后生效',
    },
  },
  delay: {
    counterPaused: '{counter}号窗口暂停服务({why}),请您耐心等候',
    counterClosed: '{counter}号窗口暂未开放,其他窗口正在为您服务',
    longTransaction: '{counter}号窗口正在办理较复杂的业务,请您耐心等候',
    fewerCounters: '当前开放窗口少于平时,我们正在尽快为您办理',
    arrivalsAboveNormal: '目前办理{service}的客户多于平时,请您耐心等候',
    pause: {
      break: '工作人员短暂休息',
      cashCount: '现金清点',
      systemIssue: '系统故障处理中',
      meeting: '内部会议',
      complexBusiness: '处理复杂业务',
      other: '暂停服务',
    },
  },
}

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type Catalogue = Shape<typeof zhCN>

const en: Catalogue = {
  ticket: {
    ahead: '{n} person ahead of you | {n} people ahead of you',
    soon: 'Expected wait: soon',
    range: 'Expected wait: about {low}-{high} min',
    none: 'Expected wait: no estimate yet',
    issued: 'Issued {time}',
    documents: 'Please have ready:',
    calling:
      'We call you on the lobby screen and by voice. If you miss {calls} calls, re-join at the kiosk within {grace} min.',
    qr: 'Scan to follow the queue live',
    footer: 'Thank you for your patience',
    priority: {
      declared: 'Priority: {name} (self-declared)',
      confirmed: 'Priority: {name} (confirmed)',
      claimed: 'Priority asked: {name}, applies once confirmed',
    },
  },
  delay: {
    counterPaused: 'Counter {counter} is paused ({why}); thank you for your patience',
    counterClosed: 'Counter {counter} is closed at the moment; the other counters are serving you',
    longTransaction: 'A complex transaction is in progress at counter {counter}',
    fewerCounters: 'Fewer counters are open than usual at this hour; we are serving you as fast as we can',
    arrivalsAboveNormal: 'More customers than usual are here for {service}; thank you for your patience',
    pause: {
      break: 'staff break',
      cashCount: 'cash count',
      systemIssue: 'system issue being fixed',
      meeting: 'staff meeting',
      complexBusiness: 'handling a complex case',
      other: 'paused',
    },
  },
}

export const CATALOGUE: Readonly<Record<Language, Catalogue>> = { 'zh-CN': zhCN, en }
