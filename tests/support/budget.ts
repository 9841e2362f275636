import { request } from 'node:http';
import type { Browser } from 'playwright-core';
import { recordScripts, videoPastExpression, type ScriptTransfer } from './browser.ts';

/** Bytes of the widget's scripts: as they crossed the network, and once decoded. */
export interface ScriptBytes {
  /** Body bytes as sent (brotli when the server sends it so): what the budgets are about. */
  transferred: number;
  decoded: number;
  /** Response header bytes, shown beside the budgets but not counted in them. */
  headers: number;
}

export interface WidgetBudget {
  /** The widget's scripts fetched before any interaction */
  initial: ScriptBytes;
  /** All the widget's scripts fetched once the video plays */
  afterPlay: ScriptBytes;
  files: Map<string, ScriptTransfer>;
  /** The URLs of `files` fetched before any interaction. */
  initialFiles: Set<string>;
}

/**
 * The limits the reader test holds the widget to, in KB as transferred: before any interaction,
 * and once the video plays. Issue 9's targets are `TARGET_KB`; the first one is not reached yet
 * (the bench says by how much), so the test holds what is reached, leaving no room to grow.
 */
export const BUDGET_KB = { initial: 24, afterPlay: 110 };
/** Issue 9's targets (gzip, KB); `npm run bench` says whether each is met. */
export const TARGET_KB = { initial: 20, afterPlay: 110 };

/** Loads the demo host page in a fresh context, waits for the widget's first paint, presses play. */
export async function measureWidgetBudget(
  browser: Browser,
  hostUrl: string,
  cmsUrl: string,
): Promise<WidgetBudget> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const scripts = recordScripts(page, cmsUrl);
    await page.goto(`${hostUrl}/?lang=en`);
    await page.locator('lesson-widget').getByRole('button', { name: /play/i }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const initial = await scripts.total();
    const initialFiles = new Set(scripts.files().keys());
    await page.locator('lesson-widget').getByRole('button', { name: /play/i }).first().click();
    await page.waitForFunction(videoPastExpression(0.5), undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return { initial, afterPlay: await scripts.total(), files: scripts.files(), initialFiles };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The budget as lines to print: transferred and decoded bytes, then each script. */
export function describeWidgetBudget(budget: WidgetBudget, cmsUrl: string): string[] {
  const line = (what: string, b: ScriptBytes, limit: string) =>
    `${what}${kb(b.transferred).padStart(9)} transferred (budget ${limit}), ${kb(b.decoded)} decoded, + ${kb(b.headers)} of headers`;
  return [
    line('before any interaction:', budget.initial, `${BUDGET_KB.initial} KB`),
    line('after play:            ', budget.afterPlay, `${BUDGET_KB.afterPlay} KB`),
    ...[...budget.files].map(
      ([url, f]) =>
        `  ${kb(f.transferred).padStart(9)} ${f.coding.padEnd(8)} ${kb(f.decoded).padStart(9)} decoded  ${url.replace(cmsUrl, '')}`,
    ),
  ];
}

/** Body bytes one GET sends with the given Accept-Encoding (read raw: fetch would decode them). */
function bodyBytes(url: string, acceptEncoding: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url} answered ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** What an answer weighs on the wire: as it is, with brotli (as browsers get it), and gzip only. */
export async function wireBytes(url: string): Promise<{ identity: number; br: number; gzip: number }> {
  return {
    identity: await bodyBytes(url, null),
    br: await bodyBytes(url, 'gzip, deflate, br, zstd'),
    gzip: await bodyBytes(url, 'gzip'),
  };
}
