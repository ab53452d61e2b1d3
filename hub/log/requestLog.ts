import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'
import { logWarning } from './hubWarning'

/**
 * The level a finished request is logged at: every command at `info`; reads (the screens poll)
 * only when debugging, and refusals and failures too, since the API's error handler has already
 * logged each with its reason (a failure as an error).
 *
 * @example
 * responseLevel('GET', 200) //=> 'debug'
 * responseLevel('POST', 200) //=> 'info'
 */
export function responseLevel(method: string, status: number): 'debug' | 'info' {
  if (status >= 400) return 'debug'
  return method === 'GET' || method === 'HEAD' ? 'debug' : 'info'
}

/**
 * Fastify's per-request log lines at the levels above (its default logs every request twice at
 * `info`, which would bury the branch's warnings under the screens' polling). Each line carries
 * the request id, as every line logged while handling that request does.
 */
export class HubRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request')
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime }
    if (error != null) logWarning(reply.log, 'error', 'request.errored', { ...fields, err: error }, 'request errored')
    else if (responseLevel(request.method, reply.statusCode) === 'info') reply.log.info(fields, 'request completed')
    else reply.log.debug(fields, 'request completed')
  }
}
