import type { Language } from '../../shared/domain/text'
import type { TicketLayout } from './ticketLayout'

/**
 * The ticket the manager's "print a test ticket" button prints: every block of a real ticket
 * (Chinese, Latin, a QR code, the cut) so one glance shows the printer is fully working.
 *
 * @example
 * testTicketLayout('en', 'kiosk-printer', '2026-11-24 09:00').number //=> 'TEST'
 */
export function testTicketLayout(language: Language, deviceId: string, printedAt: string): TicketLayout {
  if (language === 'zh-CN') {
    return {
      language,
      branchName: '打印机测试 · Printer test',
      number: 'TEST',
      serviceName: `设备 ${deviceId}`,
      peopleAhead: '中文字符:排队叫号 取号机',
      estimate: '预计等候 8–15 分钟',
      issuedAt: `打印时间 ${printedAt}`,
      lines: [],
      documentsTitle: '请准备:',
      documents: ['本人身份证', '银行卡或存折'],
      callingNote: '如果听到叫号时您不在,可在 30 分钟内重新排队。',
      qr: { url: 'https://example.invalid/test', caption: '扫码测试二维码' },
      footer: '测试完毕',
    }
  }
  return {
    language,
    branchName: 'Printer test · 打印机测试',
    number: 'TEST',
    serviceName: `Device ${deviceId}`,
    peopleAhead: 'Latin text: café £5 (code page 437)',
    estimate: 'Estimated wait 8–15 min',
    issuedAt: `Printed ${printedAt}`,
    lines: [],
    documentsTitle: 'Please have ready:',
    documents: ['Your ID card', 'Bank card or passbook'],
    callingNote: 'If you miss your call you can re-join within 30 minutes.',
    qr: { url: 'https://example.invalid/test', caption: 'Scan to test the QR code' },
    footer: 'Test complete',
  }
}
