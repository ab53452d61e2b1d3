// N live terminals in their own process (as they would be on other PCs), so the load
// generator's clock is not disturbed by their traffic. Prints "READY" once all have a snapshot
// and "PUSHED <n>" when told to stop (stdin closes).
import WebSocket from 'ws'

const [url, count, ...tokens] = process.argv.slice(2)
if (url === undefined || count === undefined || tokens.length === 0)
  throw new Error('usage: liveClients.ts <url> <count> <token…>')
let pushed = 0
let ready = 0
const sockets = Array.from({ length: Number(count) }, (_, i) => {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/v1/live`)
  let first = true
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: tokens[i % tokens.length], lastSeq: null })))
  ws.on('message', () => {
    pushed++
    if (first) {
      first = false
      if (++ready === Number(count)) process.stdout.write('READY\n')
    }
  })
  return ws
})
process.stdin.on('end', () => {
  for (const ws of sockets) ws.close()
  process.stdout.write(`PUSHED ${pushed}\n`)
  process.exit(0)
})
process.stdin.resume()
