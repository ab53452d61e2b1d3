import { describe, expect, it } from 'vitest'
import { columnsOf, encodeText, inCp437, printable, showsWhole, textColumns } from '../../hardware/text/encoding'
import { fitText } from '../../hardware/text/fitText'
import { wrapText } from '../../hardware/text/wrapText'
import { printerColumns } from '../../hardware/escpos/escposText'

describe('encodeText', () => {
  it('encodes Chinese as GB18030 double bytes', () => {
    expect([...encodeText('中文号', 'gb18030')]).toEqual([0xd6, 0xd0, 0xce, 0xc4, 0xba, 0xc5])
  })

  it('puts a look-alike for symbols a Latin display lacks', () => {
    expect(printable('A023 → 3', 'ascii')).toBe('A023 > 3')
    expect([...encodeText('A→3', 'ascii')]).toEqual([0x41, 0x3e, 0x33])
  })

  it('replaces what an encoding cannot show by a question mark', () => {
    expect(printable('暂停', 'ascii')).toBe('??')
    expect(printable('café 中', 'cp437')).toBe('café ?')
  })

  it('keeps four-byte GB18030 characters off displays with GB2312 fonts', () => {
    expect(printable('A😀', 'gb18030')).toBe('A?')
  })

  it('tells whether a display shows a text without a question mark', () => {
    expect(showsWhole('Counter 3', 'cp437')).toBe(true)
    expect(showsWhole('A023 → 3?', 'ascii')).toBe(true)
    expect(showsWhole('请到 3 号窗口', 'cp437')).toBe(false)
    expect(showsWhole('请到 3 号窗口', 'gb18030')).toBe(true)
    expect(showsWhole('A😀', 'gb18030')).toBe(false)
  })
})

describe('columns', () => {
  it('counts a GB glyph as two columns and ASCII as one', () => {
    expect(columnsOf('中', 'gb18030')).toBe(2)
    expect(textColumns('A023 号', 'gb18030')).toBe(7)
  })

  it('counts code page 437 letters as one printer column and Chinese as two', () => {
    expect(inCp437('é')).toBe(true)
    expect(inCp437('中')).toBe(false)
    expect(printerColumns('é')).toBe(1)
    expect(printerColumns('号')).toBe(2)
  })
})

describe('fitText', () => {
  it('keeps the end of a number on a narrow board', () => {
    expect(fitText('A023', 3, { encoding: 'ascii', align: 'right', keep: 'end' })).toBe('023')
  })

  it('pads to the exact width with the chosen alignment', () => {
    expect(fitText('AB', 6, { encoding: 'ascii', align: 'center', keep: 'start' })).toBe('  AB  ')
    expect(fitText('AB', 4, { encoding: 'ascii', align: 'right', keep: 'start' })).toBe('  AB')
  })

  it('never cuts a double-width glyph in half', () => {
    const fitted = fitText('暂停服务', 5, { encoding: 'gb18030', align: 'left', keep: 'start' })
    expect(fitted).toBe('暂停 ')
    expect(textColumns(fitted, 'gb18030')).toBe(5)
  })
})

describe('wrapText', () => {
  it('breaks Latin text at spaces', () => {
    expect(wrapText('Your ID card and bank card', 12, () => 1)).toEqual(['Your ID card', 'and bank', 'card'])
  })

  it('breaks Chinese between any two characters, by width', () => {
    expect(wrapText('本人身份证银行卡', 6, printerColumns)).toEqual(['本人身', '份证银', '行卡'])
  })

  it('keeps closing punctuation off the start of a line', () => {
    const lines = wrapText('请准备身份证。谢谢', 12, printerColumns)
    expect(lines[0]).toBe('请准备身份')
    expect(lines[1]?.startsWith('证。')).toBe(true)
  })

  it('hard-breaks a word longer than the line', () => {
    expect(wrapText('https://example.cn/abcdef', 10, () => 1)).toEqual(['https://ex', 'ample.cn/a', 'bcdef'])
  })

  it('never makes a line wider than asked', () => {
    const text = '叫号时请留意屏幕和语音。If you miss your call, you are called twice more; 30 分钟内可重新排队。'
    for (const width of [8, 13, 20, 48]) {
      for (const line of wrapText(text, width, printerColumns)) {
        expect([...line].reduce((n, ch) => n + printerColumns(ch), 0)).toBeLessThanOrEqual(width)
      }
    }
  })
})
