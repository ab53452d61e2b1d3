// `npm run bench`: every benchmark in bench/, one after another (they measure time, so never
// in parallel), each printing its own table of figures.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const only = process.argv.slice(2)
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
let failed = 0
for (const f of benches) {
  console.log(`\n=== ${f} ${'='.repeat(Math.max(0, 70 - f.length))}`)
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'bench', f)], { stdio: 'inherit' })
  if (r.status !== 0) {
    failed++
    console.log(`!!! ${f} exited with ${r.status}`)
  }
}
process.exit(failed === 0 ? 0 : 1)
