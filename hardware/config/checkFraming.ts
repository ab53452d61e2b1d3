import { fieldOffsets, refIndex, spanOf } from '../framed/encodeFrame'
import type { FieldRef, Framing } from '../framed/framing'
import type { ConfigProblem } from '../../shared/util/schemaProblems'

/**
 * Structural rules a framing must satisfy to be encodable, and (for keypads and pads, which
 * send to us) decodable: one address, a known payload size, spans that exist and checksums
 * after what they cover.
 *
 * @example
 * checkFraming(FF68, 'devices[0].protocol.framing', true) //=> []
 */
export function checkFraming(framing: Framing, path: string, receives: boolean): ConfigProblem[] {
  const issues: ConfigProblem[] = []
  const { fields } = framing
  const fieldsPath = `${path}.fields`
  const count = (kind: string): number => fields.filter((f) => f.kind === kind).length
  if (count('address') !== 1) issues.push({ path: fieldsPath, message: 'must have exactly one address field' })
  if (count('command') > 1) issues.push({ path: fieldsPath, message: 'may have at most one command field' })
  if (count('payload') > 1) issues.push({ path: fieldsPath, message: 'may have at most one payload field' })

  const exists = (ref: FieldRef): boolean => ref === 'start' || count(ref) > 0
  const payloadIndex = fields.findIndex((f) => f.kind === 'payload')
  let payloadSized = framing.payload.width !== null || payloadIndex < 0
  fields.forEach((f, i) => {
    if (f.kind !== 'length' && f.kind !== 'checksum') return
    const at = `${fieldsPath}[${i}]`
    for (const key of ['from', 'to'] as const) {
      if (!exists(f[key]))
        issues.push({ path: `${at}.${key}`, message: `names a '${f[key]}' field the frame does not have` })
    }
    const a = refIndex(fields, f.from, 'first')
    const b = refIndex(fields, f.to, 'last')
    if (a > b) issues.push({ path: at, message: `'from' (${f.from}) comes after 'to' (${f.to})` })
    if (f.kind === 'checksum' && b >= i)
      issues.push({ path: at, message: 'a checksum must come after the fields it covers' })
    if (f.kind === 'length' && i < payloadIndex && a <= payloadIndex && payloadIndex <= b) payloadSized = true
    if (f.kind === 'length' && framing.payload.width !== null) {
      const [from, to] = spanOf(fields, fieldOffsets(fields, framing.payload.width), f.from, f.to)
      const most = f.width === 1 ? 0xff : 0xffff
      if (to - from + f.adjust > most) {
        issues.push({
          path: `${path}.payload.width`,
          message: `makes the ${f.width}-byte length field overflow (${to - from + f.adjust} > ${most})`,
        })
      }
    }
  })
  const last = fields[fields.length - 1]
  if (!payloadSized && last?.kind !== 'bytes') {
    issues.push({
      path: `${path}.payload.width`,
      message: 'a variable-size payload needs a length field before it or an end marker (bytes) closing the frame',
    })
  }
  if (receives && fields[0]?.kind !== 'bytes') {
    issues.push({
      path: `${fieldsPath}[0]`,
      message: 'a device that sends to us needs a start marker (bytes) first, to find frames in noise',
    })
  }
  if (framing.payload.encoding === 'bcd' && framing.keyCodeFrom === 'payload' && receives) {
    issues.push({ path: `${path}.keyCodeFrom`, message: "key codes cannot be read from a 'bcd' payload" })
  }
  return issues
}
