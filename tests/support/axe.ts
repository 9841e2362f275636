// axe-core as the journeys run it: the WCAG 2.0–2.2 A and AA rules, over a page or a part of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe finds on `page`, one line per rule ("rule (nodes): where"); empty when clean.
 * `within` is a page expression (a string) giving the element to check, the whole document by
 * default. axe is evaluated, not added as a script tag, so pages whose Content-Security-Policy
 * allows no inline script (the Strapi admin) are checked the same way.
 */
export async function axeViolations(page: Page, within = 'document'): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate<string[]>(`(async () => {
    const result = await window.axe.run(${within}, { runOnly: ${JSON.stringify(RULES)} });
    return result.violations.map(
      (v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', '),
    );
  })()`);
}
