import { describe, expect, it } from 'vitest'
import { blankLanguages, isBlank } from '../../../shared/domain/text'

describe('isBlank', () => {
  it('is true for empty text and white space only, ideographic spaces too', () => {
    expect(isBlank('')).toBe(true)
    expect(isBlank(' \t\n\u3000')).toBe(true)
    expect(isBlank(' 请稍候 ')).toBe(false)
  })
})

describe('blankLanguages', () => {
  it('names each language left blank, in the order the lobby shows them', () => {
    expect(blankLanguages({ 'zh-CN': '系统维护', en: 'System maintenance' })).toEqual([])
    expect(blankLanguages({ 'zh-CN': '系统维护', en: ' ' })).toEqual(['en'])
    expect(blankLanguages({ 'zh-CN': '', en: '' })).toEqual(['zh-CN', 'en'])
  })
})
