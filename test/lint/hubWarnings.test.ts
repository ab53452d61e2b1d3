import { RuleTester, type Rule } from 'eslint'
import { builtinRules } from 'eslint/use-at-your-own-risk'
import tseslint from 'typescript-eslint'
import { describe, it } from 'vitest'
import { HUB_WARNING_SYNTAX } from '../../eslint/hubWarnings.js'

RuleTester.describe = describe
RuleTester.it = it
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } })
// The rule as eslint.config.js sets it for hub/: a warning reaches the manager's screen only
// through logWarning, so none is logged under a name the screen cannot word.
const restricted = builtinRules.get('no-restricted-syntax') as Rule.RuleModule
const ok = (code: string) => ({ code, options: HUB_WARNING_SYNTAX })
const bad = (code: string) => ({ code, options: HUB_WARNING_SYNTAX, errors: [{ messageId: 'restrictedSyntax' }] })

tester.run('hub warnings go through logWarning', restricted, {
  valid: [
    ok("logWarning(logger, 'warn', 'keypad.noCounter', { deviceId: 'k1', counter: 9 }, 'no counter 9')"),
    ok("this.o.warn('warn', 'printing.failed', { ticket: 'A001', problem: 'paperOut' }, 'not printed')"),
    ok("o.warn(\n  'error',\n  'replication.stopNotKept',\n  { error: 'EIO' },\n  'not written',\n)"),
    ok("logger.info({ event: 'hub.started' }, 'listening')"),
    ok("reply.log.debug({}, 'request completed')"),
    ok("console.error('The simulated history stopped')"),
    ok('handlers[kind](event)'),
  ],
  invalid: [
    bad("logger.warn({ event: 'keypad.noCounter' }, 'no counter 9')"),
    bad("request.log.error({ err }, 'request failed')"),
    bad("this.logger.fatal({ err: e, event: 'hub.notStarted' }, 'could not start')"),
    bad("logger.warn('a line without an event')"),
    bad("o.log('warn', 'keypad k1: no counter 9') && o.warn(level, 'device', facts, message)"),
    bad("logger[level]({ event: 'device' }, message)"),
    bad("reply.log[status === 429 ? 'warn' : 'info']({}, message)"),
  ],
})
