import { describe, expect, it } from 'vitest'
import { KPI_KEYS } from '../../../shared/reports/kpis'
import { kpiChangeText, kpiName, kpiText, kpiUnit } from '../../../renderer/src/format/reportFormat'
import { formatIn } from './support'

describe('reportFormat', () => {
  it('words durations as the manager strip does, and a dash for nothing measured', () => {
    const zh = formatIn('zh-CN')
    const en = formatIn('en')
    expect(zh.duration(252.4)).toBe('4 分 12 秒')
    expect(en.duration(252.4)).toBe('4 min 12 s')
    expect(en.duration(42)).toBe('42 s')
    expect(en.duration(1500)).toBe('25 min')
    expect(en.duration(null)).toBe('—')
  })

  it('signs a duration that can be negative', () => {
    const en = formatIn('en')
    expect(en.signedDuration(-45)).toBe('−45 s')
    expect(en.signedDuration(90)).toBe('+1 min 30 s')
    expect(en.signedDuration(0)).toBe('0 s')
  })

  it('writes shares as whole percentages and never a share of nothing as 0 %', () => {
    const en = formatIn('en')
    expect(en.share(0.834)).toBe('83%')
    expect(en.share(1)).toBe('100%')
    expect(en.share(null)).toBe('—')
    expect(formatIn('zh-CN').sharePoints(-0.035)).toBe('−3.5 个百分点')
  })

  it('writes local clock times in the branch offset, not the PC time zone', () => {
    const at = Date.UTC(2026, 10, 24, 1, 5, 9)
    expect(formatIn('en', 480).clock(at)).toBe('09:05')
    expect(formatIn('en', 0).clock(at)).toBe('01:05')
    expect(formatIn('en', 480).dateTime(at)).toBe('2026-11-24 09:05')
  })

  it('groups large counts', () => {
    expect(formatIn('en').count(730_000)).toBe('730,000')
  })
})

describe('kpiText', () => {
  it('knows the unit of every KPI', () => {
    expect(kpiUnit('waitMeanSec')).toBe('seconds')
    expect(kpiUnit('estimateMeanErrorSec')).toBe('signedSeconds')
    expect(kpiUnit('waitWithinTargetShare')).toBe('share')
    expect(kpiUnit('counterHours')).toBe('hours')
    expect(kpiUnit('ratingMean')).toBe('rating')
    expect(kpiUnit('raqfm')).toBe('index')
    expect(kpiUnit('issued')).toBe('count')
  })

  it('writes each KPI with its unit', () => {
    const en = formatIn('en')
    expect(kpiText(en, 'waitMeanSec', 252)).toBe('4 min 12 s')
    expect(kpiText(en, 'waitWithinTargetShare', 0.8)).toBe('80%')
    expect(kpiText(en, 'raqfm', 0.614)).toBe('0.61')
    expect(kpiText(en, 'ratingMean', 4.25)).toBe('4.3')
    expect(kpiText(en, 'pausedHours', 1.25)).toBe('1.3 h')
    expect(kpiText(en, 'issued', 2000)).toBe('2,000')
  })

  it('signs changes week over week in the KPI’s own unit', () => {
    const en = formatIn('en')
    expect(kpiChangeText(en, 'waitMeanSec', -43)).toBe('−43 s')
    expect(kpiChangeText(en, 'waitWithinTargetShare', 0.035)).toBe('+3.5 pts')
    expect(kpiChangeText(en, 'issued', 220)).toBe('+220')
    expect(kpiChangeText(en, 'raqfm', -0.04)).toBe('−0.04')
    expect(kpiChangeText(en, 'issued', null)).toBe('—')
  })

  it('names every KPI from the shared labels without the CSV’s unit brackets', () => {
    for (const { key } of KPI_KEYS) {
      for (const language of ['zh-CN', 'en'] as const) {
        const name = kpiName(key, language)
        expect(name).not.toMatch(/\((秒|小时|%|s)\)$/u)
        expect(name.length).toBeGreaterThan(1)
      }
    }
    expect(kpiName('waitMeanSec', 'zh-CN')).toBe('平均等候')
    expect(kpiName('waitWithinTargetShare', 'en')).toBe('Called within target')
    expect(kpiName('raqfm', 'en')).toBe('Fairness index (RAQFM)')
  })
})
