import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** A sidebar entry as the user sees it: every view the app has at the time the test runs. */
export async function viewNames(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link').first().waitFor();
  return nav.getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('data-view') ?? '').filter(Boolean));
}

export async function openView(page: Page, id: string): Promise<void> {
  await page.locator(`nav[aria-label="Sections"] a[data-view="${id}"]`).click();
  await page.locator(`main[data-view="${id}"]`).waitFor();
  // Lists load after the first paint; give the view a moment to settle before measuring it.
  await page.waitForTimeout(300);
}

export interface LayoutProblem {
  what: string;
  element: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Horizontal overflow and clipping, measured: the page never scrolls sideways, no box scrolls sideways
 * (except those marked `data-allow-hscroll`, e.g. raw log lines), and no box cuts its content off unless
 * the cut is a deliberate ellipsis.
 */
export function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { what: string; element: string; scrollWidth: number; clientWidth: number }[] = [];
    const describe = (el: Element): string => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? '';
      const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
      return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}${id ? `[${id}]` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    };
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push({ what: 'page scrolls sideways', element: 'html', scrollWidth: root.scrollWidth, clientWidth: root.clientWidth });
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#root *, dialog[open] *'))) {
      if (el.closest('[data-allow-hscroll]')) continue;
      if (el.clientWidth === 0 || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || el.tagName === 'svg' || el.closest('svg')) continue;
      const over = el.scrollWidth - el.clientWidth;
      if (over <= 1) continue;
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
        problems.push({ what: 'scrolls sideways', element: describe(el), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      } else if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
        if (style.textOverflow === 'ellipsis') continue;
        // A box whose own content is text and is cut off is clipped; sr-only text is meant to be.
        if (style.position === 'absolute' && el.clientWidth <= 1) continue;
        problems.push({ what: 'clips its content', element: describe(el), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
    }
    // Anything drawn past the window's right edge (e.g. a button pushed out of a fixed-width row).
    const right = window.innerWidth;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#root button, #root input, #root select, #root a, dialog[open] button, dialog[open] input'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('[data-allow-hscroll]')) continue;
      if (r.right > right + 1) problems.push({ what: 'drawn past the window edge', element: describe(el), scrollWidth: Math.round(r.right), clientWidth: right });
    }
    return problems;
  });
}

/** axe-core on what is on screen now; returns the serious and critical violations only. */
export async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  // Only violations are collected: gathering passes and incomplete results made each run take several seconds.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (scope) builder = builder.include(scope);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Dialogs a user opens from each view, by the button that opens them. Missing or disabled openers are skipped. */
export const DIALOGS: { view: string; opener: RegExp }[] = [
  { view: 'images', opener: /^Build image$/ },
  { view: 'images', opener: /^Pull image$/ },
  { view: 'volumes', opener: /^Create volume$/ },
  { view: 'networks', opener: /^Create network$/ },
  { view: 'disk', opener: /^Clean up images…$/ },
];

export const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
