import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { DEFAULT_APPOINTMENT_POLICY } from '../../shared/appointments/booking'
import { serviceId, staffId } from '../../shared/domain/ids'
import { hashPin } from '../auth/pinHash'
import type { BranchFile } from './branchFile'

/** Demo sign-ins, printed by `npm run demo` and listed in the README. */
export const DEMO_STAFF = [
  { id: 't01', name: '王芳', pin: '1111' },
  { id: 't02', name: '李强', pin: '2222' },
  { id: 't03', name: '张敏', pin: '3333' },
  { id: 't04', name: '刘洋', pin: '4444' },
  { id: 't05', name: '陈静', pin: '5555' },
  { id: 't06', name: '杨磊', pin: '6666' },
] as const
/**
 * An example: the branch enters the official holiday calendar (放假安排) each year; it opens
 * 09:00–17:00 on working days and 10:00–16:00 at weekends, and closes on public holidays.
 */
export const DEMO_CALENDAR = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01'],
  workingWeekends: ['2026-10-10'],
  opening: {
    workingDays: [{ opens: '09:00', closes: '17:00' }],
    weekends: [{ opens: '10:00', closes: '16:00' }],
    holidays: [],
  },
} satisfies BranchFile['calendar']

export const DEMO_MANAGER = { id: 'm01', name: '赵主任', pin: '9999' } as const

/**
 * The built-in demo branch as a configuration file (written when the data folder is empty).
 * `pinCost` is the PINs' scrypt cost (`hashPin`).
 */
export async function demoBranchFile(host = '127.0.0.1', port = 8080, pinCost?: number): Promise<BranchFile> {
  const staff = await Promise.all([
    ...DEMO_STAFF.map(async (s) => ({
      id: staffId(s.id),
      name: s.name,
      role: 'teller' as const,
      pinHash: await hashPin(s.pin, pinCost),
    })),
    (async () => ({
      id: staffId(DEMO_MANAGER.id),
      name: DEMO_MANAGER.name,
      role: 'manager' as const,
      pinHash: await hashPin(DEMO_MANAGER.pin, pinCost),
    }))(),
  ])
  return {
    version: 2,
    branch: {
      ...DEMO_BRANCH,
      services: DEMO_BRANCH.services.map((s) => ({ ...s, documents: [...s.documents] })),
      counters: DEMO_BRANCH.counters.map(({ hours, ...c }) => ({
        ...c,
        services: [...c.services],
        ...(hours === undefined ? {} : { hours: hours.map((h) => ({ ...h })) }),
      })),
      priorityClasses: [...DEMO_BRANCH.priorityClasses],
    },
    utcOffsetMinutes: 480,
    network: { host, port, publicUrl: null },
    staff,
    lobby: {
      messages: [
        {
          'zh-CN': '办理业务前,请准备好本人有效身份证件。',
          en: 'Please have your own valid ID card ready before your turn.',
        },
        {
          'zh-CN': '查询余额、转账、存取现金可在自助设备上办理,无需等候。',
          en: 'Balance enquiries, transfers and cash can be done at the self-service machines, with no wait.',
        },
        {
          'zh-CN': '过号不用担心:叫号三次未到,可在 30 分钟内到取号机重新排队。',
          en: 'Missed your call? You are called three times, and can re-join at the kiosk within 30 minutes.',
        },
        {
          'zh-CN': '办理理财业务前,可先在等候区填写风险评估问卷,节省柜台时间。',
          en: 'For wealth services, fill in the risk questionnaire while you wait to save time at the counter.',
        },
      ],
    },
    devices: [],
    calendar: DEMO_CALENDAR,
    retention: { journalDays: 90 },
    // Large cash withdrawals (personal), account openings (business) and wealth advice by appointment.
    appointments: {
      services: [serviceId('personal'), serviceId('business'), serviceId('wealth')],
      ...DEFAULT_APPOINTMENT_POLICY,
    },
  }
}
