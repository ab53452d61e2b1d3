import { describe, expect, it } from 'vitest'
import { escapeHtml, offlinePageHtml, offlinePageUrl } from '../../electron/main/offlinePage'

const facts = { hubOrigin: 'http://192.168.1.20:8420', terminalName: 'Counter 3', retryInSec: 4 }

describe('offlinePageUrl', () => {
  it('is a data URL of the notice', () => {
    const url = offlinePageUrl(facts)
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(offlinePageHtml(facts))
  })
})

describe('offlinePageHtml', () => {
  it('tells customers in Chinese and English that the terminal reconnects by itself', () => {
    const html = offlinePageHtml(facts)
    expect(html).toContain('正在连接排队服务器')
    expect(html).toContain('This terminal reconnects by itself')
    expect(html).toContain('Retrying in 4 s')
    expect(html).toContain('Counter 3 → http://192.168.1.20:8420')
  })

  it('has no script and a policy that allows none', () => {
    const html = offlinePageHtml(facts)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('escapes the terminal name and address', () => {
    const html = offlinePageHtml({ ...facts, terminalName: '<img src=x onerror=alert(1)>' })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;')
  })
})
