/**
 * Who calls headquarters. A `branch` is a branch hub shipping its journal with the token HQ
 * issued to it; `headOffice` users see every branch, a `regional` manager the branches of their
 * region; `public` is anyone (sign-in, health, the OpenAPI document).
 */
export const HQ_USER_ROLES = ['headOffice', 'regional'] as const
export type HqUserRole = (typeof HQ_USER_ROLES)[number]
export type HqRole = HqUserRole | 'branch'
export type HqAccess = HqRole | 'public'
