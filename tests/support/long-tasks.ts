// The Long Tasks API as tests and the bench read it: every long task of a page, installed before
// the page's own scripts, and what blocked the main thread between two moments.
import type { Page } from 'playwright-core';

/** An init script (a string, so the TypeScript loader injects no helpers into page code). */
export const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface Blocking {
  longest: number;
  /** Total blocking time: the part of each long task beyond 50 ms. */
  total: number;
  count: number;
}

export const now = (page: Page) => page.evaluate<number>('performance.now()');

/** The long tasks that started between two `performance.now()` readings of the page. */
export async function blockingBetween(page: Page, from: number, to: number): Promise<Blocking> {
  const tasks = await page.evaluate<Array<{ start: number; duration: number }>>('window.__longTasks');
  const during = tasks.filter((task) => task.start >= from && task.start <= to);
  return {
    longest: Math.round(Math.max(0, ...during.map((task) => task.duration))),
    total: Math.round(during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0)),
    count: during.length,
  };
}

/** Waits until the page has had no long task for a second, so what is measured next is alone. */
export async function settle(page: Page): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 250) {
    const quiet = await page.evaluate<boolean>(
      'performance.now() - Math.max(0, ...window.__longTasks.map((t) => t.start + t.duration)) > 1000',
    );
    if (quiet) return;
    await page.waitForTimeout(250);
  }
}

const ms = (n: number) => `${n.toLocaleString('en')} ms`;

export const describeBlocking = (b: Blocking) =>
  `${ms(b.longest)} (${b.count} long, blocking ${ms(b.total)})`;

/**
 * `npm run bench` marks each long-lecture figure against this: no task of a reader's or editor's
 * page blocks the main thread longer while they read, search or type (the aim is 50 ms).
 */
export const LONG_TASK_TARGET_MS = 200;

/** The bench's verdict on one measurement. */
export const meetsLongTaskTarget = (b: Blocking) =>
  b.longest < LONG_TASK_TARGET_MS ? `✓ < ${LONG_TASK_TARGET_MS} ms` : `✗ over ${LONG_TASK_TARGET_MS} ms`;
