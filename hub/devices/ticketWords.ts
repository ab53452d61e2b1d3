import type { ShownWait } from '../../shared/api/views'
import type { Language } from '../../shared/domain/text'

/**
 * The words printed on a ticket, in the customer's language. The printer prints what the hub
 * writes (hardware/ never chooses words); these match the kiosk's own wording.
 */
const WORDS = {
  'zh-CN': {
    ahead: (n: number) => `前面还有 ${n} 人`,
    soon: '预计等候:即将叫号',
    range: (lo: number, hi: number) => `预计等候:约 ${lo}–${hi} 分钟`,
    none: '预计等候:暂无法估计',
    issued: (t: string) => `取号时间 ${t}`,
    documents: '请提前准备:',
    calling: (calls: number, grace: number) =>
      `叫号时大厅屏幕和语音都会通知您。叫号 ${calls} 次未到,可在 ${grace} 分钟内到取号机重新排队。`,
    qr: '扫码查看实时排队进度',
    footer: '感谢您的耐心等候',
    priority: {
      declared: (name: string) => `优先服务:${name}(客户自行申报)`,
      confirmed: (name: string) => `优先服务:${name}(已确认)`,
      claimed: (name: string) => `已申请优先服务:${name},确认后生效`,
    },
  },
  en: {
    ahead: (n: number) => (n === 1 ? '1 person ahead of you' : `${n} people ahead of you`),
    soon: 'Expected wait: soon',
    range: (lo: number, hi: number) => `Expected wait: about ${lo}-${hi} min`,
    none: 'Expected wait: no estimate yet',
    issued: (t: string) => `Issued ${t}`,
    documents: 'Please have ready:',
    calling: (calls: number, grace: number) =>
      `We call you on the lobby screen and by voice. If you miss ${calls} calls, re-join at the kiosk within ${grace} min.`,
    qr: 'Scan to follow the queue live',
    footer: 'Thank you for your patience',
    priority: {
      declared: (name: string) => `Priority: ${name} (self-declared)`,
      confirmed: (name: string) => `Priority: ${name} (confirmed)`,
      claimed: (name: string) => `Priority asked: ${name}, applies once confirmed`,
    },
  },
} as const

export function ticketWords(language: Language) {
  return WORDS[language]
}

export function estimateWords(language: Language, shown: ShownWait | null): string {
  const w = WORDS[language]
  if (shown === null) return w.none
  return shown.kind === 'soon' ? w.soon : w.range(shown.lowMin, shown.highMin)
}
