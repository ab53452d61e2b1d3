import { DEFAULT_POLICY, type BranchConfig } from '../domain/branch'
import { counterId, priorityClassId, serviceId } from '../domain/ids'

/**
 * The built-in demo branch: what `npm run demo` and `npm start` run when no configuration
 * exists, and what the tests use. Four services with their own standards, four declared
 * priority classes (established one each way: by card reader, self-declared, by booking, by
 * staff), six counters with preferences, the way a mid-sized branch is set up.
 */
export const DEMO_BRANCH: BranchConfig = {
  name: { 'zh-CN': '演示银行 中山路支行', en: 'Demo Bank, Zhongshan Road Branch' },
  services: [
    {
      id: serviceId('personal'),
      prefix: 'A',
      name: { 'zh-CN': '个人业务', en: 'Personal banking' },
      targetWaitSec: 10 * 60,
      standardSec: 60,
      documents: [
        { 'zh-CN': '本人身份证', en: 'Your ID card' },
        { 'zh-CN': '银行卡或存折', en: 'Bank card or passbook' },
      ],
      selfServiceCapable: true,
    },
    {
      id: serviceId('business'),
      prefix: 'B',
      name: { 'zh-CN': '对公业务', en: 'Business accounts' },
      targetWaitSec: 15 * 60,
      standardSec: 180,
      documents: [
        { 'zh-CN': '营业执照', en: 'Business licence' },
        { 'zh-CN': '经办人身份证及授权书', en: "Agent's ID card and letter of authority" },
      ],
      selfServiceCapable: false,
    },
    {
      id: serviceId('wealth'),
      prefix: 'C',
      name: { 'zh-CN': '理财与证券', en: 'Wealth and securities' },
      targetWaitSec: 20 * 60,
      standardSec: 300,
      documents: [
        { 'zh-CN': '本人身份证', en: 'Your ID card' },
        { 'zh-CN': '风险评估问卷(可在等候区填写)', en: 'Risk questionnaire (fill it in while you wait)' },
      ],
      selfServiceCapable: false,
    },
    {
      id: serviceId('cards'),
      prefix: 'D',
      name: { 'zh-CN': '开户与挂失', en: 'New accounts and lost cards' },
      targetWaitSec: 15 * 60,
      standardSec: 240,
      documents: [
        { 'zh-CN': '本人身份证', en: 'Your ID card' },
        { 'zh-CN': '本人手机', en: 'Your mobile phone' },
      ],
      selfServiceCapable: false,
    },
  ],
  counters: [
    { id: counterId('c1'), number: 1, services: [serviceId('personal')] },
    { id: counterId('c2'), number: 2, services: [serviceId('personal'), serviceId('cards')] },
    { id: counterId('c3'), number: 3, services: [serviceId('cards'), serviceId('personal')] },
    { id: counterId('c4'), number: 4, services: [serviceId('business'), serviceId('personal')] },
    { id: counterId('c5'), number: 5, services: [serviceId('wealth')] },
    { id: counterId('c6'), number: 6, services: [serviceId('wealth'), serviceId('business')] },
  ],
  priorityClasses: [
    {
      id: priorityClassId('vip'),
      name: { 'zh-CN': '贵宾客户', en: 'Premier customers' },
      rate: 2,
      headStartSec: 90,
      // The premier card is read at the kiosk's card reader. The demo has none: the kiosk says
      // so, and the customer shows the card to the teller, who confirms the class.
      establishedBy: 'idReader',
    },
    {
      id: priorityClassId('care'),
      name: { 'zh-CN': '老年人、残障人士、孕妇', en: 'Elderly, disabled, pregnant' },
      rate: 3,
      headStartSec: 120,
      establishedBy: 'declared',
    },
    {
      id: priorityClassId('appointment'),
      name: { 'zh-CN': '预约客户', en: 'Appointment check-in' },
      rate: 2,
      headStartSec: 300,
      establishedBy: 'booking',
    },
    {
      // 军人依法优先: the service card is checked by staff, who confirm the class at the counter.
      id: priorityClassId('military'),
      name: { 'zh-CN': '军人、消防救援人员', en: 'Military & firefighters' },
      rate: 2,
      headStartSec: 0,
      establishedBy: 'staff',
    },
  ],
  policy: { ...DEFAULT_POLICY, waitCapSec: 40 * 60 },
}
