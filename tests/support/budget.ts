import type { Browser } from 'playwright-core';
import { recordScripts, videoPastExpression } from './browser.ts';

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
    await page.waitForFunction(videoPastExpression(0.5), undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return { initial, afterPlay: await scripts.total(), files: scripts.files() };
  } finally {
    await context.close();
  }
}
