/**
 * Fills a message of the shared catalogue the way vue-i18n does on the screens, so paper, voice
 * and screen read the same words: `{name}` is replaced by its value, and a message of choices
 * separated by ` | ` is chosen by `count` with vue-i18n's default rule (two choices: one | other;
 * three: zero | one | other). Only the syntax the catalogue uses; no linked messages (`@:`).
 *
 * @example
 * formatMessage('{n} person ahead of you | {n} people ahead of you', { n: 3 }, 3) //=> '3 people ahead of you'
 * formatMessage('前面还有 {n} 人', { n: 3 }, 3) //=> '前面还有 3 人'
 */
export function formatMessage(
  message: string,
  params: Readonly<Record<string, string | number>> = {},
  count?: number,
): string {
  const choices = message.split(' | ')
  const chosen = count === undefined || choices.length === 1 ? choices[0] : choices[choiceIndex(choices.length, count)]
  return (chosen ?? message).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/**
 * Which of a message's choices a count takes: vue-i18n's default rule (two choices: one | other;
 * three: zero | one | other). The screens use it for Chinese too (`renderer/src/i18n`): Chinese
 * has no plural forms, but a sentence can still change with the count ("排在队首" for none).
 *
 * @example
 * choiceIndex(3, 0) //=> 0
 */
export function choiceIndex(choices: number, count: number): number {
  const n = Math.abs(count)
  if (choices === 2) return n === 1 ? 0 : 1
  return n === 0 ? 0 : n === 1 ? 1 : Math.min(2, choices - 1)
}
