import { request as httpsRequest } from 'node:https'

export interface RawAnswer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly text: string
}

/**
 * One HTTPS request that trusts exactly `ca` (a PEM CA certificate), or nothing beyond Node's
 * own roots when it is null: the client a paired terminal or a browser with the CA installed is.
 * Rejects when the TLS handshake is refused (an untrusted CA, a wrong name, an expired certificate).
 */
export function requestTls(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string; ca: string | null },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      { method: o.method ?? 'GET', headers: o.headers ?? {}, ...(o.ca === null ? {} : { ca: o.ca }), agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(o.body)
  })
}
