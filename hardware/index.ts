/**
 * The hardware layer's public API: what the hub imports. Drivers know serial protocols and
 * nothing of queues; the hub turns queue events into the calls below.
 */
export { DeviceSupervisor, type DeviceTestResult, type SupervisorOptions } from './supervisor/deviceSupervisor'
export type {
  DeviceLog,
  DeviceWarningEvent,
  DeviceRef,
  CardRead,
  DeviceStatus,
  KeypadInput,
  RatingInput,
  SupervisorEvents,
} from './supervisor/supervisorEvents'
export type { PrintResult } from './drivers/printerDriver'
export type { DeviceProblem, DeviceProblemCode } from './drivers/deviceProblem'
export type { PrinterStatus } from './escpos/printerStatus'
export type { Caption, CounterContent, LobbyCall } from './display/displayContent'
export { DEFAULT_TICKET_PRINT_OPTIONS, type TicketLayout, type TicketPrintOptions } from './escpos/ticketLayout'
export { encodeTicket } from './escpos/encodeTicket'
export { testTicketLayout } from './escpos/testTicket'
export {
  DEVICE_ROLES,
  DeviceConfigSchema,
  DevicesConfigSchema,
  KEYPAD_ACTIONS,
  type DeviceConfig,
  type DeviceRole,
  type KeypadAction,
} from './config/deviceSchema'
export { parseDeviceConfigs } from './config/parseDeviceConfigs'
export type { ConfigProblem } from '../shared/util/schemaProblems'
