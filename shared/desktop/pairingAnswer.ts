import { Type, type Static } from 'typebox'
import { ApiErrorSchema, type ApiError } from '../api/views'
import { errorText } from '../util/errorText'
import { err, ok, type Result } from '../util/result'
import { problemLines, schemaProblems } from '../util/schemaProblems'
import { CA_FINGERPRINT_PATTERN } from './terminalConfig'
import { DeviceTokenSchema } from './terminalConfigSchema'

/**
 * The hub's answer to pairing (`POST /api/v1/pair`, the API's `PairedView`) as setup reads it:
 * the three fields it keeps, each checked as `terminal.json` will check it once saved; the
 * session fields it does not keep (name, expiry …) are let through unread.
 */
export const PairingAnswerSchema = Type.Object({
  token: DeviceTokenSchema,
  role: Type.Union([Type.Literal('kiosk'), Type.Literal('display')], {
    errorMessage: 'must be "kiosk" or "display" (only a kiosk or a lobby display is paired)',
  }),
  caFingerprint: Type.Union([Type.Null(), Type.String({ pattern: CA_FINGERPRINT_PATTERN.source })], {
    errorMessage: "must be null or the CA certificate's SHA-256 fingerprint, AB:CD:… (32 pairs)",
  }),
})

/** What setup keeps of a pairing. */
export interface PairedHub {
  readonly role: Static<typeof PairingAnswerSchema>['role']
  readonly deviceToken: string
  /** Null for a plain-HTTP hub (the lab opt-out). */
  readonly caFingerprint: string | null
}

/**
 * The hub's pairing answer, parsed with `PairingAnswerSchema`: what setup keeps, or one line per
 * problem naming the field at fault.
 *
 * @example
 * parsePairingAnswer('{"token":"dev_0123456789abcdef","role":"teller","caFingerprint":null}')
 * //=> { ok: false, error: ['role: must be "kiosk" or "display" (only a kiosk or a lobby display is paired)'] }
 */
export function parsePairingAnswer(text: string): Result<PairedHub, readonly string[]> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return err([`the answer is not JSON (${errorText(e)})`])
  }
  const problems = problemLines(schemaProblems(PairingAnswerSchema, value))
  if (problems.length > 0) return err(problems)
  const answer = value as Static<typeof PairingAnswerSchema>
  return ok({ role: answer.role, deviceToken: answer.token, caFingerprint: answer.caFingerprint })
}

/**
 * The `code` of a hub's refusal (`ApiErrorSchema`, what every hub route answers when it refuses),
 * or null when the text is not one: a server that is not a hub, or a hub of another release.
 *
 * @example
 * refusalCode('{"statusCode":403,"error":"Forbidden","code":"httpsRequired","message":"…"}') //=> 'httpsRequired'
 */
export function refusalCode(text: string): string | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  return schemaProblems(ApiErrorSchema, value).length === 0 ? (value as ApiError).code : null
}
