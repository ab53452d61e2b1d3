/**
 * Branded identifiers. They are plain strings on the wire and in JSON; the brand only stops a
 * counter id from being passed where a ticket id is expected.
 */
declare const brand: unique symbol
type Brand<T, B extends string> = T & { readonly [brand]: B }

export type TicketId = Brand<string, 'TicketId'>
export type ServiceId = Brand<string, 'ServiceId'>
export type CounterId = Brand<string, 'CounterId'>
export type StaffId = Brand<string, 'StaffId'>
export type PriorityClassId = Brand<string, 'PriorityClassId'>
export type DelayId = Brand<string, 'DelayId'>

export const ticketId = (s: string): TicketId => s as TicketId
export const serviceId = (s: string): ServiceId => s as ServiceId
export const counterId = (s: string): CounterId => s as CounterId
export const staffId = (s: string): StaffId => s as StaffId
export const priorityClassId = (s: string): PriorityClassId => s as PriorityClassId
export const delayId = (s: string): DelayId => s as DelayId
