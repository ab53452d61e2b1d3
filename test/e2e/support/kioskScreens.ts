import { expect, type Page } from '@playwright/test'

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
