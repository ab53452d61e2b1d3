import { request } from 'node:http'
import type { Answer } from './hubFixture'

/**
 * An HTTP request to the hub from another loopback address (127.0.0.2, 127.0.0.3 …): what a
 * guesser with many addresses does. Linux routes all of 127.0.0.0/8 to loopback.
 */
export function requestFrom<T = unknown>(
  baseUrl: string,
  localAddress: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const url = new URL(path, baseUrl)
  const text = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress,
        headers: text === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, body: (raw === '' ? null : JSON.parse(raw)) as T })
        })
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}
