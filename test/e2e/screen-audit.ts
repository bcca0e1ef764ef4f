// What every screen must hold on a 360 px phone (docs/ARCHITECTURE.md): no sideways scroll, tap targets at
// least 44 px, and in the field screens (the unit reporter's) no text under 16 px. Measured in the
// page; the caller collects console errors with watchConsole().
import type { Page } from 'playwright-core';

export const NARROW = { width: 360, height: 640 };

/** Console errors and uncaught exceptions of a page, for the caller to assert empty. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** Problems of the screen as shown now; an empty list is a pass. */
export function auditScreen(page: Page, opts: { field: boolean; width?: number }): Promise<string[]> {
  return page.evaluate(
    ([field, width]) => {
      const out: string[] = [];
      // scrollWidth, not innerWidth: an emulated mobile viewport widens innerWidth to fit.
      const sw = document.documentElement.scrollWidth;
      if (sw > width) out.push(`sideways scroll: scrollWidth ${sw} > ${width}`);
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const s = getComputedStyle(el);
        return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[aria-hidden="true"], .visually-hidden');
      };
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 24)}"`;
      // An inline link inside a sentence is exempt (WCAG 2.5.8); a link alone on its line is not.
      const inSentence = (el: Element) => {
        if (getComputedStyle(el).display !== 'inline') return false;
        const parent = el.parentElement;
        if (!parent) return false;
        const own = (parent.textContent ?? '').replace(el.textContent ?? '', '').trim();
        return own.length > 0;
      };
      const targets = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="switch"]');
      for (const el of targets) {
        let box: Element = el;
        const input = el as HTMLInputElement;
        // A checkbox, radio or file input inside its label: the label is what one taps.
        if (el.tagName === 'INPUT' && ['checkbox', 'radio', 'file'].includes(input.type) && el.closest('label')) box = el.closest('label')!;
        if (!shown(box) || (box === el && el.tagName === 'INPUT' && getComputedStyle(el).opacity === '0')) continue;
        if (el.tagName === 'A' && inSentence(el)) continue;
        const r = box.getBoundingClientRect();
        if (r.height < 43.5 || r.width < 43.5) out.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)}: ${name(box)}`);
      }
      if (field) {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const seen = new Set<Element>();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || seen.has(el) || !n.textContent?.trim()) continue;
          seen.add(el);
          if (!shown(el)) continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < 15.95) out.push(`text ${px}px: ${name(el)}`);
        }
      }
      return out;
    },
    [opts.field, opts.width ?? NARROW.width] as const,
  );
}
