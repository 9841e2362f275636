import { chromium, type Browser, type Page } from 'playwright-core';

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

/** One script as it crossed the network. */
export interface ScriptTransfer {
  /** Body bytes sent, compressed as the server sent them (Chromium's encoded body size). */
  transferred: number;
  /** Body bytes once decoded: what the browser parses. */
  decoded: number;
  /** HTTP response header bytes: counted apart, since they depend on the server's headers, not on the bundle. */
  headers: number;
  /** The Content-Encoding it came with ('identity' when none). */
  coding: string;
}

/**
 * Records every script the page fetches from `origin` and the bytes it really cost: sizes are
 * read when the request has finished (Chromium's `sizes()`, from the network layer's encoded
 * data length), so a compressed chunk counts as sent and an uncompressed one at its full size.
 */
export function recordScripts(page: Page, origin: string) {
  const scripts = new Map<string, ScriptTransfer>();
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) || request.resourceType() !== 'script') return;
    const measured = (async () => {
      const response = await request.response();
      if (!response) throw new Error(`${url} finished without a response`);
      const [sizes, body] = await Promise.all([request.sizes(), response.body()]);
      scripts.set(url, {
        transferred: sizes.responseBodySize,
        decoded: body.length,
        headers: sizes.responseHeadersSize,
        coding: (await response.headerValue('content-encoding')) ?? 'identity',
      });
    })();
    // A script that could not be measured fails total() rather than shrinking the sum.
    measured.catch(() => undefined);
    pending.push(measured);
  });
  const sum = (key: 'transferred' | 'decoded' | 'headers') =>
    [...scripts.values()].reduce((a, s) => a + s[key], 0);
  return {
    /** Every script so far, summed: transferred and decoded body bytes, and header bytes. */
    async total(): Promise<{ transferred: number; decoded: number; headers: number }> {
      await Promise.all(pending);
      return { transferred: sum('transferred'), decoded: sum('decoded'), headers: sum('headers') };
    },
    files: () => new Map(scripts),
  };
}

/** Page code defining `find(root)`: the first `<video>` under `root`, through shadow roots. */
const FIND_VIDEO = `const find = (root) => {
    if (!root) return null;
    const v = root.querySelector('video');
    if (v) return v;
    for (const el of root.querySelectorAll('*')) {
      const inner = find(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };`;

/**
 * A page expression (a string, so the TypeScript loader injects no helpers into it) that is true
 * once the widget's video element has played past `seconds`.
 */
export const videoPastExpression = (seconds: number): string => `(() => {
  ${FIND_VIDEO}
  const w = document.querySelector('lesson-widget');
  const v = find(w && w.shadowRoot) || find(w);
  return v !== null && v.currentTime > ${seconds};
})()`;

/** A page expression that is true once the page's video has played and is paused past `seconds`. */
export const videoPausedPastExpression = (seconds: number): string => `(() => {
  ${FIND_VIDEO}
  const v = find(document);
  return !!v && v.played.length > 0 && v.paused && v.currentTime > ${seconds};
})()`;
