import type { DisplayFormat } from '../config/resolvedDevice'
import { showsWhole, textColumns, type TextEncoding } from '../text/encoding'
import type { Caption, CounterContent, DisplayView, LobbyCall } from './displayContent'

/**
 * Fills a call template.
 *
 * @example
 * fillTemplate('{number} → {counter}', 'A023', 3) //=> 'A023 → 3'
 */
export function fillTemplate(template: string, number: string, counter: number): string {
  return template.replaceAll('{number}', number).replaceAll('{counter}', String(counter))
}

/**
 * The lines a counter's display shows for the content, by its format. A call blinks if the
 * display is set to (the driver stops the blinking after `blinkMs`).
 *
 * @example
 * renderCounter({ kind: 'call', number: 'A023' }, 3, format) //=> { lines: ['A023 → 3'], blink: true }
 */
export function renderCounter(content: CounterContent, counterNumber: number, format: DisplayFormat): DisplayView {
  switch (content.kind) {
    case 'call': {
      const first = fillTemplate(format.callTemplate, content.number, content.counter ?? counterNumber)
      const caption = pickCaption(content.caption, format.encoding)
      return { lines: format.rows > 1 ? [first, caption] : [first], blink: format.blinkOnCall }
    }
    case 'paused':
      return { lines: [content.text ?? format.pausedText], blink: false }
    case 'closed':
      return { lines: [content.text ?? format.closedText], blink: false }
    case 'text': {
      const caption = pickCaption(content.caption, format.encoding)
      return { lines: format.rows > 1 ? [content.text, caption] : [content.text], blink: false }
    }
    case 'blank':
      return { lines: [''], blink: false }
  }
}

/**
 * The caption a display shows: the first of the offered texts its character set shows whole,
 * else the first (with stand-ins for what it lacks), or nothing.
 *
 * @example
 * pickCaption(['请到 3 号窗口', 'Counter 3'], 'cp437') //=> 'Counter 3'
 * pickCaption(['请到 3 号窗口', 'Counter 3'], 'gb18030') //=> '请到 3 号窗口'
 */
export function pickCaption(caption: Caption | undefined, encoding: TextEncoding): string {
  if (caption === undefined) return ''
  if (typeof caption === 'string') return caption
  return caption.find((c) => showsWhole(c, encoding)) ?? caption[0] ?? ''
}

/**
 * The lobby strip: the latest calls, newest first, as many as fit, separated by two spaces and
 * spread over the display's rows.
 *
 * @example
 * // one row of 16 Latin columns: the second call does not fit
 * renderLobby([{ number: 'A023', counter: 3 }, { number: 'B005', counter: 1 }], format)
 * //=> { lines: ['A023 → 3'], blink: false }
 */
export function renderLobby(calls: readonly LobbyCall[], format: DisplayFormat): DisplayView {
  const rows: string[] = []
  let row = ''
  for (const call of calls) {
    const entry = fillTemplate(format.callTemplate, call.number, call.counter)
    const candidate = row === '' ? entry : `${row}  ${entry}`
    if (textColumns(candidate, format.encoding) <= format.columns) {
      row = candidate
      continue
    }
    if (row === '') break
    rows.push(row)
    if (rows.length >= format.rows) break
    row = textColumns(entry, format.encoding) <= format.columns ? entry : ''
    if (row === '') break
  }
  if (rows.length < format.rows && row !== '') rows.push(row)
  return { lines: rows.length > 0 ? rows : [''], blink: false }
}
