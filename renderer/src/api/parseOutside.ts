import {
  SessionViewSchema,
  TicketStatusViewSchema,
  type SessionView,
  type TicketStatusView,
} from '../../../shared/api/views'
import { schemaProblems } from '../../../shared/util/schemaProblems'

/**
 * JSON the renderer reads from outside the API client, parsed with the contract's schemas: a
 * session kept in localStorage, a ticket status pushed by Server-Sent Events. Each gives the
 * value, or null for anything that is not one (never a cast).
 */

/** A session kept in localStorage, if it parses as one; null otherwise. */
export function storedSession(saved: string | null): SessionView | null {
  if (saved === null) return null
  let value: unknown
  try {
    value = JSON.parse(saved)
  } catch {
    return null
  }
  return schemaProblems(SessionViewSchema, value).length === 0 ? (value as SessionView) : null
}

/** A pushed status, if it parses as one (JSON, and every field of its schema); null otherwise. */
export function statusMessage(data: string): TicketStatusView | null {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return null
  }
  return schemaProblems(TicketStatusViewSchema, value).length === 0 ? (value as TicketStatusView) : null
}
