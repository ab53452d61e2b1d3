import { join } from 'node:path'
import { Type, type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'
import { writeDurably } from '../persistence/durableJsonFile'
import { isNotFound, type FileSystem } from '../persistence/fileSystem'
import { DemoMonthCarrySchema } from './demoHistoryProtocol'

/** In the data folder: which month the demo's history is, and whether it is all kept. */
export const DEMO_HISTORY_FILE = 'demo-history.json'

const PlanSchema = Type.Object(
  {
    version: Type.Literal(1),
    /** The month is the `days` days before `today`, the day the seeding began. */
    today: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    days: Type.Integer({ minimum: 1 }),
    done: Type.Boolean(),
    /**
     * Where the month had got to after the last day kept (`DemoMonthCarry`): a seeding stopped
     * midway goes on from there instead of simulating its kept days again. Absent before the
     * first day, once done, and in plans written before it was kept (those simulate from the start).
     */
    carry: Type.Optional(DemoMonthCarrySchema),
  },
  { additionalProperties: false },
)
const isPlan = Compile(PlanSchema)

/**
 * The demo history's plan. Written before the first day is kept, so a hub stopped midway
 * (Ctrl+C, a kill, a power cut) finishes the same month when it starts again — whatever the
 * date is by then, and without taking the days already kept for a fresh demo's — and marked
 * done after the last. Written whole (a temp file renamed over it), never torn.
 */
export type DemoHistoryPlan = Static<typeof PlanSchema>

/** The plan in `dataDir`; null when there is none (a fresh demo, or one seeded before plans were kept). */
export async function readDemoHistoryPlan(fs: FileSystem, dataDir: string): Promise<DemoHistoryPlan | null> {
  const path = join(dataDir, DEMO_HISTORY_FILE)
  let text: string
  try {
    text = (await fs.readFile(path)).toString('utf8')
  } catch (e) {
    if (isNotFound(e)) return null
    throw e
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Error(`${path} is not JSON; delete it, and the demo keeps the days it has`)
  }
  if (isPlan.Check(value)) return value
  const problems = problemLines(schemaProblems(PlanSchema, value)).slice(0, 3).join('; ')
  throw new Error(`${path} is not a demo history plan (${problems}); delete it, and the demo keeps the days it has`)
}

export function writeDemoHistoryPlan(fs: FileSystem, dataDir: string, plan: DemoHistoryPlan): Promise<void> {
  return writeDurably(fs, join(dataDir, DEMO_HISTORY_FILE), Buffer.from(`${JSON.stringify(plan, null, 2)}\n`))
}
