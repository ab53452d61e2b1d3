// @ts-check

/**
 * Hub code that would log a warning past `logWarning` (hub/log/hubWarning.ts), as
 * `no-restricted-syntax` selectors (eslint.config.js applies them to hub/): a pino call at warn,
 * error or fatal, and a logger indexed by a level chosen at run time. A `Warn` (its level a
 * literal, its event typed by HUB_WARNINGS) passes. test/lint/hubWarnings.test.ts holds the forms.
 */
export const HUB_WARNING_SYNTAX = [
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(warn|error|fatal)$/]:not([callee.object.name='console']):not([arguments.0.value=/^(warn|error)$/])",
    message:
      'Log a warning or error through logWarning (hub/log/hubWarning.ts), under a name of HUB_WARNINGS with the facts its wording needs: the manager sees it in their language.',
  },
  {
    selector:
      'CallExpression > MemberExpression.callee[computed=true]:matches([object.name=/log/i], [object.property.name=/log/i])',
    message:
      'A logger called at a level chosen at run time can log a warning past logWarning (hub/log/hubWarning.ts): call its info or debug, or logWarning.',
  },
]
