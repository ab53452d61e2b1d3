import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The kiosk screens branch-lobby supports: the two 21.5" totems it was designed on (portrait
 * and landscape), the 19" 5:4 panel many branch kiosks still have, and a 1366×768 landscape
 * panel (the smallest: its height decides whether a landscape layout fits).
 */
export const KIOSK_SCREENS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
  { name: '5:4', width: 1280, height: 1024 },
  { name: 'small landscape', width: 1366, height: 768 },
] as const

/** The smallest touch target the branch accepts (WCAG 2.5.5, Apple's HIG). */
export const MIN_TARGET_PX = 44

/**
 * Every visible button and text box on the page lies wholly inside the viewport, is at least
 * 44 px each way, and the page itself is no taller than the screen. Answers the failures, named, so a test shows them all.
 */
export async function controlsThatDoNotFit(page: Page): Promise<string[]> {
  const viewport = page.viewportSize()
  if (viewport === null) throw new Error('no viewport')
  const boxes = await page.locator('button:visible, input:visible, [role="button"]:visible').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 40)
      // Page coordinates: a control below the fold is outside even when the page could scroll to it.
      const top = el.ownerDocument.documentElement
      return { label, x: r.left + top.scrollLeft, y: r.top + top.scrollTop, width: r.width, height: r.height }
    }),
  )
  expect(boxes.length).toBeGreaterThan(0)
  const out: string[] = []
  for (const b of boxes) {
    const where = `"${b.label}" at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`
    if (b.x < 0 || b.y < 0 || b.x + b.width > viewport.width + 0.5 || b.y + b.height > viewport.height + 0.5) {
      out.push(`${where} is outside ${viewport.width}×${viewport.height}`)
    }
    if (b.width < MIN_TARGET_PX || b.height < MIN_TARGET_PX) out.push(`${where} is smaller than ${MIN_TARGET_PX} px`)
  }
  // Nothing below the fold either: a kiosk cannot be scrolled by someone who does not know it can.
  const height = await page.locator('html').evaluate((html) => html.scrollHeight)
  if (height > viewport.height) out.push(`the page is ${height} px tall on a ${viewport.height} px screen`)
  return out
}

/**
 * Texts on the page that wrap leaving one character alone on a line (军人、消防救援人 / 员), and
 * buttons whose text spills out of them; `selector` chooses where to look. Each text is read in
 * its innermost element (a service card's letter is a line of its own by design). Each failure
 * is named with its lines.
 */
export async function badlyWrapped(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.flatMap((el) => {
      const rect = el.getBoundingClientRect()
      if (rect.width === 0 || rect.height === 0 || el.children.length > 0) return []
      const doc = el.ownerDocument
      // Each character's line, by the top of its box; a line is the characters sharing one top.
      const lines = new Map<number, string>()
      // A text node (type 3) is the element's text; an element with only a comment has none.
      const text = el.firstChild?.nodeType === 3 ? el.firstChild : null
      const content = text?.textContent ?? ''
      for (let i = 0; i < content.length; i++) {
        const range = doc.createRange()
        range.setStart(text!, i)
        range.setEnd(text!, i + 1)
        const box = range.getClientRects()[0]
        if (box === undefined || box.width === 0) continue
        const top = Math.round(box.top)
        const key = [...lines.keys()].find((k) => Math.abs(k - top) <= 3) ?? top
        lines.set(key, (lines.get(key) ?? '') + content[i])
      }
      const words = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line.trim())
      const out: string[] = []
      const alone = words.filter((line) => line.replace(/[\s\p{P}]/gu, '').length === 1)
      if (words.length > 1 && alone.length > 0) out.push(`"${words.join(' / ')}" leaves ${alone.join(', ')} alone`)
      if (el.tagName === 'BUTTON' && text !== null) {
        const all = doc.createRange()
        all.selectNodeContents(el)
        const inside = all.getBoundingClientRect()
        const spills =
          inside.left < rect.left - 1 ||
          inside.right > rect.right + 1 ||
          inside.top < rect.top - 1 ||
          inside.bottom > rect.bottom + 1
        if (spills) out.push(`"${words.join(' / ')}" spills out of its button`)
      }
      return out
    }),
  )
}

/** Taps each key of `keys` on the keypad in `within` (a kiosk dialog), as a finger would. */
export async function tapKeys(within: Locator, keys: readonly string[]): Promise<void> {
  for (const key of keys) await within.getByTestId('keypad').getByRole('button', { name: key, exact: true }).tap()
}
