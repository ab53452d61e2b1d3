/** A journal line's types live with the engine's events (shared/queue/eventSchema.ts), where headquarters reads them too. */
export type { Actor, JournalRecord } from '../../shared/queue/eventSchema'
