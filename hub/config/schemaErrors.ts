/** Moved to `shared/api/schemaProblems.ts` (HQ validates with it too); kept here for the hub's imports. */
export { schemaProblems } from '../../shared/api/schemaProblems'
