/**
 * Who is calling the hub. Kiosks and lobby displays are paired devices; tellers and managers
 * sign in with staff id and PIN. `public` is anyone on the branch network (the phone status
 * page, the branch's public information).
 */
export const ROLES = ['kiosk', 'display', 'teller', 'manager'] as const
export type Role = (typeof ROLES)[number]
export type Access = Role | 'public'
