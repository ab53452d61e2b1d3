import { DEFAULT_POLICY, type BranchConfig } from '../../../shared/domain/branch'
import { counterId, priorityClassId, serviceId, staffId } from '../../../shared/domain/ids'

export const A = serviceId('a')
export const B = serviceId('b')
export const C1 = counterId('c1')
export const C2 = counterId('c2')
export const C3 = counterId('c3')
export const VIP = priorityClassId('vip')
export const CARE = priorityClassId('care')
export const ALICE = staffId('alice')
export const BOB = staffId('bob')
export const CAROL = staffId('carol')

/** A small branch: two services, three counters with preferences, two priority classes. */
export const TEST_BRANCH: BranchConfig = {
  name: { 'zh-CN': '测试支行', en: 'Test branch' },
  services: [
    {
      id: A,
      prefix: 'A',
      name: { 'zh-CN': '个人业务', en: 'Personal' },
      targetWaitSec: 600,
      standardSec: 60,
      documents: [{ 'zh-CN': '身份证', en: 'ID card' }],
      selfServiceCapable: true,
    },
    {
      id: B,
      prefix: 'B',
      name: { 'zh-CN': '对公业务', en: 'Business' },
      targetWaitSec: 900,
      standardSec: 180,
      documents: [],
      selfServiceCapable: false,
    },
  ],
  counters: [
    { id: C1, number: 1, services: [A] },
    { id: C2, number: 2, services: [A, B] },
    { id: C3, number: 3, services: [B, A] },
  ],
  priorityClasses: [
    { id: VIP, name: { 'zh-CN': '贵宾', en: 'VIP' }, rate: 2, headStartSec: 90 },
    { id: CARE, name: { 'zh-CN': '老年人', en: 'Elderly' }, rate: 3, headStartSec: 0 },
  ],
  policy: { ...DEFAULT_POLICY },
}
