import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, splitPolicyHeaders } from '../../electron/main/contentSecurityPolicy'

/** Google's CSP Evaluator, as Electronegativity ships it (untyped, so described here). */
interface Evaluator {
  CspParser: new (policy: string) => { csp: unknown }
  CspEvaluator: new (
    csp: unknown,
    version: unknown,
  ) => { evaluate(): { severity: number; directive: string; description: string }[] }
  Version: { CSP3: unknown }
  severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM', number>
}
const csp = createRequire(import.meta.url)('@doyensec/csp-evaluator') as Evaluator

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy('http://192.168.1.20:8420')
  const d = directives(policy)

  it('allows scripts only from the hub, with no inline script and no eval', () => {
    expect(d.get('default-src')).toBe("'none'")
    expect(d.get('script-src')).toBe("'self'")
    expect(policy).not.toContain('unsafe-eval')
    expect(d.get('script-src')).not.toContain('unsafe-inline')
  })

  it("allows the hub's WebSocket and nothing else to connect", () => {
    expect(d.get('connect-src')).toBe("'self' ws://192.168.1.20:8420")
    expect(directives(contentSecurityPolicy('https://hub.branch.local')).get('connect-src')).toBe(
      "'self' wss://hub.branch.local",
    )
  })

  it('forbids plugins, frames, framing, base changes and native form posts', () => {
    for (const name of ['object-src', 'frame-src', 'child-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(d.get(name), name).toBe("'none'")
    }
  })

  it('passes Google’s CSP Evaluator without a high, medium or syntax finding', () => {
    const parsed = new csp.CspParser(policy)
    const findings = new csp.CspEvaluator(parsed.csp, csp.Version.CSP3).evaluate()
    const serious = findings.filter((f) =>
      [csp.severities.HIGH, csp.severities.SYNTAX, csp.severities.MEDIUM].includes(f.severity),
    )
    expect(serious).toEqual([])
  })

  it('is flagged by the same evaluator when weakened (the check can fail)', () => {
    const weak = policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'")
    const findings = new csp.CspEvaluator(new csp.CspParser(weak).csp, csp.Version.CSP3).evaluate()
    expect(findings.some((f) => f.severity === csp.severities.HIGH || f.severity === csp.severities.MEDIUM)).toBe(true)
  })
})

describe('splitPolicyHeaders', () => {
  it("separates the hub's own policies, in any letter case, from the other headers", () => {
    expect(
      splitPolicyHeaders({
        'content-security-policy': ["default-src 'self'"],
        'Content-Security-Policy': ["img-src 'self'"],
        'Content-Type': ['text/html'],
      }),
    ).toEqual({ rest: { 'Content-Type': ['text/html'] }, policies: ["default-src 'self'", "img-src 'self'"] })
  })

  it('handles a response without headers', () => {
    expect(splitPolicyHeaders(undefined)).toEqual({ rest: {}, policies: [] })
  })
})
