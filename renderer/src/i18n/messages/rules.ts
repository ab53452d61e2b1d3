/**
 * The calling rules in words (rule 6: fairness is declared), one table for the kiosk and the
 * lobby display. Each sentence states the engine's own numbers (`shared/policy/describePolicy`):
 * a class's priority is rate × (wait + head start), which a customer reads as "counted as having
 * already waited rate × head start, then each minute counts as rate minutes".
 */
export const rules = {
  'zh-CN': {
    rules: {
      fcfs: '同一业务按取号先后顺序叫号。',
      booked:
        '已预约并按时签到的客户,到预约时间后优先叫号:在预约时间(签到晚于预约时间的,自签到起){grace}内叫到,先于其他所有客户;多位预约客户按各自时间到达的先后叫号。',
      classCredit: '{name}:取号时即视为已等候 {credit},此后每等候 1 分钟按 {rate} 分钟计算,因此可能先于您办理。',
      classRate: '{name}:每等候 1 分钟按 {rate} 分钟计算,因此可能先于您办理。',
      // The same, beside the class's own button on the kiosk (its name is on the button).
      ownCredit: '取号时即视为已等候 {credit},此后每等候 1 分钟按 {rate} 分钟计算,因此可能先于您办理。',
      ownRate: '每等候 1 分钟按 {rate} 分钟计算,因此可能先于您办理。',
      // The same, told to the customer who chose the class.
      yoursCredit: '您取号时即视为已等候 {credit},此后每等候 1 分钟按 {rate} 分钟计算,因此可能先于比您早到的客户办理。',
      yoursRate: '您每等候 1 分钟按 {rate} 分钟计算,因此可能先于比您早到的客户办理。',
      cap: '您等候满 {span}后,不会再有比您晚到的客户先于您办理。',
      capBooked: '您等候满 {span}后,不会再有比您晚到的客户先于您办理(到预约时间 {grace}内的预约客户除外)。',
      transfer: '转到其他窗口办理的客户,保留最初取号时的排队位置。',
      span: { sec: '{n} 秒', min: '{n} 分钟', minSec: '{m} 分 {s} 秒' },
    },
  },
  en: {
    rules: {
      fcfs: 'Within each service, customers are called in the order they arrived.',
      booked:
        'Customers who booked ahead and checked in on time go first once their booked time comes: they are called within {grace} of it (or of checking in, if later), before anyone else, in the order their time came.',
      classCredit:
        '{name}: counted as having already waited {credit} when they take their ticket, and each minute they wait counts as {rate} minutes, so they may go before you.',
      classRate: '{name}: each minute they wait counts as {rate} minutes, so they may go before you.',
      // The same, beside the class's own button on the kiosk (its name is on the button).
      ownCredit:
        'Counted as having waited {credit} on taking a ticket; then each minute counts as {rate}, so they may go before you.',
      ownRate: 'Each minute they wait counts as {rate} minutes, so they may go before you.',
      yoursCredit:
        'Your ticket counts as having waited {credit} when you take it; then each minute you wait counts as {rate} minutes, so you may be called before customers who came earlier.',
      yoursRate:
        'Each minute you wait counts as {rate} minutes, so you may be called before customers who came earlier.',
      cap: 'Once you have waited {span}, nobody who came after you is called before you.',
      capBooked:
        'Once you have waited {span}, nobody who came after you is called before you, except booked customers within {grace} of their booked time.',
      transfer: 'A customer sent to another counter keeps the place they had when they first arrived.',
      span: { sec: '{n} s', min: '{n} min', minSec: '{m} min {s} s' },
    },
  },
}
