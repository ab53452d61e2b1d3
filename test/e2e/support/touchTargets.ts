import type { Page } from '@playwright/test'

/** `tag "name" w×h` for every visible control under 44 px either way (a string, as display.spec's). */
const SMALL_TARGETS = `(() => {
  const out = [];
  const controls = document.querySelectorAll(
    'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=tab], [role=radio]',
  );
  for (const el of controls) {
    if (el.closest('.visually-hidden') !== null || el.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = el.closest('label') ?? el;
    const r = box.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.width < 44 || r.height < 44) {
      const name = (el.getAttribute('aria-label') ?? box.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      out.push(el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '') + ' "' + name + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
    }
  }
  return out;
})()`

/** The controls of the page under 44 × 44 CSS px, each as `where: tag "name" w×h`. */
export async function smallTargets(page: Page, where: string): Promise<string[]> {
  const found = (await page.evaluate(SMALL_TARGETS)) as string[]
  return found.map((f) => `${where}: ${f}`)
}
