// Issue and call-next latency under load: 60 live terminals, 50 commands/s, a busy day's
// state; against a bare fsync'd append of the same size in the same folder. Run twice: the
// branch alone, and the branch shipping its journal to HQ (on PostgreSQL, in other processes),
// to see what shipping costs a kiosk tap. BENCH_SHIPPING=off|on|both (default both).
import { withHq } from './support/benchHq'
import { runLoad } from './support/hubLoad'

const mode = process.env.BENCH_SHIPPING ?? 'both'
const off = mode === 'on' ? null : await runLoad({ hq: null, tls: false, transport: 'fetch', label: 'no HQ' })
const on =
  mode === 'off' ? null : await withHq((hq) => runLoad({ hq, tls: false, transport: 'fetch', label: 'shipping to HQ' }))
if (off !== null && on !== null) {
  const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(0)} %`.padStart(6)
  console.log('\nshipping on vs off (p99, ms)             off      on   change   target: within 10 %')
  const line = (name: string, a: number, b: number) =>
    console.log(`  ${name.padEnd(36)}${b.toFixed(2).padStart(7)} ${a.toFixed(2).padStart(7)}  ${pct(a, b)}`)
  line('issue ticket (in the hub)', on.issueServerP99, off.issueServerP99)
  line('call next (in the hub)', on.callServerP99, off.callServerP99)
  line('issue ticket (round trip)', on.issueP99, off.issueP99)
}
