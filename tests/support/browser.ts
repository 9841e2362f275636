import { chromium, type Browser, type Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';

/** Debian's Chromium (never a downloaded one), headless, with autoplay allowed for video tests. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Records every script the page fetches from `origin` and its gzip size. */
export function recordScripts(page: Page, origin: string) {
  const scripts = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const url = res.url();
    if (!url.startsWith(origin) || res.request().resourceType() !== 'script') return;
    pending.push(
      res
        .body()
        .then((body) => void scripts.set(url, gzipSync(body, { level: 9 }).length))
        .catch(() => undefined),
    );
  });
  return {
    async total(): Promise<number> {
      await Promise.all(pending);
      return [...scripts.values()].reduce((a, b) => a + b, 0);
    },
    files: () => new Map(scripts),
  };
}

/**
 * A page expression (a string, so the TypeScript loader injects no helpers into it) that is true
 * once the widget's video element has played past `seconds`.
 */
export const videoPastExpression = (seconds: number): string => `(() => {
  const find = (root) => {
    if (!root) return null;
    const v = root.querySelector('video');
    if (v) return v;
    for (const el of root.querySelectorAll('*')) {
      const inner = find(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const w = document.querySelector('lesson-widget');
  const v = find(w && w.shadowRoot) || find(w);
  return v !== null && v.currentTime > ${seconds};
})()`;
