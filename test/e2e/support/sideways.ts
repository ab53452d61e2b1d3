import type { Page } from '@playwright/test'

/**
 * In the page (a string: the Node-side tsconfig has no DOM types, as in touchTargets.ts): the
 * document's scroll width, the viewport's, and the innermost visible elements past the right
 * edge that no scrolling box of their own holds.
 */
const SIDEWAYS = `(() => {
  // An absolutely placed element (a visually hidden word) is held only by a box that is
  // positioned or has a positioned box between them; otherwise it widens the page.
  const held = (el) => {
    let placed = getComputedStyle(el).position !== 'absolute';
    for (let p = el.parentElement; p !== null && p !== document.body; p = p.parentElement) {
      const cs = getComputedStyle(p);
      if (cs.position !== 'static') placed = true;
      if (placed && ['auto', 'scroll', 'hidden', 'clip'].includes(cs.overflowX)) return true;
    }
    return false;
  };
  const name = (el) => {
    const cls = typeof el.className === 'string' && el.className !== '' ? '.' + el.className.split(/\\s+/u)[0] : '';
    const text = (el.textContent ?? '').trim().replace(/\\s+/gu, ' ').slice(0, 30);
    return el.tagName.toLowerCase() + cls + ' "' + text + '"';
  };
  const past = (el) => el.getBoundingClientRect().right > innerWidth + 1;
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || !past(el) || held(el)) continue;
    // The innermost elements past the edge name the place; their wrappers add nothing (a box
    // that clips or scrolls its content is the place itself).
    const clips = getComputedStyle(el).overflowX !== 'visible';
    if (!clips && [...el.children].some(past)) continue;
    culprits.push(name(el) + ' right=' + Math.round(r.right));
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits: culprits.slice(0, 15) };
})()`

/**
 * What makes the page wider than its viewport: the document's scroll width, the viewport's
 * width, and the visible elements reaching past the right edge that no scrolling box of their
 * own holds (a wide table may scroll inside its box; the page itself must not). Names them,
 * so a failing test shows where to look.
 */
export async function sideways(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate<{ scrollWidth: number; innerWidth: number; culprits: string[] }>(SIDEWAYS)
}
