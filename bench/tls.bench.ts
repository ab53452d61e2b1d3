// What TLS costs a command: the same load as hub.bench.ts (60 live terminals, 50 commands/s, a
// busy day's state) against the hub on loopback, once over plain HTTP and WS, once over HTTPS
// and WSS with the branch CA (network.tls "on"). Both runs use the same client, Node's http /
// https with a keep-alive agent, so the difference is TLS alone. BENCH_SECONDS sets the length.
import { loadavg } from 'node:os'
import { runLoad } from './support/hubLoad'

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')
console.log(`load average before: ${load()}`)

const plain = await runLoad({ hq: null, tls: false, transport: 'http', label: 'plain HTTP on loopback' })
const tls = await runLoad({ hq: null, tls: true, transport: 'https', label: 'HTTPS + WSS on loopback' })

const f = (x: number) => x.toFixed(2).padStart(7)
const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(0)} %`.padStart(7)
console.log('\nHTTPS vs plain HTTP (ms)                  plain    HTTPS   change')
const line = (name: string, a: number, b: number) => console.log(`  ${name.padEnd(38)}${f(a)}  ${f(b)}  ${pct(b, a)}`)
line('issue ticket, round trip p50', plain.issueP50, tls.issueP50)
line('issue ticket, round trip p99', plain.issueP99, tls.issueP99)
line('call next, round trip p50', plain.callP50, tls.callP50)
line('call next, round trip p99', plain.callP99, tls.callP99)
line('issue ticket, in the hub p99', plain.issueServerP99, tls.issueServerP99)
line('call next, in the hub p99', plain.callServerP99, tls.callServerP99)
console.log('  target: round trip p99 < 10 ms with TLS')
// The machine's other work moves these figures more than TLS does: read them with this.
console.log(`load average after: ${load()}`)
