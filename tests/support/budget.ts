import type { Browser } from 'playwright-core';
import { recordScripts } from './browser.ts';

export interface WidgetBudget {
  /** gzip bytes of the widget's scripts fetched before any interaction */
  initial: number;
  /** gzip bytes of all the widget's scripts fetched once the video plays */
  afterPlay: number;
  files: Map<string, number>;
}

/** Loads the demo host page in a fresh context, waits for the widget's first paint, presses play. */
export async function measureWidgetBudget(browser: Browser, hostUrl: string, cmsUrl: string): Promise<WidgetBudget> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const scripts = recordScripts(page, cmsUrl);
    await page.goto(`${hostUrl}/?lang=en`);
    await page.locator('lesson-widget').getByRole('button', { name: /play/i }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const initial = await scripts.total();
    await page.locator('lesson-widget').getByRole('button', { name: /play/i }).first().click();
    await page.waitForFunction(() => {
      const w = document.querySelector('lesson-widget');
      const find = (root: ParentNode | null | undefined): HTMLVideoElement | null => {
        if (!root) return null;
        const v = root.querySelector('video');
        if (v) return v;
        for (const el of Array.from(root.querySelectorAll('*'))) {
          const inner = find((el as Element).shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      const video = find(w?.shadowRoot) ?? find(w);
      return video !== null && video.currentTime > 0.5;
    }, undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return { initial, afterPlay: await scripts.total(), files: scripts.files() };
  } finally {
    await context.close();
  }
}
