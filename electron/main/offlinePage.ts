/**
 * The page a window shows while its hub cannot be reached (the hub PC is off, the network is
 * down): a calm, bilingual notice instead of Chromium's error page, saying that the terminal is
 * reconnecting by itself. It is a `data:` URL main loads itself: no script, no request, its own
 * CSP, nothing for a customer to touch. Main retries the hub and replaces it when the hub answers.
 */
export interface OfflineFacts {
  readonly hubOrigin: string
  readonly terminalName: string
  readonly retryInSec: number
}

/**
 * The notice as a `data:` URL.
 *
 * @example
 * offlinePageUrl({ hubOrigin: 'http://192.168.1.20:8420', terminalName: 'Counter 3', retryInSec: 4 })
 * //=> 'data:text/html;charset=utf-8,%3C!doctype%20html%3E...'
 */
export function offlinePageUrl(facts: OfflineFacts): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(offlinePageHtml(facts))}`
}

/**
 * The notice's HTML, every inserted value escaped.
 *
 * @example
 * offlinePageHtml({ hubOrigin: 'http://h:1', terminalName: '<b>', retryInSec: 2 }).includes('&lt;b&gt;') //=> true
 */
export function offlinePageHtml(facts: OfflineFacts): string {
  const hub = escapeHtml(facts.hubOrigin)
  const name = escapeHtml(facts.terminalName)
  const seconds = Math.max(0, Math.round(facts.retryInSec))
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Branch Lobby</title>
<style>
html,body{height:100%;margin:0;background:#0b2540;color:#fff;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;cursor:default;user-select:none}
main{height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;gap:1.2rem}
h1{font-size:clamp(1.6rem,4vw,3.2rem);margin:0}
p{font-size:clamp(1rem,2vw,1.6rem);margin:0;opacity:.85}
small{opacity:.6}
</style></head>
<body><main>
<h1>正在连接排队服务器……</h1>
<h1 lang="en">Connecting to the queue server…</h1>
<p>本终端会自动重新连接,无需操作。 / This terminal reconnects by itself; nothing to do.</p>
<p>${seconds} 秒后重试 / Retrying in ${seconds} s</p>
<small>${name} → ${hub}</small>
</main></body></html>`
}

/**
 * Text made safe to place in HTML.
 *
 * @example
 * escapeHtml('a < b & "c"') //=> 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}
